package org.citygrid.contracts.readmodel;

import static org.citygrid.contracts.readmodel.SqlType.BIGINT;
import static org.citygrid.contracts.readmodel.SqlType.JSONB;
import static org.citygrid.contracts.readmodel.SqlType.TEXT;
import static org.citygrid.contracts.readmodel.SqlType.TIMESTAMPTZ;

import java.time.Instant;
import java.util.List;

/**
 * {@code grid.case_events}: every case's audit trail, one row per event, keyed by case and version,
 * appended by cloud-backend's projection. mobile-api reads a case's timeline from it and finds the
 * case a command or an intake made by {@link #COMMAND_ID} ({@code intake:<intakeId>} for intake).
 */
public final class CaseEventsTable {

    public static final String NAME = ReadModelSchema.SCHEMA + ".case_events";

    public static final Column<String> CASE_ID = Column.of("case_id", TEXT);
    public static final Column<Long> VERSION = Column.of("version", BIGINT);
    public static final Column<Instant> AT = Column.of("at", TIMESTAMPTZ);
    /** The change's type name ({@code Reported}, {@code Dispatched}, ...). */
    public static final Column<String> TYPE = Column.of("type", TEXT);
    public static final Column<String> ACTOR_ID = Column.of("actor_id", TEXT);
    public static final Column<String> ACTOR_ROLE = Column.of("actor_role", TEXT);
    public static final Column<String> ACTOR_DEPARTMENT = Column.of("actor_department", TEXT);
    public static final Column<String> COMMAND_ID = Column.of("command_id", TEXT);
    /** The event's {@code change} object. */
    public static final Column<String> CHANGE = Column.of("change", JSONB);
    /** The whole event as docs/wire-formats.md writes it. */
    public static final Column<String> EVENT = Column.of("event", JSONB);
    public static final Column<Instant> PROJECTED_AT = Column.of("projected_at", TIMESTAMPTZ);

    public static final Table TABLE = new Table(NAME, List.of(CASE_ID, VERSION, AT, TYPE, ACTOR_ID, ACTOR_ROLE,
            ACTOR_DEPARTMENT, COMMAND_ID, CHANGE, EVENT, PROJECTED_AT));

    private CaseEventsTable() {
    }
}
