package org.citygrid.api.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citygrid.api.kafka.TopicReader;
import org.citygrid.api.kafka.TopicReaders;
import org.citygrid.api.kafka.UnreadableRecord;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.api.readmodel.CaseRow;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireFormatException;

/**
 * Tells the people who follow a case (its reporters) when it changes state, from grid.case-events.
 * Followers come from the read model (the event itself does not list them) plus the reporter of a
 * Reported or DuplicateMerged event, so the first message does not wait for the projection.
 * Clock events (deadline warnings, overdue, escalation) and ratings are not pushed to residents.
 */
@Singleton
@Requires(property = "citygrid.push.case-events.enabled", notEquals = "false")
class CaseEventNotifier {

    private final Notifier notifier;
    private final CaseReadModel readModel;
    private final TopicReader reader;

    CaseEventNotifier(Notifier notifier, CaseReadModel readModel,
                      TopicReaders readers,
                      @Value("${citygrid.topics.case-events:" + TopicCatalogue.Names.CASE_EVENTS + "}") String topic,
                      @Value("${citygrid.push.case-events.group:citygrid-mobile-api-push}") String group,
                      @Value("${citygrid.push.case-events.start:latest}") String start) {
        this.notifier = notifier;
        this.readModel = readModel;
        // "latest" by default: a new deployment does not replay years of history at people's phones
        this.reader = readers.inGroup("case-event-push", topic, group, start, this::handle);
    }

    @EventListener
    void start(StartupEvent event) {
        reader.start();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        CaseEvent event;
        try {
            event = WireCodec.events().read(record.value());
        } catch (WireFormatException e) {
            // set aside as a dead letter at once: the same bytes would fail the same way again
            throw new UnreadableRecord("not a case event: " + e.getMessage(), e);
        }
        message(event.change()).ifPresent(text -> {
            Set<String> followers = new LinkedHashSet<>();
            readModel.byId(event.caseId()).map(CaseRow::followers).ifPresent(followers::addAll);
            switch (event.change()) {
                case CaseChange.Reported r -> followers.add(r.details().reporterId());
                case CaseChange.DuplicateMerged d -> followers.add(d.duplicate().reporterId());
                default -> { }
            }
            notifier.toPeople("event:" + event.caseId() + "/" + event.version(), List.copyOf(followers), "Your report", text, Map.of(
                    "caseId", event.caseId(),
                    "version", Long.toString(event.version()),
                    "change", event.change().getClass().getSimpleName()));
        });
    }

    /** What a reporter is told, or nothing for changes that do not concern them. */
    static Optional<String> message(CaseChange change) {
        return Optional.ofNullable(switch (change) {
            case CaseChange.Reported r -> "We received your report.";
            case CaseChange.DuplicateMerged d -> "Your report joined a case already open at that place.";
            case CaseChange.Verified v -> v.found()
                    ? "A grid worker confirmed your report on site."
                    : "A grid worker went to the place and did not find the problem as reported; the centre will decide.";
            case CaseChange.Filed f -> "Your report was accepted as a case.";
            case CaseChange.Dismissed d -> "Your report was not taken up: " + d.reason();
            case CaseChange.Dispatched d -> "Your case was sent to the responsible department.";
            case CaseChange.Accepted a -> "A department is working on your case.";
            case CaseChange.Handled h -> "The department reports your case handled; it will be checked on site.";
            case CaseChange.CheckFailed c -> "The on-site check found more to do; the case went back for rework.";
            case CaseChange.Closed c -> "Your case is closed. Please rate the result.";
            case CaseChange.Voided v -> "Your case was withdrawn: " + v.reason();
            case CaseChange.Suspended s -> "Your case is on hold: " + s.reason();
            case CaseChange.Resumed r -> "Work on your case has resumed.";
            default -> null;
        });
    }

    @PreDestroy
    void close() {
        reader.close();
    }
}
