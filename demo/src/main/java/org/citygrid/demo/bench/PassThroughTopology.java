package org.citygrid.demo.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import org.citygrid.demo.DemoException;

/**
 * A Kafka Streams topology that reads a record and writes it out unchanged, with the case cycle's settings
 * (exactly_once_v2, a 100 ms commit interval, one stream thread; cloud-backend's {@code streamsProperties}): the
 * floor under any exactly-once Streams hop on this broker. Written here rather than borrowed from cloud-backend's
 * test sources, which the demo does not depend on.
 */
final class PassThroughTopology implements AutoCloseable {
    /** cloud-backend's default CITYGRID_COMMIT_INTERVAL. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    private final KafkaStreams streams;

    PassThroughTopology(String bootstrapServers, String inTopic, String outTopic, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(inTopic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(outTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-pass-through");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        streams = new KafkaStreams(builder.build(), props);
    }

    /** Starts the topology and returns once it is RUNNING (its partitions assigned). */
    PassThroughTopology start(Duration timeout) throws InterruptedException {
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
