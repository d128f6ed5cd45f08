package org.citygrid.cloud.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Kafka client settings file named by {@code CITYGRID_KAFKA_CONFIG}: the same Java properties format as the
 * Kafka tools' {@code --command-config}, for what a secured cluster needs (security.protocol, sasl.*, ssl.*) and
 * any tuning. Every Kafka client of cloud-backend (Streams, the projection's consumer, the topic admin) gets it.
 *
 * <p>Settings that cloud-backend owns are refused rather than silently overridden: a file that sets
 * {@code processing.guarantee} or {@code isolation.level} would otherwise look as if it worked.
 */
public final class KafkaClientConfig {
    /** Owned by other CITYGRID_* variables or by the case cycle's guarantees. */
    static final Set<String> OWNED = Set.of("bootstrap.servers", "application.id", "group.id", "group.instance.id", "processing.guarantee",
            "isolation.level", "enable.auto.commit", "state.dir", "transactional.id", "key.serializer",
            "value.serializer", "key.deserializer", "value.deserializer", "default.key.serde", "default.value.serde");

    private KafkaClientConfig() {
    }

    /** The file's settings; none when {@code file} is null. */
    public static Map<String, String> read(Path file) {
        if (file == null) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("CITYGRID_KAFKA_CONFIG names " + file + ", which cannot be read: " + e, e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name.trim(), properties.getProperty(name).trim()));
        Set<String> owned = new TreeSet<>(settings.keySet());
        owned.retainAll(OWNED);
        if (!owned.isEmpty()) {
            throw new IllegalArgumentException("CITYGRID_KAFKA_CONFIG (" + file + ") sets " + owned + ", which cloud-backend"
                    + " sets itself (bootstrap servers, ids and groups come from their own CITYGRID_* variables; the"
                    + " exactly-once settings are not negotiable): remove them from the file");
        }
        return Map.copyOf(settings);
    }
}
