package org.citygrid.api.housekeeping;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.citygrid.api.idempotency.IdempotencyStore;
import org.citygrid.api.push.PushIntents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the API keeps only for a while, on a schedule ({@code citygrid.housekeeping.every}, hourly by
 * default; every instance runs it, and deleting twice is harmless):
 * <ul>
 *   <li>Idempotency keys after {@code citygrid.housekeeping.idempotency-keys} (7 days): an app retries a
 *       request for minutes, not weeks; a key used again after that is a new request.</li>
 *   <li>Push records (api.push_intents) after {@code citygrid.housekeeping.push-records} (90 days): the
 *       operators' list of recent pushes, and the guard against pushing a topic record read again twice,
 *       which needs them only while the record can be read again (grid.notifications keeps 3 days).</li>
 * </ul>
 */
@Singleton
@Requires(property = "citygrid.housekeeping.enabled", notEquals = "false")
public class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final IdempotencyStore idempotencyKeys;
    private final PushIntents pushes;
    private final Clock clock;
    private final Duration keysAfter;
    private final Duration pushesAfter;

    Housekeeping(IdempotencyStore idempotencyKeys, PushIntents pushes, Clock clock,
                 @Value("${citygrid.housekeeping.idempotency-keys:7d}") Duration keysAfter,
                 @Value("${citygrid.housekeeping.push-records:90d}") Duration pushesAfter) {
        if (keysAfter.isNegative() || keysAfter.isZero() || pushesAfter.isNegative() || pushesAfter.isZero()) {
            throw new IllegalArgumentException("citygrid.housekeeping ages must be positive");
        }
        this.idempotencyKeys = idempotencyKeys;
        this.pushes = pushes;
        this.clock = clock;
        this.keysAfter = keysAfter;
        this.pushesAfter = pushesAfter;
    }

    /** What one run deleted. */
    public record Purged(int idempotencyKeys, int pushRecords) {
    }

    @Scheduled(fixedDelay = "${citygrid.housekeeping.every:1h}", initialDelay = "${citygrid.housekeeping.first-after:5m}")
    public Purged run() {
        Instant now = clock.instant();
        Purged purged = new Purged(idempotencyKeys.purgeOlderThan(now.minus(keysAfter)),
                pushes.purgeOlderThan(now.minus(pushesAfter)));
        if (purged.idempotencyKeys() + purged.pushRecords() > 0) {
            LOG.info("housekeeping: deleted {} idempotency keys older than {} and {} push records older than {}",
                    purged.idempotencyKeys(), keysAfter, purged.pushRecords(), pushesAfter);
        }
        return purged;
    }
}
