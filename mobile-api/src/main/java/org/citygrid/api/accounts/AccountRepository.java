package org.citygrid.api.accounts;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;
import org.citygrid.model.cases.Role;

/** api.accounts over plain JDBC: a handful of statements do not need an ORM. */
@Singleton
public class AccountRepository {

    private static final String COLUMNS =
            "id, username, password_hash, role, display_name, department, community_code, grid_codes, disabled";

    private final DataSource dataSource;

    public AccountRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Account> byUsername(String username) {
        return one("SELECT " + COLUMNS + " FROM api.accounts WHERE username = ?", username);
    }

    public Optional<Account> byId(String id) {
        return one("SELECT " + COLUMNS + " FROM api.accounts WHERE id = ?", id);
    }

    public boolean anyWithRole(Role role) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM api.accounts WHERE role = ? LIMIT 1")) {
            s.setString(1, role.name());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot look up accounts", e);
        }
    }

    /** The enabled handlers of a department: who is told of its tasks. */
    public List<String> handlersOf(String department) {
        return ids("SELECT id FROM api.accounts WHERE role = 'HANDLER' AND department = ? AND NOT disabled ORDER BY id",
                department);
    }

    /** The enabled grid workers who cover a unit grid: who verifies and checks on site there. */
    public List<String> workersCovering(String gridCode) {
        return ids("SELECT id FROM api.accounts WHERE role = 'GRID_WORKER' AND ? = ANY (grid_codes) AND NOT disabled "
                + "ORDER BY id", gridCode);
    }

    private List<String> ids(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            List<String> ids = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new DataAccessException("cannot look up accounts", e);
        }
    }

    /** Inserts the account; {@code false} when the user name is taken. */
    public boolean insert(Account a, Instant now) {
        String sql = "INSERT INTO api.accounts (" + COLUMNS + ", created_at) VALUES (?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (username) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, a.id());
            s.setString(2, a.username());
            s.setString(3, a.passwordHash());
            s.setString(4, a.role().name());
            s.setString(5, a.displayName());
            s.setString(6, a.department());
            s.setString(7, a.communityCode());
            s.setArray(8, c.createArrayOf("text", a.gridCodes().toArray()));
            s.setBoolean(9, a.disabled());
            s.setTimestamp(10, Timestamp.from(now));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataAccessException("cannot store account " + a.username(), e);
        }
    }

    private Optional<Account> one(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read account", e);
        }
    }

    private static Account map(ResultSet rs) throws SQLException {
        Array grids = rs.getArray("grid_codes");
        List<String> gridCodes = grids == null ? List.of() : Arrays.asList((String[]) grids.getArray());
        return new Account(rs.getString("id"), rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getString("display_name"), rs.getString("department"),
                rs.getString("community_code"), gridCodes, rs.getBoolean("disabled"));
    }
}
