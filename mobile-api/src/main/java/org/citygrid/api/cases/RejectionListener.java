package org.citygrid.api.cases;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citygrid.api.kafka.GridTopics;
import org.citygrid.api.kafka.KafkaConnection;
import org.citygrid.api.kafka.TopicReader;
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
    private final TopicReader reader;

    RejectionListener(CommandRepository commands, GridTopics topics,
                      KafkaConnection kafka,
                      @Value("${citygrid.rejections.group:citygrid-mobile-api}") String group) {
        this.commands = commands;
        this.reader = TopicReader.inGroup("command-rejections", kafka, topics.getCommandRejections(), group,
                "earliest", this::store);
    }

    @EventListener
    void start(StartupEvent event) {
        reader.start();
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
        reader.close();
    }
}
