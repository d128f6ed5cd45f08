package org.citygrid.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.citygrid.edge.alarms.AlarmRules;
import org.citygrid.edge.alarms.EpisodeStore;
import org.citygrid.edge.coap.EdgeCoapServer;
import org.citygrid.edge.config.EdgeConfig;
import org.citygrid.edge.config.WatchedFile;
import org.citygrid.edge.devices.DeviceRegistry;
import org.citygrid.edge.forward.DeadLetters;
import org.citygrid.edge.forward.Forwarder;
import org.citygrid.edge.forward.IntakeSink;
import org.citygrid.edge.forward.KafkaIntakeSink;
import org.citygrid.edge.ingest.ReadingIngest;
import org.citygrid.edge.limits.RateLimiter;
import org.citygrid.edge.metrics.EdgeMetrics;
import org.citygrid.edge.metrics.MetricsHttpServer;
import org.citygrid.edge.outbox.Outbox;
import org.citygrid.edge.reports.MediaStore;
import org.citygrid.edge.reports.ReportIngest;
import org.citygrid.model.category.SensorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running edge node: the CoAP adapter, the alarm rules, the outbox and, when Kafka is
 * configured, the forwarder. Start order is storage first, network last, so a device is never
 * answered by a node that cannot yet keep what it accepts; stop order is the reverse.
 */
