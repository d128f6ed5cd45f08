package org.citygrid.api.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.people.PeopleDirectory;
import org.citygrid.api.places.Place;
import org.citygrid.api.places.PlaceDirectory;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.api.readmodel.CaseScope;
import org.citygrid.model.cases.AllowedAction;
import org.citygrid.model.cases.CaseDecider;
import org.citygrid.model.cases.Role;

/**
 * One case as a person sees it: its row, its timeline and the steps they may take now. The steps
 * are grid-model's {@link CaseDecider#allowedActions} on the case rebuilt from its events in the
 * read model, so the console and apps offer what the case cycle would take instead of keeping
 * tables of their own.
 */
@Singleton
public class CaseViews {

    private final CaseReadModel readModel;
    private final CaseDecider decider;
    private final Clock clock;
    private final PlaceDirectory places;
    private final PeopleDirectory people;

    CaseViews(CaseReadModel readModel, CaseDecider decider, Clock clock, PlaceDirectory places, PeopleDirectory people) {
        this.readModel = readModel;
        this.decider = decider;
        this.clock = clock;
        this.places = places;
        this.people = people;
    }

    /**
     * The case with its timeline, allowed actions, place names and the display names of the staff on
     * it; 404 outside the viewer's scope, so ids reveal nothing.
     */
    public CaseView one(CurrentUser user, String caseId) {
        return readModel.byId(caseId).filter(c -> CaseScope.sees(user, c))
                .map(c -> named(user, CaseView.of(c, user, readModel.timeline(caseId), allowed(user, caseId))))
                .orElseThrow(() -> new NotFound("no case " + caseId + " in your scope"));
    }

    // staff see who worked on the case; a resident following it sees roles only
    private CaseView named(CurrentUser user, CaseView v) {
        Place place = places.ofGrids(List.of(v.gridCode())).get(v.gridCode());
        if (user.role() == Role.RESIDENT) {
            return v.named(place, Map.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        Stream.of(v.reporterId(), v.assignee()).filter(Objects::nonNull).forEach(ids::add);
        v.timeline().forEach(e -> ids.add(e.actorId()));
        if (v.pendingExtension() != null && v.pendingExtension().requestedBy() != null) {
            ids.add(v.pendingExtension().requestedBy());
        }
        if (v.verification() != null && v.verification().verifier() != null) {
            ids.add(v.verification().verifier());
        }
        return v.named(place, people.staffNames(ids));
    }

    /**
     * What {@code user} may do to the case now. Empty while the read model holds no unbroken history
     * of the case (the projection writes a case's row and events in one transaction, so this is a
     * case it has not finished projecting).
     */
    public List<AllowedAction> allowed(CurrentUser user, String caseId) {
        return ReadModelCases.rebuild(readModel, caseId)
                .map(c -> decider.allowedActions(c, user.actor(), clock.instant()))
                .orElse(List.of());
    }
}
