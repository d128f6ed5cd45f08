package org.citygrid.api.push;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PushChannel} of Firebase Cloud Messaging (provider {@code fcm}), through the Admin SDK,
 * or nothing: without credentials it is off, said once in the log, and {@link #send} reports
 * {@link Outcome#PUSH_OFF} so callers still record the message. The SDK retries 500/503 answers
 * itself, with exponential backoff and Retry-After.
 */
@Singleton
public class FcmChannel implements PushChannel {

    public static final String PROVIDER = "fcm";

    private static final Logger LOG = LoggerFactory.getLogger(FcmChannel.class);

    private final FirebaseMessaging messaging;
    private final FirebaseApp app;

    FcmChannel(PushCredentials credentials, @Nullable @Value("${citygrid.push.project-id:}") String projectId,
                @Nullable @Value("${citygrid.push.fcm-url:}") String fcmUrl) {
        Optional<GoogleCredentials> loaded = credentials.load();
        if (loaded.isEmpty()) {
            LOG.info("push is off: no Firebase credentials (set CITYGRID_FIREBASE_CREDENTIALS to a service-account "
                    + "file); messages are recorded as PUSH_OFF intents, visible at GET /api/v1/operator/push-intents");
            this.app = null;
            this.messaging = null;
            return;
        }
        FirebaseOptions.Builder options = FirebaseOptions.builder().setCredentials(loaded.get());
        if (projectId != null && !projectId.isBlank()) {
            options.setProjectId(projectId);
        }
        if (fcmUrl != null && !fcmUrl.isBlank()) {
            options.setHttpTransport(FcmEndpointTransport.to(fcmUrl));
        }
        // a named app per channel: tests start several application contexts in one JVM
        this.app = FirebaseApp.initializeApp(options.build(), "citygrid-" + System.identityHashCode(this));
        this.messaging = FirebaseMessaging.getInstance(app);
        LOG.info("push is on: FCM project {}{}", app.getOptions().getProjectId(),
                fcmUrl == null || fcmUrl.isBlank() ? "" : " via " + fcmUrl);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public boolean enabled() {
        return messaging != null;
    }

    @Override
    public Result send(PushTarget target, String title, String body, Map<String, String> data) {
        if (messaging == null) {
            return new Result(Outcome.PUSH_OFF, null);
        }
        Message.Builder message = Message.builder()
                .setNotification(Notification.builder().setTitle(title).setBody(body).build())
                .putAllData(data);
        if (target.topic()) {
            message.setTopic(target.value());
        } else {
            message.setToken(target.value());
        }
        try {
            return new Result(Outcome.SENT, messaging.send(message.build()));
        } catch (FirebaseMessagingException e) {
            boolean dead = e.getMessagingErrorCode() == MessagingErrorCode.UNREGISTERED
                    || e.getMessagingErrorCode() == MessagingErrorCode.SENDER_ID_MISMATCH;
            return new Result(dead ? Outcome.TOKEN_DEAD : Outcome.FAILED,
                    e.getMessagingErrorCode() + ": " + e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        if (app != null) {
            app.delete();
        }
    }
}
