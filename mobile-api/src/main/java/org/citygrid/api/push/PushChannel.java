package org.citygrid.api.push;

import java.util.Map;

/**
 * One way of reaching phones: a push service that gives each app installation a token and sends
 * to it (and to topics a device subscribed to). Firebase Cloud Messaging is one ({@link FcmChannel});
 * a vendor's own service (Huawei's HMS Push Kit, JPush, Xiaomi, OPPO, vivo), which most phones in
 * mainland China depend on, is another bean of this interface (docs/push.md says how to add one).
 * A device registers its token with the {@link #provider()} that issued it, and {@link Notifier}
 * sends each device's messages through that provider's channel.
 *
 * <p>Implementations never throw for a failed send: they answer an {@link Outcome}, which is recorded
 * (api.push_intents) and decides what happens to the token.
 */
public interface PushChannel {

    /** The name devices register their tokens under, lower case: {@code fcm}, {@code hms}, {@code jpush}. */
    String provider();

    /** False while the channel has no credentials: every send answers {@link Outcome#PUSH_OFF}. */
    boolean enabled();

    /**
     * Sends one notification to a device token or a topic.
     *
     * @param data string pairs the app reads when the person taps the message ({@code caseId}, {@code what}...)
     */
    Result send(PushTarget target, String title, String body, Map<String, String> data);

    /** What became of one send. */
    enum Outcome {
        SENT,
        /** The channel has no credentials: nothing was sent. */
        PUSH_OFF,
        /** The service says the token is gone (app uninstalled, token replaced): it is forgotten. */
        TOKEN_DEAD,
        /** Anything else; a message read again from Kafka is tried again. */
        FAILED
    }

    /** @param detail the service's message id when sent, the error otherwise */
    record Result(Outcome outcome, String detail) {
    }
}
