package org.citygrid.model.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citygrid.model.cases.Actor;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseClock;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseReports;
import org.citygrid.model.cases.CaseState;
import org.citygrid.model.cases.CaseTimes;
import org.citygrid.model.cases.CaseWork;
import org.citygrid.model.cases.ReportDetails;
import org.citygrid.model.cases.Stage;

/**
 * The whole folded {@link Case} as one versioned JSON record ("case", v1), so the case cycle can
 * store a case without its events: what the case keeps is bounded ({@link CaseReports}), and the
 * events stay the audit trail in {@code grid.case-events}. It round-trips exactly: reading what
 * {@link #write} wrote gives an equal case, and writing that gives the same bytes.
 *
 * <p>It also reads the value cloud-backend's {@code cases} state store held before, the case's
 * whole event list ({@code {"events": [...]}}, no {@code "v"}), by folding the events; so a store
 * switched to this codec reads its old records as they come and writes them back folded.
 * The format is in docs/cloud-backend.md.
 */
public final class CaseCodec {

    static final CaseCodec INSTANCE = new CaseCodec();

    private static final TypeReference<List<CaseEvent>> EVENTS = new TypeReference<>() {
    };

    private final WireCodec<Stored> codec = new WireCodec<>(Stored.class, "case", 1);
    private final ObjectMapper mapper = WireJson.mapper();

    private CaseCodec() {
    }

    /** The schema major version this codec writes and reads. */
    public int version() {
        return codec.version();
    }

    public String writeString(Case c) {
        return codec.writeString(Stored.of(c));
    }

    public byte[] write(Case c) {
        return writeString(c).getBytes(StandardCharsets.UTF_8);
    }

    public Case read(byte[] json) {
        if (json == null) {
            throw new WireFormatException("an empty case record");
        }
        return read(new String(json, StandardCharsets.UTF_8));
    }

    /**
     * @throws WireFormatException naming the field and the problem, for anything that is neither a
     *                             case record of this version nor an event list that folds into one
     */
    public Case read(String json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            throw new WireFormatException("a case record must be JSON: " + e.getMessage(), e);
        }
        if (tree != null && tree.isObject() && !tree.has(WireCodec.VERSION_FIELD) && tree.path("events").isArray()) {
            return fold(tree.get("events"));
        }
        Stored stored = codec.fromTree(tree);
        try {
            return stored.toCase();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WireFormatException("invalid case record: " + e.getMessage(), e);
        }
    }

    private Case fold(JsonNode events) {
        try {
            return Case.replay(mapper.treeToValue(events, mapper.constructType(EVENTS)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WireFormatException("an event list that does not fold into a case: " + e.getMessage(), e);
        }
    }

    /** The record's shape: the case's own fields, then its parts. */
    record Stored(String caseId, long version, CaseState state, Reports reports, String department, String assignee,
                  String handledBy, Actor lastHandler, List<String> returnedBy, int returnCount, int reworkCount,
                  Case.PendingExtension pendingExtension, Case.Verification verification, Case.Suspension suspension,
                  Integer rating, Clock clock, Times times, CaseWork work) {

        static Stored of(Case c) {
            CaseReports r = c.reports();
            CaseClock k = c.clock();
            CaseTimes t = c.times();
            return new Stored(c.id(), c.version(), c.state(),
                    new Reports(r.first(), r.duplicateCount(), r.recentDuplicates(), List.copyOf(r.followers()),
                            List.copyOf(r.devices()), r.sensorAlarm(), List.copyOf(r.clearedEpisodes())),
                    c.department().orElse(null), c.assignee().orElse(null), c.handledBy().orElse(null),
                    c.lastHandler().orElse(null), List.copyOf(c.returnedBy()), c.returnCount(), c.reworkCount(),
                    c.pendingExtension().orElse(null), c.verification().orElse(null), c.suspension().orElse(null),
                    c.rating().orElse(null),
                    new Clock(k.deadlines(), List.copyOf(k.warned()), List.copyOf(k.overdue()), k.overdueCount(),
                            k.escalationLevel(), List.copyOf(k.lateStages())),
                    new Times(t.reportedAt(), t.filedAt().orElse(null), t.firstDispatchedAt().orElse(null),
                            t.handledAt().orElse(null), t.closedAt().orElse(null), t.updatedAt()),
                    c.work().equals(CaseWork.NONE) ? null : c.work());
        }

        Case toCase() {
            return Case.restore(caseId, version, state,
                    new CaseReports(reports.first, reports.duplicateCount, list(reports.recentDuplicates),
                            set(reports.followers), set(reports.devices), reports.sensorAlarm, set(reports.clearedEpisodes)),
                    department, assignee, handledBy, lastHandler, set(returnedBy), returnCount, reworkCount,
                    pendingExtension, verification, suspension, rating,
                    new CaseClock(clock.deadlines == null ? Map.of() : clock.deadlines, set(clock.warned), set(clock.overdue),
                            clock.overdueCount, clock.escalationLevel, set(clock.lateStages)),
                    new CaseTimes(times.reportedAt, times.filedAt, times.firstDispatchedAt, times.handledAt, times.closedAt,
                            times.updatedAt),
                    work == null ? CaseWork.NONE : work);
        }
    }

    record Reports(ReportDetails first, int duplicateCount, List<ReportDetails> recentDuplicates, List<String> followers,
                   List<String> devices, boolean sensorAlarm, List<String> clearedEpisodes) {
    }

    record Clock(Map<Stage, Instant> deadlines, List<Stage> warned, List<Stage> overdue, int overdueCount,
                 int escalationLevel, List<Stage> lateStages) {
    }

    record Times(Instant reportedAt, Instant filedAt, Instant firstDispatchedAt, Instant handledAt, Instant closedAt,
                 Instant updatedAt) {
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static <T> Set<T> set(List<T> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
