package org.citygrid.contracts.readmodel;

import static org.citygrid.contracts.readmodel.SqlType.BIGINT;
import static org.citygrid.contracts.readmodel.SqlType.DATE;
import static org.citygrid.contracts.readmodel.SqlType.JSONB;
import static org.citygrid.contracts.readmodel.SqlType.TEXT;
import static org.citygrid.contracts.readmodel.SqlType.TIMESTAMPTZ;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code grid.indicators}: the daily tallies of {@code grid.indicators} (the topic), one row per day and
 * key, which cloud-backend's projection keeps at the tally with the most {@link #EVENTS}. mobile-api
 * sums {@link #COUNTS} over days for its indicator views (docs/indicators.md).
 */
public final class IndicatorsTable {

    public static final String NAME = ReadModelSchema.SCHEMA + ".indicators";

    /** The Asia/Shanghai day the events happened on. */
    public static final Column<LocalDate> DAY = Column.of("day", DATE);
    /** {@code area}, {@code department}, {@code person} or {@code category}. */
    public static final Column<String> DIMENSION = Column.of("dimension", TEXT);
    /** For areas the {@code AreaLevel} name, otherwise empty. */
    public static final Column<String> LEVEL = Column.of("level", TEXT);
    public static final Column<String> CODE = Column.of("code", TEXT);
    /** grid-model's {@code Counter} names and their counts, as a JSON object. */
    public static final Column<String> COUNTS = Column.of("counts", JSONB);
    public static final Column<Long> EVENTS = Column.of("events", BIGINT);
    public static final Column<Instant> UPDATED_AT = Column.of("updated_at", TIMESTAMPTZ);

    public static final Table TABLE = new Table(NAME, List.of(DAY, DIMENSION, LEVEL, CODE, COUNTS, EVENTS, UPDATED_AT));

    private IndicatorsTable() {
    }
}
