package org.citygrid.cloud.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.wire.WireCodec;

/** Appends case events to {@code grid.case_events}; an event seen again is ignored by its key. */
final class EventRows {

    private static final String INSERT = """
            INSERT INTO grid.case_events (case_id, version, at, type, actor_id, actor_role, actor_department,
                command_id, change, event)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
            ON CONFLICT (case_id, version) DO NOTHING
            """;

    private EventRows() {
    }

    static void insert(Connection c, Collection<CaseEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            for (CaseEvent e : events) {
                var tree = WireCodec.events().toTree(e);
                int i = 0;
                st.setString(++i, e.caseId());
                st.setLong(++i, e.version());
                Sql.instant(st, ++i, e.at());
                st.setString(++i, e.change().getClass().getSimpleName());
                st.setString(++i, e.actor().id());
                st.setString(++i, e.actor().role().name());
                Sql.text(st, ++i, e.actor().department());
                Sql.text(st, ++i, e.commandId());
                st.setString(++i, tree.get("change").toString());
                st.setString(++i, tree.toString());
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
