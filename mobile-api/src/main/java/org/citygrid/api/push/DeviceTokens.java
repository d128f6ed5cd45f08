package org.citygrid.api.push;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;
import org.citygrid.api.support.StringColumn;

/** api.device_tokens. */
@Singleton
public class DeviceTokens {

    private final DataSource dataSource;

    DeviceTokens(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(String token, String accountId, String platform, Instant now) {
        update("INSERT INTO api.device_tokens (token, account_id, platform, updated_at) VALUES (?,?,?,?) "
                        + "ON CONFLICT (token) DO UPDATE SET account_id = EXCLUDED.account_id, "
                        + "platform = EXCLUDED.platform, updated_at = EXCLUDED.updated_at",
                token, accountId, platform, Timestamp.from(now));
    }

    /** Removes the token if it belongs to {@code accountId}; true when it did. */
    boolean remove(String token, String accountId) {
        return update("DELETE FROM api.device_tokens WHERE token = ? AND account_id = ?", token, accountId) == 1;
    }

    /** FCM said the token is dead: forget it whoever owns it. */
    void prune(String token) {
        update("DELETE FROM api.device_tokens WHERE token = ?", token);
    }

    public List<String> ofAccounts(List<String> accountIds) {
        String sql = "SELECT token FROM api.device_tokens WHERE account_id = ANY (?) ORDER BY token";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", accountIds.toArray()));
            return StringColumn.read(s);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read device tokens", e);
        }
    }

    public List<String> ofAccount(String accountId) {
        return ofAccounts(List.of(accountId));
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot write device tokens", e);
        }
    }
}
