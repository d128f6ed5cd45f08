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
import org.citygrid.api.kafka.TopicReader;
import org.citygrid.api.kafka.TopicReaders;
import org.citygrid.api.kafka.UnreadableRecord;
import org.citygrid.model.cases.CommandRejected;
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
                      TopicReaders readers,
                      @Value("${citygrid.rejections.group:citygrid-mobile-api}") String group) {
        this.commands = commands;
        this.reader = readers.inGroup("command-rejections", topics.getCommandRejections(), group, "earliest", this::store);
    }

    @EventListener
    void start(StartupEvent event) {
        reader.start();
    }

    private void store(ConsumerRecord<String, byte[]> record) {
        try {
            CommandRejected rejection = WireCodec.commandRejections().read(record.value());
            if (rejection.commandId() == null) {
                // the case cycle's refusal of a record on grid.commands too broken to name its command (the poison
                // drill's garbage): no sender here waits for it, and storing it would fail five times, holding up
                // the rejections behind it, before it was set aside
                LOG.atInfo().addKeyValue("event", "rejection-passed-over").addKeyValue("key", record.key())
                        .addKeyValue("reason", rejection.reason()).log("a refusal of a command nobody named: passed over");
                return;
            }
            commands.reject(rejection);
        } catch (WireFormatException e) {
            // set aside at once as a dead letter: reading the same bytes again would fail the same way
            throw new UnreadableRecord("not a command rejection: " + e.getMessage(), e);
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
