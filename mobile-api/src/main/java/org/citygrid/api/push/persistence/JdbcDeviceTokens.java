package org.citygrid.api.push.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.api.push.DeviceTokens;

/** {@link DeviceTokens} in api.device_tokens. */
@Singleton
final class JdbcDeviceTokens implements DeviceTokens {

    private static final String WRITE = "cannot write device tokens";

    private final Jdbc jdbc;

    JdbcDeviceTokens(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void register(String token, String accountId, String platform, Instant now) {
        jdbc.update(WRITE, "INSERT INTO api.device_tokens (token, account_id, platform, updated_at) VALUES (?,?,?,?) "
                        + "ON CONFLICT (token) DO UPDATE SET account_id = EXCLUDED.account_id, "
                        + "platform = EXCLUDED.platform, updated_at = EXCLUDED.updated_at",
                token, accountId, platform, Timestamp.from(now));
    }

    @Override
    public boolean remove(String token, String accountId) {
        return jdbc.update(WRITE, "DELETE FROM api.device_tokens WHERE token = ? AND account_id = ?", token, accountId) == 1;
    }

    @Override
    public void prune(String token) {
        jdbc.update(WRITE, "DELETE FROM api.device_tokens WHERE token = ?", token);
    }

    @Override
    public List<String> ofAccounts(List<String> accountIds) {
        return jdbc.list("cannot read device tokens",
                "SELECT token FROM api.device_tokens WHERE account_id = ANY (?) ORDER BY token",
                rs -> rs.getString(1), accountIds);
    }
}
