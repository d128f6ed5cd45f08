package org.citygrid.cloud.readmodel;

import static org.citygrid.contracts.readmodel.CaseEventsTable.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.citygrid.contracts.readmodel.Column;
import org.citygrid.contracts.readmodel.Row;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.wire.WireCodec;

/** Appends case events to {@code grid.case_events}; an event seen again is ignored by its key. */
final class EventRows {

    /** Every column but {@code projected_at}, which the database sets. */
    private static final List<Column<?>> WRITTEN = TABLE.columnsExcept(PROJECTED_AT);

    private static final String INSERT = TABLE.insert(WRITTEN) + " ON CONFLICT (" + CASE_ID + ", " + VERSION + ") DO NOTHING";

    private EventRows() {
    }

    static void insert(Connection c, Collection<CaseEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            for (CaseEvent e : events) {
                var tree = WireCodec.events().toTree(e);
                new Row(WRITTEN)
                        .set(CASE_ID, e.caseId())
                        .set(VERSION, e.version())
                        .set(AT, e.at())
                        .set(TYPE, e.change().getClass().getSimpleName())
                        .set(ACTOR_ID, e.actor().id())
                        .set(ACTOR_ROLE, e.actor().role().name())
                        .set(ACTOR_DEPARTMENT, e.actor().department())
                        .set(COMMAND_ID, e.commandId())
                        .set(CHANGE, tree.get("change").toString())
                        .set(EVENT, tree.toString())
                        .bind(st);
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
