package org.citygrid.demo.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What people read in a case's timeline, as {@code GET /api/v1/cases/{id}} shows it: whether it was returned and
 * by whom, whether it was ever reported handled, whether an extension request still waits for a decision.
 */
public final class CaseTimeline {
    private final List<JsonNode> entries = new ArrayList<>();

    /** @param caseView the case as the API answered it, with its {@code timeline} array (oldest first) */
    public CaseTimeline(JsonNode caseView) {
        caseView.path("timeline").forEach(entries::add);
    }

    /** Departments that gave the case back as not theirs, oldest first. */
    public List<String> returnedBy() {
        return entries.stream().filter(e -> is(e, "Returned"))
                .map(e -> e.path("change").path("department").asText(""))
                .filter(d -> !d.isEmpty())
                .toList();
    }

    public boolean wasReturned() {
        return entries.stream().anyMatch(e -> is(e, "Returned"));
    }

    /** A department reported it handled at least once (a rework, not a fresh task). */
    public boolean wasHandled() {
        return entries.stream().anyMatch(e -> is(e, "Handled"));
    }

    /** The latest extension request has had no answer yet. */
    public boolean extensionWaiting() {
        int request = lastIndexOf("ExtensionRequested");
        return request >= 0 && request > Math.max(lastIndexOf("ExtensionApproved"), lastIndexOf("ExtensionRejected"));
    }

    /** The latest extension request has been approved or refused. */
    public boolean extensionAnswered() {
        int request = lastIndexOf("ExtensionRequested");
        return request >= 0 && request < Math.max(lastIndexOf("ExtensionApproved"), lastIndexOf("ExtensionRejected"));
    }

    private int lastIndexOf(String type) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (is(entries.get(i), type)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean is(JsonNode entry, String type) {
        // the entry's type is the change's type; the change itself carries it too
        return type.equals(entry.path("type").asText(entry.path("change").path("type").asText()));
    }
}
