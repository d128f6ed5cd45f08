package org.citygrid.api.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;

/**
 * Sends a message to people (all their devices) or to a community topic, prunes tokens FCM calls
 * dead, and records every intent with its outcome in api.push_intents.
 */
@Singleton
public class Notifier {

    private final PushGateway gateway;
    private final DeviceTokens tokens;
    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    Notifier(PushGateway gateway, DeviceTokens tokens, DataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    public void toPeople(List<String> accountIds, String title, String body, Map<String, String> data) {
        for (String token : tokens.ofAccounts(accountIds)) {
            PushGateway.Result result = gateway.send(PushTarget.token(token), title, body, data);
            if (result.outcome() == PushGateway.Outcome.TOKEN_DEAD) {
                tokens.prune(token);
            }
            record(PushTarget.token(token), title, body, data, result);
        }
    }

    public void toCommunity(String communityCode, String title, String body, Map<String, String> data) {
        PushTarget topic = PushTarget.community(communityCode);
        record(topic, title, body, data, gateway.send(topic, title, body, data));
    }

    private void record(PushTarget target, String title, String body, Map<String, String> data, PushGateway.Result result) {
        String sql = "INSERT INTO api.push_intents (target, title, body, data, outcome, detail, created_at) "
                + "VALUES (?,?,?,?::jsonb,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, target.toString());
            s.setString(2, title);
            s.setString(3, body);
            s.setString(4, mapper.writeValueAsString(data));
            s.setString(5, result.outcome() == PushGateway.Outcome.TOKEN_DEAD ? "TOKEN_PRUNED" : result.outcome().name());
            s.setString(6, result.detail());
            s.setTimestamp(7, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new DataAccessException("cannot record a push intent", e);
        }
    }
}