public final class EdgeNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeNode.class);

    private final EdgeConfig config;
    private final EdgeMetrics metrics;
    private final Instant started;
    private final Clock clock;
    private final WatchedFile<AlarmRules> rules;
    private final WatchedFile<DeviceRegistry> devices;
    private final Outbox outbox;
    private final ReadingIngest readings;
    private final EdgeCoapServer coap;
    private final DeadLetters deadLetters;
    private final Forwarder forwarder;
    private MetricsHttpServer metricsServer;

    private EdgeNode(EdgeConfig config, Supplier<IntakeSink> sink, Duration rulesPoll, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.started = clock.instant();
        this.metrics = new EdgeMetrics(config.nodeId());
        String neighbourhood = config.neighbourhood().id();
        this.devices = WatchedFile.watch("registry", config.devicesFile(), f -> DeviceRegistry.read(f, neighbourhood),
                rulesPoll);
        this.rules = WatchedFile.watch("rules", config.rulesFile(), AlarmRules::read, rulesPoll);
        MediaStore media = new MediaStore(config.dataDir().resolve("media"), config.nodeId());
        EdgeConfig.Outbox ob = config.outbox();
        this.outbox = Outbox.open(config.dataDir().resolve("outbox"), ob.segmentBytes(), ob.budgetBytes(),
                ob.retryAfterSeconds(), media::bytes);
        this.readings = new ReadingIngest(config.nodeId(), rules::current, outbox,
                new EpisodeStore(config.dataDir().resolve("episodes.json")), metrics);
        ReportIngest reports = new ReportIngest(config.nodeId(), config.neighbourhood(), outbox, media, metrics);
        this.coap = new EdgeCoapServer(config.coap(), devices::current, rules::current, readings, reports,
                new RateLimiter(config.rateLimit()), metrics, this::health, clock);
        rules.onChange((before, after) -> coap.configChanged(changedTypes(before, after)));
        rules.onReloadFailure(metrics::rulesReloadFailure);
        devices.onReloadFailure(metrics::registryReloadFailure);
        this.deadLetters = DeadLetters.open(config.dataDir().resolve("dead-letters"), config.nodeId(), clock);
        this.forwarder = sink == null ? null
                : new Forwarder(outbox, sink, metrics, config.kafka() == null ? Duration.ofSeconds(1) : config.kafka().retryBackoff(),
                deadLetters, config.kafka() == null ? 5 : config.kafka().maxRecordAttempts());
        metrics.watchOutbox(outbox::depth, () -> outbox.forwardLag(clock.instant()).toMillis() / 1000.0,
                () -> outbox.diskBytes() + media.bytes(), outbox.budgetBytes());
        metrics.watchDeadLetters(deadLetters::count);
        metrics.watchDtlsSessions(coap::dtlsSessions);
        LOG.atInfo().addKeyValue("event", "node-configured").addKeyValue("node", config.nodeId())
                .addKeyValue("neighbourhood", config.neighbourhood().id()).addKeyValue("devices", devices.current().size())
                .log("edge node configured");
    }

    /** Starts a node that forwards to the Kafka of its config (or does not forward, without one). */
    public static EdgeNode start(EdgeConfig config) {
        return start(config, kafkaSink(config), Duration.ofSeconds(2), Clock.systemUTC());
    }

    /** Fresh Kafka sinks for the config's Kafka, or {@code null} when it has none. */
    public static Supplier<IntakeSink> kafkaSink(EdgeConfig config) {
        return config.kafka() == null ? null
                : () -> new KafkaIntakeSink(config.kafka(), "edge-" + config.nodeId());
    }

    /**
     * @param sink      a fresh sink per call (the forwarder replaces a failed one), or {@code null}
     *                  to keep everything in the outbox
     * @param rulesPoll how often to look at the rules and registry files
     */
    public static EdgeNode start(EdgeConfig config, Supplier<IntakeSink> sink, Duration rulesPoll, Clock clock) {
        EdgeNode node = new EdgeNode(config, sink, rulesPoll, clock);
        if (node.forwarder != null) {
            node.forwarder.start();
        }
        node.coap.start();
        if (config.metrics() != null) {
            node.metricsServer = MetricsHttpServer.start(config.metrics(), node.metrics);
            LOG.atInfo().addKeyValue("event", "metrics-serving").addKeyValue("port", node.metricsPort())
                    .log("metrics at http://{}:{}/metrics", config.metrics().bindAddress(), node.metricsPort());
        }
        return node;
    }

    private static Set<SensorType> changedTypes(AlarmRules before, AlarmRules after) {
        Set<SensorType> changed = EnumSet.noneOf(SensorType.class);
        for (SensorType t : SensorType.values()) {
            if (!Objects.equals(before.forType(t), after.forType(t))) {
                changed.add(t);
            }
        }
        return changed;
    }

    public Map<String, Object> health() {
        Instant now = clock.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        boolean nearlyFull = outbox.diskBytes() > outbox.budgetBytes() * 0.9;
        // a dead letter waits for an operator: the node says so until the file is dealt with
        out.put("status", nearlyFull || deadLetters.count() > 0 ? "degraded" : "ok");
        out.put("node", config.nodeId());
        out.put("neighbourhood", config.neighbourhood().id());
        out.put("uptimeSeconds", Duration.between(started, now).toSeconds());
        out.put("forwarding", forwarder != null);
        out.putAll(metrics.snapshot());
        out.put("deadLetters", deadLetters.count());
        out.put("dtlsSessions", coap.dtlsSessions());
        out.put("outbox", outbox.stats(now));
        return out;
    }

    public EdgeMetrics metrics() {
        return metrics;
    }

    public Outbox outbox() {
        return outbox;
    }

    public ReadingIngest readings() {
        return readings;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** The port {@code /metrics} is served on, or -1 when it is not. */
    public int metricsPort() {
        return metricsServer == null ? -1 : metricsServer.port();
    }

    public int dtlsPort() {
        return coap.dtlsPort();
    }

    public int plainPort() {
        return coap.plainPort();
    }

    public EdgeConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (metricsServer != null) {
            metricsServer.close();
        }
        coap.close();
        if (forwarder != null) {
            forwarder.close();
        }
        rules.close();
        devices.close();
        readings.saveEpisodes();
        outbox.close();
        metrics.close();
        LOG.atInfo().addKeyValue("event", "node-stopped").addKeyValue("node", config.nodeId()).log("edge node stopped");
    }
}
