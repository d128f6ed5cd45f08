package org.citygrid.api.accounts.persistence;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citygrid.api.accounts.Account;
import org.citygrid.api.accounts.AccountRepository;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.model.cases.Role;

/** {@link AccountRepository} in api.accounts over plain JDBC: a handful of statements do not need an ORM. */
@Singleton
final class JdbcAccountRepository implements AccountRepository {

    private static final String COLUMNS =
            "id, username, password_hash, role, display_name, department, community_code, grid_codes, disabled";

    private final Jdbc jdbc;

    JdbcAccountRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<Account> byUsername(String username) {
        return jdbc.first("cannot read account", "SELECT " + COLUMNS + " FROM api.accounts WHERE username = ?",
                JdbcAccountRepository::account, username);
    }

    @Override
    public Optional<Account> byId(String id) {
        return jdbc.first("cannot read account", "SELECT " + COLUMNS + " FROM api.accounts WHERE id = ?",
                JdbcAccountRepository::account, id);
    }

    @Override
    public boolean anyWithRole(Role role) {
        return jdbc.first("cannot look up accounts", "SELECT 1 FROM api.accounts WHERE role = ? LIMIT 1", rs -> true,
                role.name()).isPresent();
    }

    @Override
    public List<String> handlersOf(String department) {
        return jdbc.list("cannot look up accounts",
                "SELECT id FROM api.accounts WHERE role = 'HANDLER' AND department = ? AND NOT disabled ORDER BY id",
                rs -> rs.getString(1), department);
    }

    @Override
    public List<String> workersCovering(String gridCode) {
        return jdbc.list("cannot look up accounts",
                "SELECT id FROM api.accounts WHERE role = 'GRID_WORKER' AND ? = ANY (grid_codes) AND NOT disabled "
                        + "ORDER BY id",
                rs -> rs.getString(1), gridCode);
    }

    @Override
    public boolean insert(Account a, Instant now) {
        return jdbc.update("cannot store account " + a.username(),
                "INSERT INTO api.accounts (" + COLUMNS + ", created_at) VALUES (?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT (username) DO NOTHING",
                a.id(), a.username(), a.passwordHash(), a.role().name(), a.displayName(), a.department(),
                a.communityCode(), a.gridCodes(), a.disabled(), Timestamp.from(now)) == 1;
    }

    @Override
    public Optional<Standing> standing(String id) {
        return jdbc.first("cannot read account", "SELECT disabled, tokens_valid_after FROM api.accounts WHERE id = ?",
                rs -> {
                    Timestamp after = rs.getTimestamp(2);
                    return new Standing(rs.getBoolean(1), after == null ? null : after.toInstant());
                }, id);
    }

    @Override
    public boolean disable(String id, Instant now) {
        return jdbc.inTransaction("cannot disable account " + id, c -> {
            int changed = Jdbc.update(c, "UPDATE api.accounts SET disabled = true, tokens_valid_after = ? WHERE id = ?",
                    Timestamp.from(now), id);
            Jdbc.update(c, "UPDATE api.refresh_tokens SET revoked = true WHERE account_id = ?", id);
            return changed == 1;
        });
    }

    @Override
    public boolean enable(String id) {
        return jdbc.update("cannot enable account " + id, "UPDATE api.accounts SET disabled = false WHERE id = ?", id) == 1;
    }

    private static Account account(ResultSet rs) throws SQLException {
        Array grids = rs.getArray("grid_codes");
        List<String> gridCodes = grids == null ? List.of() : Arrays.asList((String[]) grids.getArray());
        return new Account(rs.getString("id"), rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getString("display_name"), rs.getString("department"),
                rs.getString("community_code"), gridCodes, rs.getBoolean("disabled"));
    }
}
