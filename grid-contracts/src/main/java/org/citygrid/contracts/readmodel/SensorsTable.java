package org.citygrid.contracts.readmodel;

import static org.citygrid.contracts.readmodel.SqlType.DOUBLE;
import static org.citygrid.contracts.readmodel.SqlType.POINT;
import static org.citygrid.contracts.readmodel.SqlType.TEXT;
import static org.citygrid.contracts.readmodel.SqlType.TIMESTAMPTZ;

import java.time.Instant;
import java.util.List;
import org.citygrid.model.geo.GeoPoint;

/**
 * {@code grid.sensors}: each sensor at its latest alarm edge seen on {@code grid.intake}, and the case
 * its latest alarm opened or joined; written by cloud-backend's projection, shown on mobile-api's maps
 * ({@link MapTable#SENSORS}).
 */
public final class SensorsTable {

    public static final String NAME = ReadModelSchema.SCHEMA + ".sensors";

    public static final Column<String> DEVICE_ID = Column.of("device_id", TEXT);
    public static final Column<String> SENSOR_TYPE = Column.of("sensor_type", TEXT);
    public static final Column<GeoPoint> POSITION = Column.of("position", POINT);
    /** The unit grid that covers the position, null outside the managed area. */
    public static final Column<String> GRID_CODE = Column.of("grid_code", TEXT);
    /** {@code RAISED} or {@code CLEARED}. */
    public static final Column<String> ALARM_STATE = Column.of("alarm_state", TEXT);
    public static final Column<String> EPISODE_ID = Column.of("episode_id", TEXT);
    public static final Column<String> QUANTITY = Column.of("quantity", TEXT);
    public static final Column<Double> LAST_VALUE = Column.of("last_value", DOUBLE);
    public static final Column<String> UNIT = Column.of("unit", TEXT);
    public static final Column<Double> THRESHOLD = Column.of("threshold", DOUBLE);
    public static final Column<Instant> OBSERVED_AT = Column.of("observed_at", TIMESTAMPTZ);
    public static final Column<String> INTAKE_ID = Column.of("intake_id", TEXT);
    public static final Column<String> CASE_ID = Column.of("case_id", TEXT);
    public static final Column<Instant> UPDATED_AT = Column.of("updated_at", TIMESTAMPTZ);

    public static final Table TABLE = new Table(NAME, List.of(DEVICE_ID, SENSOR_TYPE, POSITION, GRID_CODE, ALARM_STATE,
            EPISODE_ID, QUANTITY, LAST_VALUE, UNIT, THRESHOLD, OBSERVED_AT, INTAKE_ID, CASE_ID, UPDATED_AT));

    private SensorsTable() {
    }
}
