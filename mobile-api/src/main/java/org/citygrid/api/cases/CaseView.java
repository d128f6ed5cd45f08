package org.citygrid.api.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.crs.Located;
import org.citygrid.api.places.Place;
import org.citygrid.api.privacy.ResidentView;
import org.citygrid.api.readmodel.CaseRow;
import org.citygrid.api.readmodel.TimelineEntry;
import org.citygrid.model.cases.AllowedAction;
import org.citygrid.model.cases.Role;

/**
 * A case as staff (and following residents) see it. A resident sees what {@link ResidentView} allows:
 * no other person's account id (reporter, assignee, verifier, who asked for an extension), no other
 * reporter's description, a timeline of posts and departments.
 * {@code pendingExtension}: a handler's request for more time, present while it waits for an operator.
 * {@code verification}: a grid worker's on-site finding on the report (核实), present once made.
 * {@code allowedActions}: the steps the viewer may take on the case now, as the case cycle's
 * {@link org.citygrid.model.cases.CaseDecider} sees the case the read model shows (in the view of
 * one case; lists leave it out). A step taken anyway is still the case cycle's to decide.
 * {@code place}: the grid, community and street names of where the case is (the view of one case).
 * {@code people}: display names of the staff on the case (reporter, assignee, timeline actors), by
 * account id; residents are never named (the view of one case).
 * {@code lon}, {@code lat}: WGS 84, or the system the client asks for ({@link Located}).
 * {@code caseNumber}: the 案卷号 ({@code 2026-110101-0000123}) once the case cycle numbered the filed case.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CaseView(String caseId, String caseNumber, long version, String state, String categoryCode, String gridCode,
                       double lon, double lat, String channel, String description, String reporterId,
                       String department, String assignee, String activeStage, Instant deadline,
                       List<String> overdue, Integer rating, Instant reportedAt, Instant updatedAt,
                       List<TimelineEntry> timeline, CaseRow.PendingExtension pendingExtension,
                       CaseRow.Verification verification,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<AllowedAction> allowedActions,
                       Place place, Map<String, String> people)
        implements Located<CaseView> {

    /** A case in a list: without its allowed actions. */
    public static CaseView of(CaseRow c, CurrentUser viewer, List<TimelineEntry> timeline) {
        return of(c, viewer, timeline, null);
    }

    public static CaseView of(CaseRow c, CurrentUser viewer, List<TimelineEntry> timeline, List<AllowedAction> allowed) {
        if (viewer.role() != Role.RESIDENT) {
            return new CaseView(c.caseId(), c.caseNumber(), c.version(), c.state(), c.categoryCode(), c.gridCode(), c.lon(), c.lat(),
                    c.channel(), c.description(), c.reporterId(), c.department(), c.assignee(), c.activeStage(),
                    c.deadline(), c.overdue(), c.rating(), c.reportedAt(), c.updatedAt(), timeline, c.pendingExtension(),
                    c.verification(), allowed, null, Map.of());
        }
        boolean reporter = c.reporterId().equals(viewer.id());
        CaseRow.PendingExtension extension = c.pendingExtension() == null ? null
                : new CaseRow.PendingExtension(c.pendingExtension().extra(), c.pendingExtension().reason(), null);
        CaseRow.Verification verification = c.verification() == null ? null
                : new CaseRow.Verification(null, c.verification().at(), c.verification().found(), c.verification().note());
        return new CaseView(c.caseId(), c.caseNumber(), c.version(), c.state(), c.categoryCode(), c.gridCode(), c.lon(), c.lat(),
                c.channel(), reporter ? c.description() : null, reporter ? c.reporterId() : null, c.department(), null,
                c.activeStage(), c.deadline(), c.overdue(), c.rating(), c.reportedAt(), c.updatedAt(),
                ResidentView.timeline(timeline, viewer.id()), extension, verification, allowed, null, Map.of());
    }

    /** This view with where the case is and the names of the staff on it. */
    public CaseView named(Place where, Map<String, String> names) {
        return new CaseView(caseId, caseNumber, version, state, categoryCode, gridCode, lon, lat, channel, description, reporterId,
                department, assignee, activeStage, deadline, overdue, rating, reportedAt, updatedAt, timeline,
                pendingExtension, verification, allowedActions, where, names);
    }

    @Override
    public CaseView at(double lon, double lat) {
        return new CaseView(caseId, caseNumber, version, state, categoryCode, gridCode, lon, lat, channel, description, reporterId,
                department, assignee, activeStage, deadline, overdue, rating, reportedAt, updatedAt, timeline,
                pendingExtension, verification, allowedActions, place, people);
    }
}
