package org.citygrid.api.desk.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.citygrid.api.desk.DeskItem;
import org.citygrid.api.desk.DeskQueue;
import org.citygrid.api.desk.DeskStore;
import org.citygrid.api.desk.QueueSummary;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.api.places.Place;
import org.citygrid.contracts.readmodel.CasesTable;
import org.citygrid.contracts.readmodel.GridsTable;

/**
 * {@link DeskStore} in SQL over grid.cases and grid.grids: every count in one pass over the open
 * cases, a page on the open cases' (state, deadline) index (grid migration V3), search by prefix on
 * case ids, case numbers (案卷号) and grid codes and by substring on descriptions and place names.
 */
@Singleton
final class JdbcDeskStore implements DeskStore {

    private static final String ITEM_COLUMNS = """
            c.case_id, c.version, c.state, c.category_code, c.grid_code, c.description, c.channel, c.department,
            c.assignee, c.active_stage, c.deadline, %s AS late, c.pending_extension IS NOT NULL, c.reported_at,
            %s AS since, ST_X(c.position), ST_Y(c.position),
            g.name_zh, g.name_en, c.community_code, g.community_name_zh, g.community_name_en,
            c.street_code, g.street_name_zh, g.street_name_en, c.snapshot->>'caseNumber'""";

    private static final String FROM = CasesTable.NAME + " c LEFT JOIN " + GridsTable.NAME + " g ON g.code = c.grid_code";

    private final Jdbc jdbc;

    JdbcDeskStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<QueueSummary> summaries(List<DeskQueue> queues, String department, Instant now) {
        if (queues.isEmpty()) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (DeskQueue q : queues) {
            QueueSql.Condition where = QueueSql.of(q, queues);
            columns.add("count(*) FILTER (WHERE " + where.sql() + ")");
            columns.add("min(" + QueueSql.since(q) + ") FILTER (WHERE " + where.sql() + ")");
            params.addAll(Collections.nCopies(where.nows() * 2, Timestamp.from(now)));
        }
        String scope = department == null ? "" : " AND c.department = ?";
        if (department != null) {
            params.add(department);
        }
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + CasesTable.NAME + " c WHERE NOT c.terminal" + scope;
        return jdbc.first("cannot count the desk's queues", sql, rs -> {
            List<QueueSummary> out = new ArrayList<>();
            for (int i = 0; i < queues.size(); i++) {
                Timestamp oldest = rs.getTimestamp(2 * i + 2);
                Instant since = oldest == null ? null : oldest.toInstant();
                out.add(new QueueSummary(queues.get(i), rs.getLong(2 * i + 1), since,
                        since == null ? null : Math.max(0, Duration.between(since, now).toSeconds())));
            }
            return out;
        }, params.toArray()).orElseThrow();
    }

    @Override
    public List<DeskItem> page(DeskQueue queue, List<DeskQueue> among, String department, Instant now, int offset, int limit) {
        QueueSql.Condition where = QueueSql.of(queue, among);
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(now));
        params.addAll(Collections.nCopies(where.nows(), Timestamp.from(now)));
        String scope = "";
        if (department != null) {
            scope = " AND c.department = ?";
            params.add(department);
        }
        params.add(limit);
        params.add(offset);
        String sql = "SELECT " + ITEM_COLUMNS.formatted(QueueSql.LATE, QueueSql.since(queue)) + " FROM " + FROM
                + " WHERE NOT c.terminal AND " + where.sql() + scope
                + " ORDER BY c.deadline ASC NULLS LAST, c.reported_at, c.case_id LIMIT ? OFFSET ?";
        return jdbc.list("cannot read a desk queue", sql, JdbcDeskStore::item, params.toArray());
    }

    @Override
    public List<DeskItem> search(String text, String department, Instant now, int limit) {
        String prefix = escapeLike(text) + "%";
        String contains = "%" + escapeLike(text) + "%";
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now), prefix, prefix, prefix, contains, contains,
                contains, contains, contains, contains, contains));
        String scope = "";
        if (department != null) {
            scope = " AND c.department = ?";
            params.add(department);
        }
        params.add(limit);
        String sql = "SELECT " + ITEM_COLUMNS.formatted("NOT c.terminal AND " + QueueSql.LATE, "c.updated_at") + " FROM " + FROM
                + " WHERE (c.case_id LIKE ? OR c.snapshot->>'caseNumber' LIKE ? OR c.grid_code LIKE ? OR c.description ILIKE ?"
                + " OR g.name_zh ILIKE ? OR g.name_en ILIKE ? OR g.community_name_zh ILIKE ? OR g.community_name_en ILIKE ?"
                + " OR g.street_name_zh ILIKE ? OR g.street_name_en ILIKE ?)" + scope
                + " ORDER BY c.terminal, c.reported_at DESC, c.case_id LIMIT ?";
        return jdbc.list("cannot search cases", sql, JdbcDeskStore::item, params.toArray());
    }

    /** {@code text} as a LIKE pattern that matches it literally (backslash is PostgreSQL's default escape). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static DeskItem item(ResultSet rs) throws SQLException {
        Timestamp deadline = rs.getTimestamp(11);
        Place place = new Place(rs.getString(5), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21),
                rs.getString(22), rs.getString(23), rs.getString(24), rs.getString(25));
        return new DeskItem(rs.getString(1), rs.getString(26), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), place,
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                deadline == null ? null : deadline.toInstant(), rs.getBoolean(12), rs.getBoolean(13),
                rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant(), rs.getDouble(16), rs.getDouble(17), null);
    }
}
