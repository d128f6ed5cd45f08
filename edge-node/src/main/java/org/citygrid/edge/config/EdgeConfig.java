package org.citygrid.edge.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.geo.GeoPoint;

/**
 * Everything one edge node needs to run, read from one JSON file. Relative paths in it are
 * resolved against the file's folder, so a node's config, registry and rules can travel together.
 *
 * @param nodeId        this node's id, the {@code source} of its intake records and the first part
 *                      of every intake id it derives; it must never change for a running deployment,
 *                      or resends after a crash would no longer be recognised
 * @param neighbourhood the area this node serves; devices of other neighbourhoods are refused
 * @param coap          network settings
 * @param devicesFile   the device registry (see {@code DeviceRegistry})
 * @param rulesFile     the alarm rules, re-read while the node runs
 * @param dataDir       the outbox, its cursor, alarm episode state and stored photos
 * @param outbox        disk budget and segment size
 * @param kafka         where accepted events go; {@code null} to run without forwarding
 * @param rateLimit     how many requests each device may make
 * @param metrics       where {@code /metrics} is served; {@code null} for nowhere
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record EdgeConfig(String nodeId, Neighbourhood neighbourhood, Coap coap, Path devicesFile, Path rulesFile,
                         Path dataDir, Outbox outbox, Kafka kafka, RateLimit rateLimit, Metrics metrics) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    public EdgeConfig {
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("nodeId must be letters, digits, '.', '_' or '-', got " + nodeId);
        }
        if (neighbourhood == null) {
            throw new IllegalArgumentException("neighbourhood is required");
        }
        coap = coap == null ? Coap.defaults() : coap;
        outbox = outbox == null ? Outbox.defaults() : outbox;
        rateLimit = rateLimit == null ? RateLimit.defaults() : rateLimit;
        if (devicesFile == null || rulesFile == null || dataDir == null) {
            throw new IllegalArgumentException("devicesFile, rulesFile and dataDir are required");
        }
    }

    /** Reads a config file; relative paths in it are taken relative to its folder. */
    public static EdgeConfig load(Path file) {
        try {
            EdgeConfig raw = MAPPER.readValue(file.toFile(), EdgeConfig.class);
            Path base = file.toAbsolutePath().getParent();
            return new EdgeConfig(raw.nodeId, raw.neighbourhood, raw.coap, base.resolve(raw.devicesFile),
                    base.resolve(raw.rulesFile), base.resolve(raw.dataDir), raw.outbox, raw.kafka, raw.rateLimit, raw.metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read edge config " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param id           neighbourhood (community) id, as written in the device registry
     * @param centre       a point inside it
     * @param radiusMetres how far from {@code centre} a patrol report may be and still be ours
     */
    public record Neighbourhood(String id, GeoPoint centre, double radiusMetres) {
        public Neighbourhood {
            if (id == null || id.isBlank() || centre == null || !(radiusMetres > 0)) {
                throw new IllegalArgumentException("a neighbourhood needs an id, a centre and a positive radiusMetres");
            }
        }
    }

    /**
     * @param bindAddress       address to listen on
     * @param dtlsPort          CoAPS port; 0 picks a free one
     * @param plainEnabled      open the unencrypted port too: for development only, since over plain
     *                          CoAP a device is whoever claims its id
     * @param plainPort         CoAP port; 0 picks a free one
     * @param maxReadingsBytes  largest SenML payload a device may post
     * @param maxReportBytes    largest patrol report (photo included), assembled from blocks
     * @param protocolThreads   Californium's protocol-stage threads; 0 for its default
     */
    public record Coap(String bindAddress, int dtlsPort, boolean plainEnabled, int plainPort, int maxReadingsBytes,
                       int maxReportBytes, int protocolThreads) {
        public static Coap defaults() {
            return new Coap(null, 5684, false, 5683, 0, 0, 0);
        }

        public Coap {
            bindAddress = bindAddress == null ? "0.0.0.0" : bindAddress;
            maxReadingsBytes = maxReadingsBytes <= 0 ? 8 * 1024 : maxReadingsBytes;
            maxReportBytes = maxReportBytes <= 0 ? 2 * 1024 * 1024 : maxReportBytes;
        }
    }

    /**
     * @param budgetBytes       disk the outbox and stored photos may use before devices are told to
     *                          come back later (5.03)
     * @param segmentBytes      size at which the outbox starts a new segment file; forwarded segments
     *                          are deleted whole
     * @param retryAfterSeconds Max-Age sent with a 5.03 when the budget is full
     */
    public record Outbox(long budgetBytes, long segmentBytes, int retryAfterSeconds) {
        public static Outbox defaults() {
            return new Outbox(0, 0, 0);
        }

        public Outbox {
            budgetBytes = budgetBytes <= 0 ? 1L << 30 : budgetBytes;
            segmentBytes = segmentBytes <= 0 ? 8L << 20 : segmentBytes;
            retryAfterSeconds = retryAfterSeconds <= 0 ? 60 : retryAfterSeconds;
        }
    }

    /**
     * @param bootstrapServers Kafka bootstrap servers
     * @param topic            intake topic, the catalogue's {@code grid.intake} unless said otherwise
     * @param retryBackoffMs   wait after a failed send before sending again from the cursor
     * @param properties       extra producer properties (security, timeouts); they cannot turn off
     *                         idempotence or {@code acks=all}
     * @param maxRecordAttempts how many times a record Kafka refuses for a reason of its own (too
     *                         large for the topic, say) is sent before it is set aside as a dead
     *                         letter; a broker that is away is waited for without limit
     */
    public record Kafka(String bootstrapServers, String topic, long retryBackoffMs, Map<String, String> properties,
                        int maxRecordAttempts) {
        public Kafka {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("kafka.bootstrapServers is required when kafka is configured");
            }
            topic = topic == null || topic.isBlank() ? TopicCatalogue.INTAKE.name() : topic;
            retryBackoffMs = retryBackoffMs <= 0 ? 1000 : retryBackoffMs;
            properties = properties == null ? Map.of() : Map.copyOf(properties);
            maxRecordAttempts = maxRecordAttempts <= 0 ? 5 : maxRecordAttempts;
        }

        public Duration retryBackoff() {
            return Duration.ofMillis(retryBackoffMs);
        }
    }

    /**
     * The requests one device may make to {@code /s} and {@code /r}, as a token bucket: it holds
     * {@code burst} tokens, refills at {@code requestsPerSecond}, and each request takes one. A
     * request that finds it empty gets 4.29 with Max-Age, the seconds until a token is back.
     *
     * @param requestsPerSecond the sustained rate (default 20: real sensors report every few
     *                          minutes; the demo's simulator and drills, as their specs run them,
     *                          send one device at most about 7 a second)
     * @param burst             how many requests may come at once after a quiet spell (default 40)
     */
    public record RateLimit(double requestsPerSecond, int burst) {
        public static RateLimit defaults() {
            return new RateLimit(0, 0);
        }

        public RateLimit {
            requestsPerSecond = requestsPerSecond <= 0 ? 20 : requestsPerSecond;
            burst = burst <= 0 ? 40 : burst;
        }
    }

    /**
     * Where {@code GET /metrics} (Prometheus text format) is served over HTTP.
     *
     * @param bindAddress address to listen on (default 127.0.0.1: let the scraper come through the
     *                    host's own network rules, or set 0.0.0.0 deliberately)
     * @param port        port (default 9464); 0 picks a free one
     */
    public record Metrics(String bindAddress, Integer port) {
        public Metrics {
            bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
            port = port == null ? 9464 : port;
        }
    }

    public EdgeConfig withKafka(Kafka newKafka) {
        return new EdgeConfig(nodeId, neighbourhood, coap, devicesFile, rulesFile, dataDir, outbox, newKafka, rateLimit,
                metrics);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
