package org.citygrid.api.open311;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.citygrid.api.errors.Forbidden;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.kafka.GridPublisher;
import org.citygrid.api.validation.CityArea;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryKind;
import org.citygrid.model.hash.Sha256;
import org.citygrid.model.intake.IntakeRecord;

/**
 * An Open311 POST as an intake record on grid.intake (channel OPEN311): the client's api_key
 * ({@link ApiKeys}), the form ({@link Open311Form}), the record on the broker, then its token
 * ({@link Open311Tokens}).
 */
@Singleton
class GeoReportIntake {

    private final ApiKeys keys;
    private final GridPublisher publisher;
    private final Open311Tokens tokens;
    private final CityArea city;
    private final PostLimit postLimit;
    private final Clock clock;

    GeoReportIntake(ApiKeys keys, GridPublisher publisher, Open311Tokens tokens, CityArea city,
                    PostLimit postLimit, Clock clock) {
        this.keys = keys;
        this.publisher = publisher;
        this.tokens = tokens;
        this.city = city;
        this.postLimit = postLimit;
        this.clock = clock;
    }

    /** Publishes the request and returns its token; the same Idempotency-Key gives the same token. */
    String submit(Map<String, String> form, Category category, String idempotencyKey) {
        ApiKeys.Client client = keys.verify(form.get("api_key"))
                .orElseThrow(() -> Forbidden.because("a valid api_key is required"));
        // per api_key, before anything is read or sent: a flood from one client costs a key lookup per POST
        postLimit.count(client.id());
        if (category.kind() == CategoryKind.SERVICE) {
            throw Malformed.request("invalid-service-code",
                    "service_code " + category.code() + " is a community service, not a problem report");
        }
        Open311Form checked = Open311Form.check(form, city);
        String token = token(client.id(), idempotencyKey);
        String reporter = "open311:" + client.name().replace(' ', '-');
        IntakeRecord record = IntakeRecord.report(token, Channel.OPEN311, reporter, clock.instant(),
                category.code().toString(), checked.position(), checked.description(), reporter, false, List.of());
        publisher.intake(record);
        tokens.remember(token, client.id(), clock.instant());
        return token;
    }

    boolean knows(String token) {
        return tokens.knows(token);
    }

    /** Derived from the client and its Idempotency-Key, so a retried POST publishes the same intake id again. */
    static String token(String clientId, String idempotencyKey) {
        return "o311-" + (idempotencyKey == null ? UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                : Sha256.hex(clientId + "\n" + idempotencyKey).substring(0, 16));
    }
}
