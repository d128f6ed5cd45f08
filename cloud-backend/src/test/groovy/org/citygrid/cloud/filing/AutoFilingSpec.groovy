package org.citygrid.cloud.filing

import static org.citygrid.model.cases.Channel.*

import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.contracts.notify.NotificationIntent
import org.citygrid.model.cases.CaseState
import spock.lang.AutoCleanup
import spock.lang.Specification

class AutoFilingSpec extends Specification {

    static final Instant MONDAY_10_BEIJING = Instant.parse('2026-03-02T02:00:00Z')

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(MONDAY_10_BEIJING)

    def "a #channel report of #category is filed automatically: #filed"() {
        when:
        cycle.report(channel: channel, category: category, reporter: reporter, at: MONDAY_10_BEIJING)
        def caseId = cycle.caseIds().first()

        then:
        cycle.snapshot(caseId).state() == state
        ('Filed' in cycle.changes(caseId)) == filed

        where:
        channel  | category | reporter     || filed | state
        PATROL   | 'C0101'  | 'worker-1'   || true  | CaseState.DISPATCHED
        PATROL   | 'E0204'  | 'worker-1'   || false | CaseState.REPORTED
        RESIDENT | 'C0101'  | 'resident-1' || false | CaseState.REPORTED
        OPEN311  | 'C0101'  | 'o311-7'     || false | CaseState.REPORTED
        HOTLINE  | 'E0401'  | 'caller-3'   || false | CaseState.REPORTED
    }

    def "a sensor alarm of #type files on its own only where its category trusts sensors"() {
        when:
        cycle.sensor(type: type, device: 'dev-1', at: MONDAY_10_BEIJING)
        def caseId = cycle.caseIds().first()

        then:
        cycle.snapshot(caseId).categoryCode() == category
        cycle.snapshot(caseId).state() == state

        where:
        type           || category | state
        'manhole-tilt' || 'C0101'  | CaseState.DISPATCHED
        'water-level'  || 'E0406'  | CaseState.DISPATCHED
        'noise'        || 'E0301'  | CaseState.REPORTED
    }

    def "a report that is not filed automatically waits for the supervision centre, which is told"() {
        when:
        cycle.report(channel: RESIDENT, category: 'C0101', at: MONDAY_10_BEIJING)
        def caseId = cycle.caseIds().first()

        then:
        cycle.changes(caseId) == ['Reported']
        cycle.told(caseId).collect { [it.what(), it.audience().id()] }.containsAll([
                [NotificationIntent.What.REPORT_RECEIVED, 'resident-1'],
                [NotificationIntent.What.REPORT_TO_FILE, 'SUPERVISION']])
    }

    def "a case id starts with the grid code of its report"() {
        when:
        cycle.report(channel: RESIDENT, at: MONDAY_10_BEIJING)

        then:
        cycle.caseIds().first() ==~ /110101001001001-260302-[0-9a-f]{8}/
    }
}
