package org.citygrid.model.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citygrid.model.casenumber.CaseNumber;
import org.citygrid.model.geo.GeoPoint;

/**
 * A case's current state as one flat record: what the compacted current-state topic carries and
 * what read models and live views show. It is derived from the events and never the other way
 * round; {@link #version} says which event it reflects, so a consumer keeps the highest.
 *
 * <p>The fields after {@code evidence} came with the posts of the two centres; each is absent
 * ({@code null}) until the case has one, so records written before read as they are.
 */
public record CaseSnapshot(
        String caseId,
        long version,
        CaseState state,
        String categoryCode,
        String gridCode,
        GeoPoint position,
        Channel channel,
        String description,
        String reporterId,
        boolean anonymous,
        String department,
        String assignee,
        String handledBy,
        Stage activeStage,
        Map<Stage, Instant> deadlines,
        Set<Stage> overdue,
        Set<Stage> lateStages,
        int escalationLevel,
        int reworkCount,
        int returnCount,
        int duplicates,
        Set<String> followers,
        Set<String> clearedEpisodes,
        Case.PendingExtension pendingExtension,
        Case.Suspension suspension,
        Case.Verification verification,
        Instant reportedAt,
        Instant filedAt,
        Instant firstDispatchedAt,
        Instant handledAt,
        Instant closedAt,
        Integer rating,
        Instant updatedAt,
        List<Evidence> evidence,
        CaseNumber caseNumber,
        String componentCode,
        CaseWork.Task verificationTask,
        CaseWork.Task checkTask,
        CaseWork.Ledger ledger) {

    public static CaseSnapshot of(Case c) {
        CaseClock clock = c.clock();
        CaseTimes times = c.times();
        return new CaseSnapshot(
                c.id(), c.version(), c.state(), c.categoryCode(), c.gridCode(), c.report().position(),
                c.report().channel(), c.report().description(), c.report().reporterId(), c.report().anonymous(),
                c.department().orElse(null), c.assignee().orElse(null), c.handledBy().orElse(null),
                c.activeStage().orElse(null), Map.copyOf(clock.deadlines()), Set.copyOf(clock.overdue()),
                Set.copyOf(clock.lateStages()), clock.escalationLevel(), c.reworkCount(), c.returnCount(),
                c.reports().duplicateCount(), Set.copyOf(c.followers()), Set.copyOf(c.reports().clearedEpisodes()),
                c.pendingExtension().orElse(null),
                c.suspension().orElse(null), c.verification().orElse(null), times.reportedAt(), times.filedAt().orElse(null),
                times.firstDispatchedAt().orElse(null), times.handledAt().orElse(null), times.closedAt().orElse(null),
                c.rating().orElse(null), times.updatedAt(), c.report().evidence(), c.caseNumber().orElse(null),
                c.componentCode().orElse(null), c.work().verificationTask(), c.work().checkTask(), c.work().ledger());
    }
}
