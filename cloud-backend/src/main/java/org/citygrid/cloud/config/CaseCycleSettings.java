package org.citygrid.cloud.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.citygrid.cloud.readmodel.ProjectionSettings;
import org.citygrid.contracts.topics.Topics;

/**
 * Every setting of cloud-backend, read from environment variables ({@code CITYGRID_...}) or the
 * same names as system properties ({@code citygrid.kafka.bootstrap}, ...), with defaults for a
 * single machine. docs/cloud-backend.md lists them.
 */
public record CaseCycleSettings(
        String bootstrapServers,
        String applicationId,
        String topicPrefix,
        Path stateDir,
        int partitions,
        short replication,
        double duplicateDistanceMetres,
        Duration duplicateWindow,
        double warnShare,
        double escalateShare,
        Duration slaInterval,
        Duration indicatorFlush,
        Duration commitInterval,
        Duration sessionTimeout,
        Map<String, String> sensorCategories,
        Path gridsFile,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        int projectionBatch,
        String projectionGroup,
        int standbyReplicas,
        String instanceId,
        boolean notificationsV1,
        int httpPort,
        String httpBind,
        Map<String, String> kafkaClientConfig) {

    public CaseCycleSettings {
        kafkaClientConfig = Map.copyOf(kafkaClientConfig);
    }

    public static CaseCycleSettings defaults() {
        return from(name -> null);
    }

    public static CaseCycleSettings fromEnvironment() {
        return from(name -> {
            String property = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
            return property != null ? property : System.getenv(name);
        });
    }

    /** @param lookup gives the value of a {@code CITYGRID_...} name, or null for the default */
    public static CaseCycleSettings from(Function<String, String> lookup) {
        Function<String, String> get = lookup;
        return new CaseCycleSettings(
                or(get.apply("CITYGRID_KAFKA_BOOTSTRAP"), "localhost:9092"),
                or(get.apply("CITYGRID_APPLICATION_ID"), "citygrid-case-cycle"),
                or(get.apply(Topics.PREFIX_VARIABLE), ""),
                Path.of(or(get.apply("CITYGRID_STATE_DIR"), System.getProperty("java.io.tmpdir") + "/citygrid-streams")),
                parsed(get, "CITYGRID_PARTITIONS", "6", Integer::parseInt),
                parsed(get, "CITYGRID_REPLICATION", "1", Short::parseShort),
                parsed(get, "CITYGRID_DUPLICATE_DISTANCE_M", "50", Double::parseDouble),
                parsed(get, "CITYGRID_DUPLICATE_WINDOW", "PT24H", Duration::parse),
                parsed(get, "CITYGRID_SLA_WARN_SHARE", "0.2", Double::parseDouble),
                parsed(get, "CITYGRID_SLA_ESCALATE_SHARE", "0.5", Double::parseDouble),
                parsed(get, "CITYGRID_SLA_INTERVAL", "PT10S", Duration::parse),
                parsed(get, "CITYGRID_INDICATOR_FLUSH", "PT5S", Duration::parse),
                parsed(get, "CITYGRID_COMMIT_INTERVAL", "PT0.1S", Duration::parse),
                parsed(get, "CITYGRID_SESSION_TIMEOUT", "PT45S", Duration::parse),
                pairs(get.apply("CITYGRID_SENSOR_CATEGORIES")),
                path(get.apply("CITYGRID_GRIDS_FILE")),
                or(get.apply("CITYGRID_JDBC_URL"), "jdbc:postgresql://localhost:5432/citygrid"),
                or(get.apply("CITYGRID_JDBC_USER"), "citygrid"),
                or(get.apply("CITYGRID_JDBC_PASSWORD"), ""),
                parsed(get, "CITYGRID_PROJECTION_BATCH", "500", Integer::parseInt),
                or(get.apply("CITYGRID_PROJECTION_GROUP"), "citygrid-readmodel"),
                parsed(get, "CITYGRID_STANDBY_REPLICAS", "0", Integer::parseInt),
                blankAsNull(get.apply("CITYGRID_INSTANCE_ID")),
                parsed(get, "CITYGRID_NOTIFICATIONS_V1", "false", CaseCycleSettings::bool),
                parsed(get, "CITYGRID_HTTP_PORT", "0", Integer::parseInt),
                or(get.apply("CITYGRID_HTTP_BIND"), "127.0.0.1"),
                KafkaClientConfig.read(path(get.apply("CITYGRID_KAFKA_CONFIG"))));
    }

    /**
     * What every Kafka client of cloud-backend starts from: the bootstrap servers and the client file's settings
     * (TLS, SASL, timeouts). Each client then sets what it owns on top.
     */
    public Map<String, Object> kafkaClient() {
        Map<String, Object> client = new LinkedHashMap<>(kafkaClientConfig);
        client.put("bootstrap.servers", bootstrapServers);
        return client;
    }

    /**
     * How this instance's consumers sit in their groups (the case cycle's and the projection's): how long the
     * partitions of an instance that died stay with it before others take over, and with CITYGRID_INSTANCE_ID a
     * static member id, {@code instanceId + suffix}, so that the instance restarted under it after a crash takes
     * them back at once instead of waiting out its dead self's session.
     */
    public Map<String, Object> groupMembership(String suffix) {
        Map<String, Object> membership = new LinkedHashMap<>();
        membership.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        if (instanceId != null) {
            membership.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + suffix);
        }
        return membership;
    }

    /** The topic names, with the configured prefix. */
    public Topics topics() {
        return new Topics(topicPrefix);
    }

    /** What the read-model projection needs of these settings. */
    public ProjectionSettings projection() {
        Map<String, Object> consumer = new LinkedHashMap<>(kafkaClient());
        // as the case cycle's: a killed instance restarted under its id must not leave its projection standing
        // behind its dead self's session while the case cycle is already going
        consumer.putAll(groupMembership("-projection"));
        return new ProjectionSettings(consumer, kafkaClient(), topics(), projectionGroup, projectionBatch);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A typo in a number or duration names its variable instead of failing with a bare parse error. */
    private static <T> T parsed(Function<String, String> get, String name, String fallback, Function<String, T> parser) {
        String value = or(get.apply(name), fallback);
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is '" + value + "', which is not a valid "
                    + (fallback.startsWith("PT") ? "ISO-8601 duration such as " + fallback
                    : fallback.equals("true") || fallback.equals("false") ? "switch: true or false" : "number such as " + fallback));
        }
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** {@code manhole-tilt=C0114,noise=E0508} */
    private static Map<String, String> pairs(String value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value != null && !value.isBlank()) {
            for (String pair : value.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("CITYGRID_SENSOR_CATEGORIES wants type=category pairs, not '" + pair + "'");
                }
                map.put(kv[0].trim(), kv[1].trim());
            }
        }
        return Map.copyOf(map);
    }
}
