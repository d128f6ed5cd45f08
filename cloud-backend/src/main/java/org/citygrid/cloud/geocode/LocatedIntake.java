package org.citygrid.cloud.geocode;

import java.util.Objects;
import org.citygrid.model.intake.IntakeRecord;

/**
 * An intake record that passed validation and lies in a unit grid: what the duplicate matcher
 * works on. Carried on the internal topic {@code intake-by-community}.
 *
 * @param record       the record as received
 * @param categoryCode the record's category; for sensors, the one their type raises
 * @param gridCode     the grid the position falls in
 */
public record LocatedIntake(IntakeRecord record, String categoryCode, String gridCode) {

    public LocatedIntake {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(gridCode, "gridCode");
    }

    public String communityCode() {
        return gridCode.substring(0, 12);
    }
}
