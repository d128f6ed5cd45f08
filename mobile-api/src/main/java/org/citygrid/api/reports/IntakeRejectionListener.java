package org.citygrid.api.reports;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citygrid.api.kafka.GridTopics;
import org.citygrid.api.kafka.TopicReader;
import org.citygrid.api.kafka.TopicReaders;
import org.citygrid.api.kafka.UnreadableRecord;
import org.citygrid.api.notifications.PersonMessage;
import org.citygrid.api.notifications.PersonNotifications;
import org.citygrid.model.intake.IntakeRejection;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireFormatException;

/**
 * Reads grid.intake-rejections: a report this API sent that the case cycle refused (outside the managed
 * grids, an unknown category...) turns REJECTED for its reporter, with the reason in Chinese and English,
 * and the reporter is told ({@link PersonNotifications}). Rejections of other producers' records (edge
 * nodes, Open311) are passed over. One consumer group for all instances, from the start of the topic: a
 * refusal is never stale. At-least-once: the refusal is stored once, and the message goes out once per
 * device whatever the repeats.
 */
@Singleton
@Requires(property = "citygrid.intake-rejections.enabled", notEquals = "false")
class IntakeRejectionListener {

    private final ReportRepository reports;
    private final PersonNotifications people;
    private final TopicReader reader;

    IntakeRejectionListener(ReportRepository reports, PersonNotifications people, TopicReaders readers, GridTopics topics,
                            @Value("${citygrid.intake-rejections.group:citygrid-mobile-api-intake-rejections}") String group,
                            @Value("${citygrid.intake-rejections.start:earliest}") String start) {
        this.reports = reports;
        this.people = people;
        this.reader = readers.inGroup("intake-rejections", topics.getIntakeRejections(), group, start, this::handle);
    }

    @EventListener
    void start(StartupEvent event) {
        reader.start();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        IntakeRejection rejection;
        try {
            rejection = WireCodec.intakeRejections().read(record.value());
        } catch (WireFormatException e) {
            throw new UnreadableRecord("not an intake rejection: " + e.getMessage(), e);
        }
        if (rejection.intakeId() == null) {
            return; // too malformed to have an id: no report of ours
        }
        ReportRepository.Refusal refusal = new ReportRepository.Refusal(rejection.reason().name(), rejection.message(),
                rejection.at());
        if (!reports.refuse(rejection.intakeId(), refusal)) {
            return;
        }
        reports.byId(rejection.intakeId()).ifPresent(report -> {
            RefusalReasons.Text text = RefusalReasons.of(refusal.reason());
            people.tell(new PersonMessage.ReportRefused(report.reporterId(), report.intakeId(), refusal.reason(),
                    text.zh(), text.en(), refusal.at()));
        });
    }

    @PreDestroy
    void close() {
        reader.close();
    }
}
