package org.citygrid.model.cases

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import java.time.Instant
import org.citygrid.model.casenumber.CaseNumber
import org.citygrid.model.geo.GeoPoint
import spock.lang.Specification

/**
 * The centres' steps besides the main loop: correcting a report when filing, sending a wrong filing
 * back, the ledger, pressing and urging a department, numbering a filed case. Each is an event in the
 * audit trail, with who did it.
 */
class CentreStepsSpec extends Specification {

    static final String COMPONENT_CODE = '1101010101000042'

    def "a report's category, position and component are corrected before filing, and the earlier values stay in the event"() {
        given:
        def c = caseIn(CaseState.REPORTED)
        def moved = new GeoPoint(116.398, 39.909)

        when:
        def (corrected, decision) = act(c, SHIFT_LEADER, new CaseAction.CorrectReport(null, moved, '110101001001002', COMPONENT_CODE, 'wrong grid'))
        def event = decision.events()[0]

        then:
        event.actor() == SHIFT_LEADER
        event.change() == new CaseChange.ReportCorrected(MANHOLE, moved, '110101001001002', COMPONENT_CODE, 'wrong grid',
                MANHOLE, '110101001001001')
        corrected.gridCode() == '110101001001002'
        corrected.report().position() == moved
        corrected.componentCode().get() == COMPONENT_CODE
        corrected.report().description() == c.report().description()
    }

    def "a corrected category drops a component of the old category"() {
        given:
        def withComponent = act(caseIn(CaseState.REPORTED), ACCEPTOR, new CaseAction.CorrectReport(null, null, null, COMPONENT_CODE, 'named on the map')).v1

        when:
        def dumping = act(withComponent, SHIFT_LEADER, new CaseAction.CorrectReport(DUMPING, null, null, null, 'it is dumping')).v1

        then:
        dumping.categoryCode() == DUMPING
        dumping.componentCode().isEmpty()
    }

    def "a correction is refused with #reason when #why"() {
        when:
        def decision = act(caseIn(CaseState.REPORTED), SHIFT_LEADER, action).v2

        then:
        (decision as Decision.Rejected).rejection().reason() == reason

        where:
        why                                       | action                                                                                  || reason
        'it says nothing to correct'              | new CaseAction.CorrectReport(null, null, null, null, 'nothing')                        || RejectionReason.INVALID_VALUE
        'a position comes without its grid'       | new CaseAction.CorrectReport(null, new GeoPoint(116.4, 39.9), null, null, 'moved')      || RejectionReason.INVALID_VALUE
        'the grid is not a grid code'             | new CaseAction.CorrectReport(null, new GeoPoint(116.4, 39.9), '1101', null, 'moved')    || RejectionReason.INVALID_VALUE
        'the category is not in the catalogue'    | new CaseAction.CorrectReport('E9999', null, null, null, 'other')                        || RejectionReason.UNKNOWN_CATEGORY
        'the component is of another class'       | new CaseAction.CorrectReport(null, null, null, '1101010305000001', 'a bin')             || RejectionReason.INVALID_VALUE
        'it gives no reason'                      | new CaseAction.CorrectReport(DUMPING, null, null, null, ' ')                            || RejectionReason.REASON_REQUIRED
    }

    def "the dispatcher sends a wrongly filed case back: it waits to be filed again, and the filer is remembered"() {
        given:
        def filed = caseIn(CaseState.FILED)
        def at = filed.times().updatedAt() + Duration.ofMinutes(5)

        when:
        def (back, decision) = act(filed, DISPATCHER, new CaseAction.SendBack('a private courtyard, not public space'), at)

        then:
        back.state() == CaseState.REPORTED
        back.activeStage().get() == Stage.FILING
        back.deadline(Stage.FILING).get() == at + LIMITS[Stage.FILING]
        back.work().filedBy() == OPERATOR.id()
        (decision.events()[0].change() as CaseChange.SentBack).reason() == 'a private courtyard, not public space'
    }

    def "a case on the ledger runs no clock, and taken off it waits for dispatch again"() {
        given:
        def held = caseIn(CaseState.IN_PROGRESS)
        def review = held.times().updatedAt() + Duration.ofDays(90)

        when:
        def ledger = act(held, LEADER, new CaseAction.PutOnLedger('funding in next year\'s budget', review)).v1
        def at = ledger.times().updatedAt() + Duration.ofDays(100)
        def (taken, decision) = act(ledger, DISPATCHER, new CaseAction.TakeOffLedger('funded'), at)

        then:
        ledger.state() == CaseState.ON_LEDGER
        ledger.activeStage().isEmpty()
        ledger.work().ledger() == new CaseWork.Ledger(ledger.times().updatedAt(), 'funding in next year\'s budget', review, CaseState.IN_PROGRESS)
        taken.state() == CaseState.FILED
        taken.department().isEmpty()
        taken.work().ledger() == null
        taken.deadline(Stage.DISPATCH).get() == at + LIMITS[Stage.DISPATCH]
    }

    def "a ledger entry needs a reason and a review date that is not past"() {
        given:
        def held = caseIn(CaseState.IN_PROGRESS)

        expect:
        reason(act(held, LEADER, new CaseAction.PutOnLedger(null, null)).v2) == RejectionReason.REASON_REQUIRED
        reason(act(held, LEADER, new CaseAction.PutOnLedger('later', T0)).v2) == RejectionReason.INVALID_VALUE
    }

    def "pressing (督办) and urging (催办) are recorded against the department that holds the case"() {
        given:
        def held = caseIn(CaseState.IN_PROGRESS)

        when:
        def pressed = act(held, DISPATCHER, new CaseAction.Press('fix it before the school run')).v2
        def urged = act(held, DISPATCHER, new CaseAction.Urge(null)).v2

        then:
        pressed.events()[0].change() == new CaseChange.Pressed('SANITATION', 'fix it before the school run')
        urged.events()[0].change() == new CaseChange.Urged('SANITATION', null)
        reason(act(held, DISPATCHER, new CaseAction.Press(' ')).v2) == RejectionReason.REASON_REQUIRED
    }

    def "a filed case is numbered once, with a number of its district and filing year"() {
        given:
        def filed = caseIn(CaseState.FILED)
        def number = new CaseNumber(2026, '110101', 123)

        when:
        def numbered = act(filed, SYSTEM, new CaseAction.AssignNumber(number)).v1

        then:
        numbered.caseNumber().get() == number
        reason(act(numbered, SYSTEM, new CaseAction.AssignNumber(new CaseNumber(2026, '110101', 124))).v2) == RejectionReason.ALREADY_NUMBERED
        reason(act(filed, SYSTEM, new CaseAction.AssignNumber(new CaseNumber(2025, '110101', 1))).v2) == RejectionReason.INVALID_VALUE
        reason(act(filed, SYSTEM, new CaseAction.AssignNumber(new CaseNumber(2026, '110102', 1))).v2) == RejectionReason.INVALID_VALUE
        reason(act(caseIn(CaseState.REPORTED), SYSTEM, new CaseAction.AssignNumber(number)).v2) == RejectionReason.WRONG_STATE
    }

    def "a report names a component of its own category, or none"() {
        when:
        new ReportDetails('s', Channel.RESIDENT, MANHOLE, '110101001001001', new GeoPoint(116.4, 39.9), '', 'r', false, T0, [],
                '1101010305000001')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'component 1101010305000001 is of category C0305, not C0101'
    }

    static RejectionReason reason(Decision d) {
        (d as Decision.Rejected).rejection().reason()
    }
}
