package org.citygrid.api.deadletters;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citygrid.api.kafka.TopicReader;
import org.citygrid.api.kafka.TopicReaders;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The API's topic readers in {@code /manage/health} (as {@code topicReaders}) and in its metrics:
 * <ul>
 *   <li><b>DOWN</b> when a reader's thread died: pushes, rejections or the dead-letter index stopped
 *       until the instance restarts, so a supervisor should restart it;</li>
 *   <li><b>DEGRADED</b> (still serving, HTTP 200) while dead letters this module's readers set aside
 *       wait to be replayed, with their count: an operator should look at them
 *       ({@code GET /api/v1/admin/dead-letters});</li>
 *   <li><b>UP</b> otherwise.</li>
 * </ul>
 * The details list every reader with its topic, state ({@code RUNNING}, {@code WAITING} out an outage,
 * {@code DIED}...), the records it set aside since the start, and the last problem. The count is read
 * from api.dead_letters, so it is the module's (every instance's readers) and survives a restart.
 */
@Singleton
final class ReadersHealth implements HealthIndicator {

    /** Operational but not well: ranks above UP and below DOWN when Micronaut aggregates the indicators. */
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED",
            "dead letters wait for an operator", null, 500);

    private final TopicReaders readers;
    private final DeadLetterStore store;

    ReadersHealth(TopicReaders readers, DeadLetterStore store, MeterRegistry metrics) {
        this.readers = readers;
        this.store = store;
        Gauge.builder("citygrid.api.dead.letters.waiting", this, ReadersHealth::waitingOrNaN)
                .description("records this module's topic readers set aside that wait to be replayed")
                .register(metrics);
        Gauge.builder("citygrid.api.readers.died", readers, r -> r.all().stream()
                        .filter(each -> each.state() == TopicReader.State.DIED).count())
                .description("topic readers whose thread died").register(metrics);
        FunctionCounter.builder("citygrid.api.readers.set.aside", readers,
                        r -> r.all().stream().mapToLong(TopicReader::setAside).sum())
                .description("records the topic readers of this instance set aside since it started").register(metrics);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::result);
    }

    HealthResult result() {
        List<TopicReader> all = readers.all();
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> each = new LinkedHashMap<>();
        for (TopicReader reader : all) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("topic", reader.topic());
            r.put("consumer", reader.consumerName());
            r.put("state", reader.state().name());
            r.put("setAside", reader.setAside());
            if (reader.problem() != null) {
                r.put("problem", reader.problem());
            }
            each.put(reader.name(), r);
        }
        long waiting;
        HealthStatus status;
        try {
            waiting = waiting(all);
            details.put("deadLetters", waiting);
            status = waiting > 0 ? DEGRADED : HealthStatus.UP;
        } catch (RuntimeException e) {
            // the database's own indicator says it is away; the readers' state is still worth showing
            details.put("deadLetters", "unknown: " + e.getMessage());
            status = HealthStatus.UNKNOWN;
        }
        if (all.stream().anyMatch(r -> r.state() == TopicReader.State.DIED)) {
            status = HealthStatus.DOWN;
        }
        details.put("readers", each);
        return HealthResult.builder("topicReaders", status).details(details).build();
    }

    private long waiting(List<TopicReader> all) {
        return all.isEmpty() ? 0 : store.waiting(all.stream().map(TopicReader::consumerName).distinct().toList());
    }

    private double waitingOrNaN() {
        try {
            return waiting(readers.all());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
