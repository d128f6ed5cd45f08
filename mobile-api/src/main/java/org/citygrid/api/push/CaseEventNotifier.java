package org.citygrid.api.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
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
 * Tells the people who reported a case (its followers) of each step on it, from grid.case-events,
 * with the words the step came with (a dismissal's reason, a verification's finding): into their
 * inbox and onto their phones ({@link Delivery}). Followers come from the read model (the event
 * itself does not list them); a {@code Reported} is told to its reporter and a {@code DuplicateMerged}
 * to the duplicate's, so the first message does not wait for the projection. Clock events (deadline
 * warnings, overdue, escalation) and ratings are not told to residents.
 *
 * <p>Interim: the case cycle's notifications v2 (grid.notifications, docs/wire-formats.md) name the
 * reporters themselves, with the same vocabulary; once {@link IntentPusher} reads v2, this reader goes.
 */
@Singleton
@Requires(property = "citygrid.push.case-events.enabled", notEquals = "false")
class CaseEventNotifier {

    private final Delivery delivery;
    private final CaseReadModel readModel;
    private final TopicReader reader;

    CaseEventNotifier(Delivery delivery, CaseReadModel readModel,
                      TopicReaders readers,
                      @Value("${citygrid.topics.case-events:" + TopicCatalogue.Names.CASE_EVENTS + "}") String topic,
                      @Value("${citygrid.push.case-events.group:citygrid-mobile-api-push}") String group,
                      @Value("${citygrid.push.case-events.start:latest}") String start) {
        this.delivery = delivery;
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
        Optional<CaseRow> row = readModel.byId(event.caseId());
        message(event, row.orElse(null)).ifPresent(m -> delivery.toPeople(readers(event, row), m));
    }

    /** Who is told: the one reporter of a new report or a merged duplicate; the case's followers otherwise. */
    private static List<String> readers(CaseEvent event, Optional<CaseRow> row) {
        return switch (event.change()) {
            case CaseChange.Reported r -> List.of(r.details().reporterId());
            case CaseChange.DuplicateMerged d -> List.of(d.duplicate().reporterId());
            default -> {
                Set<String> followers = new LinkedHashSet<>();
                row.ifPresent(c -> {
                    followers.add(c.reporterId());
                    followers.addAll(c.followers());
                });
                yield List.copyOf(followers);
            }
        };
    }

    /** What a reporter is told of {@code event}, or nothing for steps that do not concern them. */
    static Optional<CaseMessage> message(CaseEvent event, CaseRow row) {
        String what = null;
        String reason = null;
        Boolean found = null;
        String category = row == null ? null : row.categoryCode();
        String grid = row == null ? null : row.gridCode();
        String department = row == null ? null : row.department();
        switch (event.change()) {
            case CaseChange.Reported r -> {
                what = "REPORT_RECEIVED";
                category = r.details().categoryCode();
                grid = r.details().gridCode();
            }
            case CaseChange.DuplicateMerged d -> {
                what = "REPORT_MERGED";
                category = category == null ? d.duplicate().categoryCode() : category;
            }
            case CaseChange.Verified v -> {
                what = "REPORT_VERIFIED";
                found = v.found();
                reason = v.note();
            }
            case CaseChange.Filed f -> what = "CASE_FILED";
            case CaseChange.Dismissed d -> {
                what = "CASE_DISMISSED";
                reason = d.reason();
            }
            case CaseChange.Dispatched d -> {
                what = "CASE_DISPATCHED";
                department = d.department();
            }
            case CaseChange.Accepted a -> what = "CASE_IN_PROGRESS";
            case CaseChange.Handled h -> what = "CASE_HANDLED";
            case CaseChange.CheckFailed c -> {
                what = "CHECK_FAILED";
                reason = c.note();
            }
            case CaseChange.Closed c -> what = "CASE_CLOSED";
            case CaseChange.Voided v -> {
                what = "CASE_VOIDED";
                reason = v.reason();
            }
            case CaseChange.Suspended s -> {
                what = "CASE_SUSPENDED";
                reason = s.reason();
            }
            case CaseChange.Resumed r -> what = "CASE_RESUMED";
            default -> {
            }
        }
        if (what == null) {
            return Optional.empty();
        }
        return Optional.of(new CaseMessage("event:" + event.caseId() + "/" + event.version(), what,
                CaseMessage.Reader.REPORTER, event.caseId(), event.version(), event.at(), category, grid, department,
                null, found, reason));
    }

    @PreDestroy
    void close() {
        reader.close();
    }
}
