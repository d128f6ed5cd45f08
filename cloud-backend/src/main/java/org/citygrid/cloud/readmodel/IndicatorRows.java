package org.citygrid.cloud.readmodel;

import static org.citygrid.contracts.readmodel.IndicatorsTable.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.citygrid.contracts.indicators.DailyTally;
import org.citygrid.contracts.readmodel.Column;
import org.citygrid.contracts.readmodel.Row;
import org.citygrid.model.wire.WireJson;

/** Upserts daily tallies into {@code grid.indicators}: a tally replaces the row only if it counted more events. */
final class IndicatorRows {

    /** Every column but {@code updated_at}, which the database sets. */
    private static final List<Column<?>> WRITTEN = TABLE.columnsExcept(UPDATED_AT);

    private static final String UPSERT = TABLE.insert(WRITTEN)
            + " ON CONFLICT (" + DAY + ", " + DIMENSION + ", " + LEVEL + ", " + CODE + ") DO UPDATE SET "
            + TABLE.setFromExcluded(List.of(COUNTS, EVENTS)) + ", " + UPDATED_AT + " = now()"
            + " WHERE " + TABLE.qualified(EVENTS) + " < EXCLUDED." + EVENTS;

    private IndicatorRows() {
    }

    static void upsert(Connection c, Collection<DailyTally> tallies) throws SQLException {
        if (tallies.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(UPSERT)) {
            for (DailyTally t : tallies) {
                new Row(WRITTEN)
                        .set(DAY, t.day())
                        .set(DIMENSION, t.dimension())
                        .set(LEVEL, t.level())
                        .set(CODE, t.code())
                        .set(COUNTS, counts(t))
                        .set(EVENTS, t.events())
                        .bind(st);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static String counts(DailyTally t) {
        try {
            return WireJson.mapper().writeValueAsString(t.tally().counts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
