package org.citygrid.api.cases;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.citygrid.api.kafka.GridTopics;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads grid.command-rejections into api.command_rejections so that a sender polling its command
 * sees why it was refused. One consumer group for all API instances: the table is shared, so each
 * rejection needs storing once. Offsets are committed after the rows are written (at-least-once;
 * the insert ignores repeats).
 */
@Singleton
@Requires(property = "citygrid.rejections.enabled", notEquals = "false")
class RejectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionListener.class);

    private final CommandRepository commands;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private Thread thread;
    private volatile boolean running = true;

    RejectionListener(CommandRepository commands, GridTopics topics,
                      @Value("${citygrid.kafka.bootstrap-servers}") String bootstrap,
                      @Value("${citygrid.rejections.group:citygrid-mobile-api}") String group) {
        this.commands = commands;
        this.topic = topics.getCommandRejections();
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    @EventListener
    void start(StartupEvent event) {
        consumer.subscribe(List.of(topic));
        thread = Thread.ofPlatform().name("command-rejections").daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    store(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } finally {
            consumer.close();
        }
    }

    private void store(ConsumerRecord<String, byte[]> record) {
        try {
            commands.reject(WireCodec.commandRejections().read(record.value()));
        } catch (WireFormatException e) {
            // one bad record must not stop the others; it stays readable on the topic
            LOG.warn("skipping unreadable command rejection at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @EventListener
    void stop(ShutdownEvent event) {
        close();
    }

    @PreDestroy
    void close() {
        running = false;
        consumer.wakeup();
        if (thread == null) {
            consumer.close();
        } else {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
