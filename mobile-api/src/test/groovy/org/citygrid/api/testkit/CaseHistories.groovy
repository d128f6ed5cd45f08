package org.citygrid.api.testkit

import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.CaseState
import org.citygrid.model.testkit.CaseFixtures

import java.time.Duration

/**
 * Event histories made by the real decider (grid-model's test kit), as the case cycle writes them to
 * grid.case_events: what CaseViews rebuilds a case from.
 */
class CaseHistories {

    /** The events of a case walked along grid-model's standard path into {@code state}. */
    static List<CaseEvent> to(CaseState state, String caseId) {
        walk(caseId, CaseFixtures.pathTo(state))
    }

    /** The events of the given steps, each a pair (actor, action), one simulated minute apart. */
    static List<CaseEvent> walk(String caseId, List<List> steps) {
        List<CaseEvent> events = []
        def current = null
        steps.eachWithIndex { step, i ->
            def decision = CaseFixtures.DECIDER.decide(current, CaseFixtures.command(caseId, step[0] as Actor,
                    step[1] as CaseAction, CaseFixtures.T0 + Duration.ofMinutes(i)))
            assert decision.accepted(): "step $i refused: $decision"
            decision.events().each {
                events << it
                current = current == null ? org.citygrid.model.cases.Case.open(it) : current.apply(it)
            }
        }
        events
    }
}
