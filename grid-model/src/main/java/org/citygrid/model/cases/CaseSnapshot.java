package org.citygrid.model.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citygrid.model.geo.GeoPoint;

/**
 * A case's current state as one flat record: what the compacted current-state topic carries and
 * what read models and live views show. It is derived from the events and never the other way
 * round; {@link #version} says which event it reflects, so a consumer keeps the highest.
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
        List<Evidence> evidence) {

    public static CaseSnapshot of(Case c) {
        return new CaseSnapshot(
                c.id(), c.version(), c.state(), c.categoryCode(), c.gridCode(), c.report().position(),
                c.report().channel(), c.report().description(), c.report().reporterId(), c.report().anonymous(),
                c.department().orElse(null), c.assignee().orElse(null), c.handledBy().orElse(null),
                c.activeStage().orElse(null), Map.copyOf(c.deadlines()), Set.copyOf(c.overdue()),
                Set.copyOf(c.lateStages()), c.escalationLevel(), c.reworkCount(), c.returnCount(),
                c.duplicates().size(), Set.copyOf(c.followers()), Set.copyOf(c.clearedEpisodes()),
                c.pendingExtension().orElse(null),
                c.suspension().orElse(null), c.verification().orElse(null), c.reportedAt(), c.filedAt().orElse(null),
                c.firstDispatchedAt().orElse(null), c.handledAt().orElse(null), c.closedAt().orElse(null),
                c.rating().orElse(null), c.updatedAt(), c.report().evidence());
    }
}
