package org.citygrid.cloud.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.citygrid.cloud.ledger.CaseTracker;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseEvent;

/**
 * cloud-backend's metrics in one Micrometer registry, served at {@code /metrics} in the Prometheus
 * text format: what the case cycle decides (case events by type, the SLA clock's warnings, overdue
 * marks and escalations among them), the dead letters by consumer and kind, and, registered by their
 * owners, Kafka Streams' own metrics, the projection's and the read model's. docs/cloud-backend.md
 * lists every series and the alert it deserves.
 *
 * <p>Counters count what was decided or set aside in this process: a transaction that aborts and is
 * processed again (exactly-once) counts twice, which a rate does not notice.
 */
public final class CaseCycleMetrics implements CaseTracker, AutoCloseable {

    static final String PREFIX = "citygrid.cloud.";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final AtomicLong deadLetters = new AtomicLong();

    public CaseCycleMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every series. */
    public String scrape() {
        return registry.scrape();
    }

    /** Counts each case event the ledger records, by its change type. */
    @Override
    public void follow(Case before, CaseEvent event, Case after) {
        Counter.builder(PREFIX + "case.events").tag("type", event.change().getClass().getSimpleName())
                .description("case events the case cycle decided, by type (DeadlineApproaching, Overdue, Escalated: the SLA clock)")
                .register(registry).increment();
    }

    /**
     * One record set aside on grid.dead-letters.
     *
     * @param consumer {@code case-cycle} or {@code readmodel}
     * @param kind     why, in a word: {@code deserialization}, {@code processing}, {@code production},
     *                 {@code unreadable}, {@code refused-by-database}
     */
    public void deadLetter(String consumer, String kind) {
        Counter.builder(PREFIX + "dead.letters").tag("consumer", consumer).tag("kind", kind)
                .description("records set aside on grid.dead-letters").register(registry).increment();
        deadLetters.incrementAndGet();
    }

    /** Records this process has set aside since it started. */
    public long deadLetters() {
        return deadLetters.get();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
