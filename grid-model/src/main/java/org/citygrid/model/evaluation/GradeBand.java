package org.citygrid.model.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A grade (评价等级) a composite value reaches from {@code from} on.
 *
 * @param grade  its letter, e.g. {@code A}
 * @param nameZh its name, e.g. 优秀
 * @param nameEn its English name
 * @param from   the lowest composite value of the grade, inclusive
 */
public record GradeBand(String grade, String nameZh, String nameEn, BigDecimal from) {

    public GradeBand {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(from, "from");
    }
}
