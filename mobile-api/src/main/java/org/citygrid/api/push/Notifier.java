package org.citygrid.api.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;

/**
 * Sends a message to people (all their devices) or to a community topic, prunes tokens FCM calls
 * dead, and records every intent with its outcome in api.push_intents.
 *
 * <p>A message read from Kafka carries a key (what it is for: an intent, a case event). The readers
 * are at-least-once, so the same record can come again after a crash or a rebalance; a target that
 * already has an outcome for that key other than FAILED is skipped, and only failed sends are tried
 * again. An instance that dies between sending and recording can still send one twice.
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

    /** @param messageKey what the message is for, or null for one that is never delivered again */
    public void toPeople(String messageKey, List<String> accountIds, String title, String body, Map<String, String> data) {
        Set<String> served = servedBefore(messageKey);
        for (String token : tokens.ofAccounts(accountIds)) {
            PushTarget target = PushTarget.token(token);
            if (served.contains(target.toString())) {
                continue;
            }
            PushGateway.Result result = gateway.send(target, title, body, data);
            if (result.outcome() == PushGateway.Outcome.TOKEN_DEAD) {
                tokens.prune(token);
            }
            record(messageKey, target, title, body, data, result);
        }
    }

    /** @param messageKey what the message is for, or null for one that is never delivered again */
    public void toCommunity(String messageKey, String communityCode, String title, String body, Map<String, String> data) {
        PushTarget topic = PushTarget.community(communityCode);
        if (!servedBefore(messageKey).contains(topic.toString())) {
            record(messageKey, topic, title, body, data, gateway.send(topic, title, body, data));
        }
    }

    /** The targets that already have an outcome other than FAILED for {@code messageKey}: one query per message. */
    private Set<String> servedBefore(String messageKey) {
        if (messageKey == null) {
            return Set.of();
        }
        String sql = "SELECT DISTINCT target FROM api.push_intents WHERE message_key = ? AND outcome <> 'FAILED'";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, messageKey);
            Set<String> targets = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    targets.add(rs.getString(1));
                }
            }
            return targets;
        } catch (SQLException e) {
            throw new DataAccessException("cannot look up earlier pushes of " + messageKey, e);
        }
    }

    private void record(String messageKey, PushTarget target, String title, String body, Map<String, String> data,
                        PushGateway.Result result) {
        String sql = "INSERT INTO api.push_intents (target, title, body, data, outcome, detail, created_at, message_key) "
                + "VALUES (?,?,?,?::jsonb,?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, target.toString());
            s.setString(2, title);
            s.setString(3, body);
            s.setString(4, mapper.writeValueAsString(data));
            s.setString(5, result.outcome() == PushGateway.Outcome.TOKEN_DEAD ? "TOKEN_PRUNED" : result.outcome().name());
            s.setString(6, result.detail());
            s.setTimestamp(7, Timestamp.from(clock.instant()));
            s.setString(8, messageKey);
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new DataAccessException("cannot record a push intent", e);
        }
    }
}
