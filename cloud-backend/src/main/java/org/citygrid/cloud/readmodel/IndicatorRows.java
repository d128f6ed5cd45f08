package org.citygrid.cloud.readmodel;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.citygrid.cloud.indicators.DailyTally;
import org.citygrid.model.wire.WireJson;

/** Upserts daily tallies into {@code grid.indicators}: a tally replaces the row only if it counted more events. */
final class IndicatorRows {

    private static final String UPSERT = """
            INSERT INTO grid.indicators (day, dimension, level, code, counts, events, updated_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, now())
            ON CONFLICT (day, dimension, level, code) DO UPDATE SET
                counts = EXCLUDED.counts, events = EXCLUDED.events, updated_at = now()
            WHERE grid.indicators.events < EXCLUDED.events
            """;

    private IndicatorRows() {
    }

    static void upsert(Connection c, Collection<DailyTally> tallies) throws SQLException {
        if (tallies.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(UPSERT)) {
            for (DailyTally t : tallies) {
                st.setDate(1, Date.valueOf(t.day()));
                st.setString(2, t.dimension());
                st.setString(3, t.level());
                st.setString(4, t.code());
                try {
                    st.setString(5, WireJson.mapper().writeValueAsString(t.tally().counts()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                st.setLong(6, t.events());
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
