package org.citygrid.api.support;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The first column of a query's rows, as strings, in the order the query gives them. */
public final class StringColumn {
    private StringColumn() {
    }

    public static List<String> read(PreparedStatement query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
