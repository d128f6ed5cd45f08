package org.citygrid.api.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citygrid.api.i18n.Language;
import org.citygrid.model.category.LocalizedText;

/**
 * Pushes a message to people (every device they registered, each through the channel of the
 * provider that issued its token, in the device's language) or to a community's topic, prunes tokens
 * a service calls dead, and records every send with its outcome in api.push_intents.
 *
 * <p>A message read from Kafka carries a key (what it is for: an intent, a case event). The readers
 * are at-least-once, so the same record can come again after a crash or a rebalance; a target that
 * already has an outcome for that key other than FAILED is skipped, and only failed sends are tried
 * again. An instance that dies between sending and recording can still send one twice.
 */
@Singleton
public class Notifier {

    private final PushChannels channels;
    private final DeviceTokens tokens;
    private final PushIntents intents;
    private final ObjectMapper mapper;
    private final Clock clock;

    Notifier(PushChannels channels, DeviceTokens tokens, PushIntents intents, ObjectMapper mapper, Clock clock) {
        this.channels = channels;
        this.tokens = tokens;
        this.intents = intents;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param messageKey what the message is for, or null for one that is never delivered again
     * @param title      the title in each language; a device gets the one it registered with
     */
    public void toPeople(String messageKey, List<String> accountIds, LocalizedText title, LocalizedText body,
                         Map<String, String> data) {
        Set<String> served = servedBefore(messageKey);
        for (DeviceTokens.Device device : tokens.ofAccounts(accountIds)) {
            PushTarget target = PushTarget.token(device.token());
            String recorded = recorded(device.provider(), target);
            if (served.contains(recorded)) {
                continue;
            }
            Language language = device.language();
            String t = language.pick(title);
            String b = language.pick(body);
            PushChannel.Result result = channels.of(device.provider())
                    .map(c -> c.send(target, t, b, data))
                    .orElseGet(() -> new PushChannel.Result(PushChannel.Outcome.FAILED,
                            "no push channel for provider " + device.provider() + " on this server"));
            if (result.outcome() == PushChannel.Outcome.TOKEN_DEAD) {
                tokens.prune(device.token());
            }
            record(messageKey, recorded, t, b, data, result);
        }
    }

    /**
     * To a community's topic on every channel. Its subscribers read many languages, so a topic
     * message is written in the city's: Chinese.
     *
     * @param messageKey what the message is for, or null for one that is never delivered again
     */
    public void toCommunity(String messageKey, String communityCode, String title, String body, Map<String, String> data) {
        PushTarget topic = PushTarget.community(communityCode);
        Set<String> served = servedBefore(messageKey);
        for (PushChannel channel : channels.all()) {
            String recorded = recorded(channel.provider(), topic);
            if (!served.contains(recorded)) {
                record(messageKey, recorded, title, body, data, channel.send(topic, title, body, data));
            }
        }
    }

    /** FCM's targets are recorded as they always were ({@code token:…}, {@code topic:…}); other providers' with their name first. */
    private static String recorded(String provider, PushTarget target) {
        return FcmChannel.PROVIDER.equals(provider) ? target.toString() : provider + ":" + target;
    }

    /** The targets that already have an outcome other than FAILED for {@code messageKey}: one query per message. */
    private Set<String> servedBefore(String messageKey) {
        return messageKey == null ? Set.of() : intents.servedBefore(messageKey);
    }

    private void record(String messageKey, String target, String title, String body, Map<String, String> data,
                        PushChannel.Result result) {
        String outcome = result.outcome() == PushChannel.Outcome.TOKEN_DEAD ? "TOKEN_PRUNED" : result.outcome().name();
        String json;
        try {
            json = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("push data that is not JSON: " + data, e);
        }
        intents.record(messageKey, new PushIntents.Intent(0, target, title, body, outcome, result.detail(),
                clock.instant()), json);
    }
}
