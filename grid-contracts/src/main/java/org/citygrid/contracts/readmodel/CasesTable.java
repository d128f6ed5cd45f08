package org.citygrid.contracts.readmodel;

import static org.citygrid.contracts.readmodel.SqlType.BIGINT;
import static org.citygrid.contracts.readmodel.SqlType.BOOLEAN;
import static org.citygrid.contracts.readmodel.SqlType.INTEGER;
import static org.citygrid.contracts.readmodel.SqlType.JSONB;
import static org.citygrid.contracts.readmodel.SqlType.POINT;
import static org.citygrid.contracts.readmodel.SqlType.TEXT;
import static org.citygrid.contracts.readmodel.SqlType.TEXT_ARRAY;
import static org.citygrid.contracts.readmodel.SqlType.TIMESTAMPTZ;

import java.time.Instant;
import java.util.List;
import org.citygrid.model.geo.GeoPoint;

/**
 * {@code grid.cases}: every case's latest snapshot, one row per case, written by cloud-backend's
 * projection from {@code grid.cases} (the topic) and never moved to a lower {@link #VERSION}. What each
 * column means is docs/read-model.md; enum columns hold the grid-model names ({@code CaseState},
 * {@code Channel}, {@code Stage}).
 *
 * <p>mobile-api reads a case with {@code TABLE.select(columns)} and {@link Column#read}; the case's
 * verification and a pending extension's fields are in {@link #SNAPSHOT} and {@link #PENDING_EXTENSION}
 * as JSON. A map shows only {@link MapTable#CASES}' attributes: {@link #REPORTER_ID}, {@link #FOLLOWERS}
 * and the raw {@link #SNAPSHOT} never leave the server.
 */
public final class CasesTable {

    public static final String NAME = ReadModelSchema.SCHEMA + ".cases";

    public static final Column<String> CASE_ID = Column.of("case_id", TEXT);
    /** The version of the last event folded in. */
    public static final Column<Long> VERSION = Column.of("version", BIGINT);
    public static final Column<String> STATE = Column.of("state", TEXT);
    /** Whether the state is final (closed, dismissed, voided): the partial indexes are on {@code NOT terminal}. */
    public static final Column<Boolean> TERMINAL = Column.of("terminal", BOOLEAN);
    public static final Column<String> CATEGORY_CODE = Column.of("category_code", TEXT);
    public static final Column<String> GRID_CODE = Column.of("grid_code", TEXT);
    public static final Column<String> COMMUNITY_CODE = Column.of("community_code", TEXT);
    public static final Column<String> STREET_CODE = Column.of("street_code", TEXT);
    public static final Column<String> COUNTY_CODE = Column.of("county_code", TEXT);
    /** The first report's position. */
    public static final Column<GeoPoint> POSITION = Column.of("position", POINT);
    public static final Column<String> CHANNEL = Column.of("channel", TEXT);
    public static final Column<String> DESCRIPTION = Column.of("description", TEXT);
    public static final Column<String> REPORTER_ID = Column.of("reporter_id", TEXT);
    public static final Column<Boolean> ANONYMOUS = Column.of("anonymous", BOOLEAN);
    public static final Column<String> DEPARTMENT = Column.of("department", TEXT);
    public static final Column<String> ASSIGNEE = Column.of("assignee", TEXT);
    public static final Column<String> HANDLED_BY = Column.of("handled_by", TEXT);
    public static final Column<String> ACTIVE_STAGE = Column.of("active_stage", TEXT);
    /** The active stage's deadline. */
    public static final Column<Instant> DEADLINE = Column.of("deadline", TIMESTAMPTZ);
    public static final Column<String> DEADLINES = Column.of("deadlines", JSONB);
    public static final Column<List<String>> OVERDUE = Column.of("overdue", TEXT_ARRAY);
    public static final Column<List<String>> LATE_STAGES = Column.of("late_stages", TEXT_ARRAY);
    public static final Column<Integer> ESCALATION_LEVEL = Column.of("escalation_level", INTEGER);
    public static final Column<Integer> REWORK_COUNT = Column.of("rework_count", INTEGER);
    public static final Column<Integer> RETURN_COUNT = Column.of("return_count", INTEGER);
    public static final Column<Integer> DUPLICATES = Column.of("duplicates", INTEGER);
    /** The reporters of the case and of the duplicates merged into it. */
    public static final Column<List<String>> FOLLOWERS = Column.of("followers", TEXT_ARRAY);
    public static final Column<List<String>> CLEARED_EPISODES = Column.of("cleared_episodes", TEXT_ARRAY);
    public static final Column<String> PENDING_EXTENSION = Column.of("pending_extension", JSONB);
    public static final Column<String> SUSPENSION = Column.of("suspension", JSONB);
    public static final Column<Instant> REPORTED_AT = Column.of("reported_at", TIMESTAMPTZ);
    public static final Column<Instant> FILED_AT = Column.of("filed_at", TIMESTAMPTZ);
    public static final Column<Instant> FIRST_DISPATCHED_AT = Column.of("first_dispatched_at", TIMESTAMPTZ);
    public static final Column<Instant> HANDLED_AT = Column.of("handled_at", TIMESTAMPTZ);
    public static final Column<Instant> CLOSED_AT = Column.of("closed_at", TIMESTAMPTZ);
    public static final Column<Integer> RATING = Column.of("rating", INTEGER);
    public static final Column<Instant> UPDATED_AT = Column.of("updated_at", TIMESTAMPTZ);
    public static final Column<String> EVIDENCE = Column.of("evidence", JSONB);
    /** The whole snapshot as docs/wire-formats.md writes it. */
    public static final Column<String> SNAPSHOT = Column.of("snapshot", JSONB);
    /** When the projection wrote the row. */
    public static final Column<Instant> PROJECTED_AT = Column.of("projected_at", TIMESTAMPTZ);

    public static final Table TABLE = new Table(NAME, List.of(CASE_ID, VERSION, STATE, TERMINAL, CATEGORY_CODE,
            GRID_CODE, COMMUNITY_CODE, STREET_CODE, COUNTY_CODE, POSITION, CHANNEL, DESCRIPTION, REPORTER_ID, ANONYMOUS,
            DEPARTMENT, ASSIGNEE, HANDLED_BY, ACTIVE_STAGE, DEADLINE, DEADLINES, OVERDUE, LATE_STAGES, ESCALATION_LEVEL,
            REWORK_COUNT, RETURN_COUNT, DUPLICATES, FOLLOWERS, CLEARED_EPISODES, PENDING_EXTENSION, SUSPENSION,
            REPORTED_AT, FILED_AT, FIRST_DISPATCHED_AT, HANDLED_AT, CLOSED_AT, RATING, UPDATED_AT, EVIDENCE, SNAPSHOT,
            PROJECTED_AT));

    private CasesTable() {
    }
}
