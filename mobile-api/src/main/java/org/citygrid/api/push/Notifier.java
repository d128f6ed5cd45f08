package org.citygrid.api.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final PushIntents intents;
    private final ObjectMapper mapper;
    private final Clock clock;

    Notifier(PushGateway gateway, DeviceTokens tokens, PushIntents intents, ObjectMapper mapper, Clock clock) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.intents = intents;
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
        return messageKey == null ? Set.of() : intents.servedBefore(messageKey);
    }

    private void record(String messageKey, PushTarget target, String title, String body, Map<String, String> data,
                        PushGateway.Result result) {
        String outcome = result.outcome() == PushGateway.Outcome.TOKEN_DEAD ? "TOKEN_PRUNED" : result.outcome().name();
        String json;
        try {
            json = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("push data that is not JSON: " + data, e);
        }
        intents.record(messageKey, new PushIntents.Intent(0, target.toString(), title, body, outcome, result.detail(),
                clock.instant()), json);
    }
}
