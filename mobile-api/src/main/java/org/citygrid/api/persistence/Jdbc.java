package org.citygrid.api.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The stores' one way to run a parameterised statement: a connection per call, parameters bound in
 * order (a {@link List} as a PostgreSQL {@code text[]}), every {@link SQLException} turned into a
 * {@link DataAccessException} that says what the store was doing.
 */
public final class Jdbc {

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row of a result as a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work on one connection, for statements that need more than one call. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE. @return the rows it touched */
    public int update(String what, String sql, Object... params) {
        return run(what, c -> {
            try (PreparedStatement s = prepare(c, sql, params)) {
                return s.executeUpdate();
            }
        });
    }

    /** Every row of a query, in the query's order. */
    public <T> List<T> list(String what, String sql, Row<T> row, Object... params) {
        return run(what, c -> {
            try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                return out;
            }
        });
    }

    /** The first row of a query, if there is one. */
    public <T> Optional<T> first(String what, String sql, Row<T> row, Object... params) {
        return run(what, c -> {
            try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
            }
        });
    }

    /** {@code work} on a connection of its own, closed after. */
    public <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    /** {@code work} in one transaction on a connection of its own: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String what, Work<T> work) {
        return run(what, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        });
    }

    /** Runs one statement of a {@link Work} on its connection. @return the rows it touched */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    /** {@code sql} with {@code params} bound in order; lists become {@code text[]}. */
    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof List<?> list) {
                    s.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
