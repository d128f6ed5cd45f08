package org.citygrid.api.kafka;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the API's Kafka clients connect and how: the bootstrap servers ({@code CITYGRID_KAFKA_BOOTSTRAP}) and the
 * client properties file named by {@code CITYGRID_KAFKA_CONFIG} (the Kafka tools' {@code --command-config} format:
 * {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, timeouts), which the producer and every topic reader
 * start from before setting what they own.
 *
 * <p>A file that sets what the API owns is refused at start, not silently overridden: {@code acks} or
 * {@code isolation.level} from the file would look as if they applied.
 */
@Singleton
public final class KafkaConnection {
    static final Set<String> OWNED = Set.of("bootstrap.servers", "group.id", "isolation.level", "enable.auto.commit",
            "auto.offset.reset", "acks", "enable.idempotence", "key.serializer", "value.serializer",
            "key.deserializer", "value.deserializer");

    private final Map<String, Object> client;

    KafkaConnection(@Value("${citygrid.kafka.bootstrap-servers}") String bootstrapServers,
                    @Value("${citygrid.kafka.config-file:}") String configFile) {
        Map<String, Object> settings = new LinkedHashMap<>(configFile == null || configFile.isBlank()
                ? Map.of() : read(Path.of(configFile.trim())));
        settings.put("bootstrap.servers", bootstrapServers);
        this.client = Map.copyOf(settings);
    }

    /** The settings every client starts from: the file's, and the bootstrap servers. */
    public Map<String, Object> client() {
        return client;
    }

    public String bootstrapServers() {
        return (String) client.get("bootstrap.servers");
    }

    private static Map<String, Object> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("CITYGRID_KAFKA_CONFIG names " + file + ", which cannot be read: " + e, e);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(name -> settings.put(name.trim(), properties.getProperty(name).trim()));
        Set<String> owned = new TreeSet<>(settings.keySet());
        owned.retainAll(OWNED);
        if (!owned.isEmpty()) {
            throw new ConfigurationException("CITYGRID_KAFKA_CONFIG (" + file + ") sets " + owned + ", which mobile-api"
                    + " sets itself (CITYGRID_KAFKA_BOOTSTRAP says where; delivery and reading guarantees are fixed):"
                    + " remove them from the file");
        }
        return settings;
    }
}
