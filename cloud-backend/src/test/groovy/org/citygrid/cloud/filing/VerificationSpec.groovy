package org.citygrid.cloud.filing

import static org.citygrid.contracts.notify.NotificationIntent.What.*
import static org.citygrid.model.cases.Channel.*

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Role
import spock.lang.AutoCleanup
import spock.lang.Specification

/** 核实: reports from outside the patrol ask the grid's workers to verify them before the supervision centre files. */
class VerificationSpec extends Specification {

    static final Instant MONDAY_10_BEIJING = Instant.parse('2026-03-02T02:00:00Z')
    static final Actor WORKER = Actor.of('worker-7', Role.GRID_WORKER)

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(MONDAY_10_BEIJING)

    def "a #channel report waiting to be filed asks its grid's workers to verify it: #asked"() {
        when:
        cycle.report(channel: channel, category: 'E0204', reporter: reporter, at: MONDAY_10_BEIJING)
        def caseId = cycle.caseIds().first()

        then:
        cycle.told(caseId).any { it.what() == VERIFY_NEEDED && it.audience().id() == '110101001001001' } == asked

        where:
        channel  | reporter     || asked
        RESIDENT | 'resident-1' || true
        OPEN311  | 'o311-7'     || true
        HOTLINE  | 'caller-3'   || true
        PATROL   | 'worker-1'   || false
    }

    def "a report its category files automatically is not sent for verification"() {
        when:
        cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', at: MONDAY_10_BEIJING)

        then:
        cycle.told(cycle.caseIds().first()).every { it.what() != VERIFY_NEEDED }
    }

    def "a worker's verification is on the case and tells the supervision centre, and the case still waits to be filed"() {
        given:
        cycle.report(channel: RESIDENT, category: 'E0204', at: MONDAY_10_BEIJING)
        def caseId = cycle.caseIds().first()

        when:
        cycle.command(caseId, WORKER, new CaseAction.Verify(true, 'rubble by the bins', CaseCycleRig.PHOTO),
                MONDAY_10_BEIJING + Duration.ofMinutes(20))

        then:
        cycle.changes(caseId) == ['Reported', 'Verified']
        with(cycle.snapshot(caseId)) {
            state() == CaseState.REPORTED
            verification().verifier() == 'worker-7'
            verification().found()
            verification().note() == 'rubble by the bins'
        }
        cycle.told(caseId).any { it.what() == REPORT_VERIFIED && it.audience().id() == 'SUPERVISION' }
    }
}
