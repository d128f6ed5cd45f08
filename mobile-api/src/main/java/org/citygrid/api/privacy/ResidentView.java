package org.citygrid.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.citygrid.api.readmodel.TimelineEntry;

/**
 * A case's timeline as a resident who follows it reads it: what happened, when, by which post (role) and
 * in which department, with the staff's reasons and notes to them; never other people's account ids, the
 * anonymous flag, or what other reporters wrote. Every change keeps only the fields below; everything
 * else (a report's details, a merged duplicate's, the verifier, handler, checker and assignee ids, photo
 * refs, sensor episodes) is left out, so a field added to a change later stays hidden until it is named
 * here. A rating's comment is kept for the resident who wrote it.
 */
public final class ResidentView {

    /** The fields of a change a resident sees (docs/wire-formats.md, case events). */
    private static final Set<String> SHOWN = Set.of("type", "found", "note", "automatic", "reason", "department",
            "redispatch", "extra", "resumeTo", "remaining", "state", "late", "rework", "from", "stage", "level",
            "score", "filingDeadline", "dispatchDeadline", "handlingDeadline", "checkDeadline", "deadline");

    private ResidentView() {
    }

    /** {@code timeline} as resident {@code viewerId} sees it. */
    public static List<TimelineEntry> timeline(List<TimelineEntry> timeline, String viewerId) {
        return timeline.stream().map(e -> entry(e, viewerId)).toList();
    }

    private static TimelineEntry entry(TimelineEntry e, String viewerId) {
        boolean own = viewerId.equals(e.actorId());
        ObjectNode change = e.change() == null ? null : ((ObjectNode) e.change()).deepCopy();
        if (change != null) {
            change.retain(SHOWN);
            JsonNode comment = e.change().get("comment");
            if (own && comment != null) {
                change.set("comment", comment);
            }
        }
        return new TimelineEntry(e.version(), e.at(), e.type(), own ? e.actorId() : null, e.actorRole(),
                e.actorDepartment(), null, change);
    }
}
