package org.citygrid.api.push.persistence;

import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.citygrid.api.i18n.Language;
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
    public void register(String token, String accountId, String platform, String provider, Language language, Instant now) {
        jdbc.update(WRITE, "INSERT INTO api.device_tokens (token, account_id, platform, provider, language, updated_at) "
                        + "VALUES (?,?,?,?,?,?) ON CONFLICT (token) DO UPDATE SET account_id = EXCLUDED.account_id, "
                        + "platform = EXCLUDED.platform, provider = EXCLUDED.provider, language = EXCLUDED.language, "
                        + "updated_at = EXCLUDED.updated_at",
                token, accountId, platform, provider, language.tag(), Timestamp.from(now));
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
    public List<Device> ofAccounts(List<String> accountIds) {
        return jdbc.list("cannot read device tokens",
                "SELECT token, platform, provider, language FROM api.device_tokens WHERE account_id = ANY (?) ORDER BY token",
                rs -> new Device(rs.getString(1), rs.getString(2), rs.getString(3), Language.preferred(rs.getString(4))),
                accountIds);
    }
}
