package org.citygrid.edge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Every metric of one edge node, in one Micrometer registry: what {@code /health} shows and what
 * {@code /metrics} serves in the Prometheus text format are the same counters. Every series carries
 * the tag {@code node}. The names, as Prometheus sees them, are listed in docs/edge-node.md
 * ("Metrics"); JVM and process metrics come from Micrometer's standard binders.
 */
public final class EdgeMetrics implements AutoCloseable {

    private static final String PREFIX = "citygrid.edge.";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter readings;
    private final Counter readingsWithoutRule;
    private final Counter alarmsRaised;
    private final Counter alarmsCleared;
    private final Counter reports;
    private final Counter duplicateReports;
    private final Counter forwarded;
    private final Counter forwardFailures;
    private final Timer forwardLag;
    private final Counter rulesReloadFailures;
    private final Counter registryReloadFailures;
    private final Counter handshakesSucceeded;
    private final Counter handshakesFailed;
    private final Map<RejectReason, Counter> refusals = new EnumMap<>(RejectReason.class);

    /** @param nodeId the value of the {@code node} tag on every series */
    public EdgeMetrics(String nodeId) {
        registry.config().commonTags("node", nodeId);
        readings = counter("readings.accepted", "SenML readings in accepted packs");
        readingsWithoutRule = counter("readings.without.rule", "accepted readings of a sensor type without an alarm rule");
        alarmsRaised = Counter.builder(PREFIX + "alarms").tag("state", "raised")
                .description("alarm edges made durable in the outbox").register(registry);
        alarmsCleared = Counter.builder(PREFIX + "alarms").tag("state", "cleared")
                .description("alarm edges made durable in the outbox").register(registry);
        reports = counter("reports.accepted", "patrol reports filed");
        duplicateReports = counter("reports.duplicate", "retried patrol reports answered without filing them again");
        forwarded = counter("forwarded", "outbox records Kafka acknowledged");
        forwardFailures = counter("forward.failures", "times the forwarder replaced its producer and started again from the cursor");
        forwardLag = Timer.builder(PREFIX + "forward.lag")
                .description("from a record's append to the outbox to Kafka's acknowledgement").register(registry);
        rulesReloadFailures = counter("rules.reload.failures", "rules files that did not parse (the previous rules stayed)");
        registryReloadFailures = counter("registry.reload.failures",
                "registry files that were not valid (the previous registry stayed)");
        handshakesSucceeded = Counter.builder(PREFIX + "dtls.handshakes").tag("outcome", "succeeded")
                .description("DTLS handshakes").register(registry);
        handshakesFailed = Counter.builder(PREFIX + "dtls.handshakes").tag("outcome", "failed")
                .description("DTLS handshakes").register(registry);
        for (RejectReason reason : RejectReason.values()) {
            refusals.put(reason, Counter.builder(PREFIX + "refusals").tag("reason", reason.label())
                    .description("requests refused, by reason").register(registry));
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(PREFIX + name).description(description).register(registry);
    }

    // ---- what happened

    public void readingsAccepted(int count) {
        readings.increment(count);
    }

    public void readingsWithoutRule(int count) {
        readingsWithoutRule.increment(count);
    }

    public void alarmRaised() {
        alarmsRaised.increment();
    }

    public void alarmCleared() {
        alarmsCleared.increment();
    }

    public void reportAccepted() {
        reports.increment();
    }

    public void duplicateReport() {
        duplicateReports.increment();
    }

    /** One record Kafka acknowledged, {@code lag} after it was appended to the outbox. */
    public void forwarded(Duration lag) {
        forwarded.increment();
        forwardLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void forwardFailure() {
        forwardFailures.increment();
    }

    public void rulesReloadFailure() {
        rulesReloadFailures.increment();
    }

    public void registryReloadFailure() {
        registryReloadFailures.increment();
    }

    public void handshake(boolean succeeded) {
        (succeeded ? handshakesSucceeded : handshakesFailed).increment();
    }

    public void rejected(RejectReason reason) {
        refusals.get(reason).increment();
    }

    // ---- what is, read when scraped

    /**
     * The outbox's gauges.
     *
     * @param depth            durable records Kafka has not acknowledged
     * @param oldestAgeSeconds how long the oldest of them has waited, 0 when there is none
     * @param diskBytes        outbox segments and stored photos on disk
     * @param budgetBytes      the disk budget
     */
    public void watchOutbox(LongSupplier depth, DoubleSupplier oldestAgeSeconds, LongSupplier diskBytes, long budgetBytes) {
        Gauge.builder(PREFIX + "outbox.depth", depth::getAsLong).description("durable records not yet acknowledged by Kafka")
                .baseUnit("records").register(registry);
        Gauge.builder(PREFIX + "outbox.oldest.age", oldestAgeSeconds::getAsDouble)
                .description("how long the oldest record not yet acknowledged by Kafka has waited")
                .baseUnit("seconds").register(registry);
        Gauge.builder(PREFIX + "outbox.disk", diskBytes::getAsLong).description("outbox segments and stored photos on disk")
                .baseUnit(BaseUnits.BYTES).register(registry);
        Gauge.builder(PREFIX + "outbox.budget", () -> budgetBytes).description("the disk budget of the outbox and photos")
                .baseUnit(BaseUnits.BYTES).register(registry);
    }

    /** @param deadLetters records the forwarder set aside in the dead-letter file (kept across restarts) */
    public void watchDeadLetters(LongSupplier deadLetters) {
        Gauge.builder(PREFIX + "dead.letters", deadLetters::getAsLong)
                .description("outbox records set aside because Kafka refused them for a reason of their own")
                .baseUnit("records").register(registry);
    }

    /** @param sessions DTLS sessions the node holds */
    public void watchDtlsSessions(LongSupplier sessions) {
        Gauge.builder(PREFIX + "dtls.sessions", sessions::getAsLong).description("DTLS sessions the node holds")
                .baseUnit("sessions").register(registry);
    }

    // ---- reading them

    public long readingsAccepted() {
        return (long) readings.count();
    }

    public long readingsWithoutRule() {
        return (long) readingsWithoutRule.count();
    }

    public long alarmsRaised() {
        return (long) alarmsRaised.count();
    }

    public long reportsDuplicate() {
        return (long) duplicateReports.count();
    }

    public long forwarded() {
        return (long) forwarded.count();
    }

    public long forwardFailures() {
        return (long) forwardFailures.count();
    }

    public long rulesReloadFailures() {
        return (long) rulesReloadFailures.count();
    }

    public long registryReloadFailures() {
        return (long) registryReloadFailures.count();
    }

    public long rejectedCount(RejectReason reason) {
        return (long) refusals.get(reason).count();
    }

    /** Every series in the Prometheus text format (version 0.0.4), what {@code /metrics} serves. */
    public String scrape() {
        return registry.scrape();
    }

    /** The counters as {@code /health} shows them. */
    public Map<String, Object> snapshot() {
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("readings", readingsAccepted());
        accepted.put("readingsWithoutRule", readingsWithoutRule());
        accepted.put("alarmsRaised", alarmsRaised());
        accepted.put("alarmsCleared", (long) alarmsCleared.count());
        accepted.put("reports", (long) reports.count());
        accepted.put("duplicateReports", reportsDuplicate());
        Map<String, Object> refused = new LinkedHashMap<>();
        refusals.forEach((r, n) -> refused.put(r.label(), (long) n.count()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", accepted);
        out.put("rejected", refused);
        out.put("forwarded", forwarded());
        out.put("forwardFailures", forwardFailures());
        out.put("rulesReloadFailures", rulesReloadFailures());
        out.put("registryReloadFailures", registryReloadFailures());
        return out;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
