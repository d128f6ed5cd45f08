package org.citygrid.api.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.api.readmodel.CaseScope;
import org.citygrid.model.cases.AllowedAction;
import org.citygrid.model.cases.CaseDecider;

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

    CaseViews(CaseReadModel readModel, CaseDecider decider, Clock clock) {
        this.readModel = readModel;
        this.decider = decider;
        this.clock = clock;
    }

    /** The case with its timeline and allowed actions; 404 outside the viewer's scope, so ids reveal nothing. */
    public CaseView one(CurrentUser user, String caseId) {
        return readModel.byId(caseId).filter(c -> CaseScope.sees(user, c))
                .map(c -> CaseView.of(c, user, readModel.timeline(caseId), allowed(user, caseId)))
                .orElseThrow(() -> new NotFound("no case " + caseId + " in your scope"));
    }

    /**
     * What {@code user} may do to the case now. Empty while the read model holds no unbroken history
     * of the case (the projection writes a case's row and events in one transaction, so this is a
     * case it has not finished projecting).
     */
    List<AllowedAction> allowed(CurrentUser user, String caseId) {
        return ReadModelCases.rebuild(readModel, caseId)
                .map(c -> decider.allowedActions(c, user.actor(), clock.instant()))
                .orElse(List.of());
    }
}
