package org.citygrid.api.readmodel;

import java.time.Instant;
import java.util.List;

/** One row of grid.cases, the columns the API shows (docs/read-model.md of cloud-backend). */
public record CaseRow(
        String caseId,
        long version,
        String state,
        boolean terminal,
        String categoryCode,
        String gridCode,
        String communityCode,
        double lon,
        double lat,
        String channel,
        String description,
        String reporterId,
        boolean anonymous,
        String department,
        String assignee,
        String activeStage,
        Instant deadline,
        List<String> overdue,
        List<String> followers,
        Integer rating,
        Instant reportedAt,
        Instant updatedAt,
        Instant closedAt,
        PendingExtension pendingExtension,
        Verification verification,
        String caseNumber) {

    /** A handler's request for more handling time, waiting for an operator (null on the row when none). */
    public record PendingExtension(String extra, String reason, String requestedBy) {
    }

    /** A grid worker's on-site finding on the report before the filing decision (null on the row when none). */
    public record Verification(String verifier, Instant at, boolean found, String note) {
    }

    /** Whether {@code userId} reported this case or a duplicate merged into it. */
    public boolean followedBy(String userId) {
        return reporterId.equals(userId) || followers.contains(userId);
    }
}
