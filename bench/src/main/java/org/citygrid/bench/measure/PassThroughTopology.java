package org.citygrid.bench.measure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import org.citygrid.demo.DemoException;

/**
 * A Kafka Streams topology that reads a record and writes it out unchanged, with the case cycle's settings: the
 * floor under any exactly-once Streams hop on this broker. Written here rather than borrowed from cloud-backend,
 * which no benchmark loads into its own JVM: the settings below are those of cloud-backend's
 * {@code streamsProperties} (docs/cloud-backend.md), read from the same {@code CITYGRID_*} names with the same
 * defaults.
 */
public final class PassThroughTopology implements AutoCloseable {
    private final KafkaStreams streams;

    /**
     * What the pass-through shares with the case cycle: exactly_once_v2 and one stream thread always; the commit
     * interval, the session timeout and the static member id as cloud-backend reads them.
     *
     * @param instanceId {@code group.instance.id}, or null for a dynamic member
     */
    public record Settings(String bootstrapServers, String applicationId, Path stateDir, Duration commitInterval,
                           Duration sessionTimeout, String instanceId) {
        /** cloud-backend's defaults of CITYGRID_COMMIT_INTERVAL and CITYGRID_SESSION_TIMEOUT. */
        public static Settings defaults(String bootstrapServers, String applicationId, Path stateDir) {
            return from(bootstrapServers, applicationId, stateDir, name -> null);
        }

        /**
         * @param lookup the value of {@code CITYGRID_COMMIT_INTERVAL}, {@code CITYGRID_SESSION_TIMEOUT} or
         *               {@code CITYGRID_INSTANCE_ID}, or null for cloud-backend's default
         */
        public static Settings from(String bootstrapServers, String applicationId, Path stateDir,
                                    Function<String, String> lookup) {
            return new Settings(bootstrapServers, applicationId, stateDir,
                    duration(lookup, "CITYGRID_COMMIT_INTERVAL", "PT0.1S"),
                    duration(lookup, "CITYGRID_SESSION_TIMEOUT", "PT45S"),
                    blankAsNull(lookup.apply("CITYGRID_INSTANCE_ID")));
        }

        Properties streamsProperties() {
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
            props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                    (int) sessionTimeout.toMillis());
            if (instanceId != null) {
                props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
            }
            return props;
        }

        /** The settings as one line for a log, e.g. the child's own. */
        public Map<String, Object> describe() {
            return Map.of("application", applicationId, "commit interval ms", commitInterval.toMillis(),
                    "session timeout ms", sessionTimeout.toMillis(), "instance", String.valueOf(instanceId));
        }

        private static Duration duration(Function<String, String> lookup, String name, String fallback) {
            String value = blankAsNull(lookup.apply(name));
            try {
                return Duration.parse(value == null ? fallback : value);
            } catch (RuntimeException e) {
                throw new DemoException(name + " is '" + value + "', which is not an ISO-8601 duration such as "
                        + fallback, e);
            }
        }

        private static String blankAsNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public PassThroughTopology(Settings settings, String inTopic, String outTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(inTopic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(outTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        streams = new KafkaStreams(builder.build(), settings.streamsProperties());
    }

    /** Starts the topology and returns once it is RUNNING (its partitions assigned). */
    public PassThroughTopology start(Duration timeout) throws InterruptedException {
        streams.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                throw new DemoException("the pass-through topology is not running after " + timeout.toSeconds()
                        + " s (state " + streams.state() + ")");
            }
            Thread.sleep(100); // polling the state: KafkaStreams has no blocking wait for RUNNING
        }
        return this;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
