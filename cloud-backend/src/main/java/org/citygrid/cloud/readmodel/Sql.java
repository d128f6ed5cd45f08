package org.citygrid.cloud.readmodel;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/** Small helpers for binding domain values to statements. */
final class Sql {

    private Sql() {
    }

    static void instant(PreparedStatement st, int index, Instant value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static void text(PreparedStatement st, int index, Object value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.VARCHAR);
        } else {
            st.setString(index, value.toString());
        }
    }

    static void integer(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    static Array texts(Connection c, Collection<?> values) throws SQLException {
        return c.createArrayOf("text", values.stream().map(Object::toString).sorted().toArray());
    }
}
