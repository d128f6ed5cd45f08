package org.citygrid.cloud.sla

import static org.citygrid.model.cases.Channel.PATROL

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.contracts.notify.NotificationIntent
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.Role
import org.citygrid.model.cases.Stage
import spock.lang.AutoCleanup
import spock.lang.Specification

/**
 * SLA clocks across the 2026 National Day holiday (1–7 October; 8 October is a working day).
 * A loose manhole cover (C0101, 4 working hours to handle) is dispatched on Wednesday
 * 30 September at 16:00 Beijing time. Working hours are 9:00–12:00 and 13:30–17:30, so:
 * 1.5 h are used that day, the other 2.5 h on Thursday 8 October: due at 11:30 Beijing.
 * The warning comes with a fifth of the limit (48 min) left: 10:42. Escalation goes up one level
 * for each half limit (2 working hours) overdue: level 1 at 15:00, level 2 at 17:00.
 */
class SlaClockSpec extends Specification {

    static final Instant DISPATCHED = Instant.parse('2026-09-30T08:00:00Z')
    static final Instant DUE = Instant.parse('2026-10-08T03:30:00Z')

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(DISPATCHED)

    String caseId

    def setup() {
        cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', at: DISPATCHED)
        caseId = cycle.caseIds().first()
    }

    def "the handling deadline skips the holiday"() {
        expect:
        cycle.snapshot(caseId).deadlines()[Stage.HANDLING] == DUE
    }

    def "at #beijing Beijing time the case is #expected"() {
        when:
        cycle.clockTo(Instant.parse(utc))

        then:
        slaChanges() == expected

        where:
        beijing              | utc                    || expected
        '10-05 12:00 (hol.)' | '2026-10-05T04:00:00Z' || []
        '10-08 10:30'        | '2026-10-08T02:30:00Z' || []
        '10-08 10:45'        | '2026-10-08T02:45:00Z' || ['DeadlineApproaching']
        '10-08 11:45'        | '2026-10-08T03:45:00Z' || ['DeadlineApproaching', 'Overdue']
        '10-08 14:45'        | '2026-10-08T06:45:00Z' || ['DeadlineApproaching', 'Overdue']
        '10-08 15:00'        | '2026-10-08T07:00:00Z' || ['DeadlineApproaching', 'Overdue', 'Escalated 1']
        '10-08 17:00'        | '2026-10-08T09:00:00Z' || ['DeadlineApproaching', 'Overdue', 'Escalated 1', 'Escalated 2']
        '10-12 12:00'        | '2026-10-12T04:00:00Z' || ['DeadlineApproaching', 'Overdue', 'Escalated 1', 'Escalated 2']
    }

    def "the running stage holds one alarm, replaced as it fires: at #beijing Beijing time #expected"() {
        when:
        cycle.clockTo(Instant.parse(utc))

        then:
        alarms() == expected

        where:
        beijing       | utc                    || expected
        '09-30 16:00' | '2026-09-30T08:00:00Z' || ['WARN HANDLING 2026-10-08T02:42:00Z']
        '10-08 10:45' | '2026-10-08T02:45:00Z' || ['OVERDUE HANDLING 2026-10-08T03:30:00Z']
        '10-08 11:45' | '2026-10-08T03:45:00Z' || ['ESCALATE 1 HANDLING 2026-10-08T07:00:00Z']
        '10-08 15:00' | '2026-10-08T07:00:00Z' || ['ESCALATE 2 HANDLING 2026-10-08T09:00:00Z']
    }

    def "a finished stage's alarm is replaced by the next stage's when it comes due"() {
        given: 'the handler reports the work done before the warning, so the check stage runs'
        def snapshot = cycle.snapshot(caseId)
        def handler = Actor.handler(snapshot.assignee() ?: 'handler-1', snapshot.department())
        cycle.command(caseId, handler, new CaseAction.Accept(), DISPATCHED + Duration.ofMinutes(5))
        cycle.command(caseId, handler, new CaseAction.ReportHandled('fixed', CaseCycleRig.PHOTO), DISPATCHED + Duration.ofMinutes(10))
        assert cycle.snapshot(caseId).activeStage() == Stage.CHECK

        when: 'the handling warning comes due'
        cycle.clockTo(Instant.parse('2026-10-08T02:45:00Z'))

        then: 'the handling stage raised nothing, and no alarm of it is left: at most the check stage\'s one'
        cycle.events(caseId).findAll { it.actor().id() == 'system:sla' && it.change().hasProperty('stage') }
                .every { it.change().stage() != Stage.HANDLING }
        alarms().size() <= 1
        alarms().every { !it.contains('HANDLING') }
    }

    /** The SLA alarms store of the case's task: kind, level, stage and due time of each. */
    private List<String> alarms() {
        def store = cycle.driver.getKeyValueStore(SlaSchedule.STORE)
        def out = []
        store.all().withCloseable { it.each { kv -> out << kv.value } }
        out.findAll { it.caseId() == caseId }.collect {
            "${it.kind()}${it.kind() == SlaAlarm.Kind.ESCALATE ? ' ' + it.level() : ''} ${it.stage()} ${it.dueAt()}".toString()
        }
    }

    def "escalation tells the duty chief, then the leadership"() {
        when:
        cycle.clockTo(Instant.parse('2026-10-08T09:00:00Z'))

        then:
        cycle.told(caseId).findAll { it.what() == NotificationIntent.What.ESCALATED }
                .collect { "${it.level()} ${it.audience().id()}" } == ['1 DUTY_CHIEF', '2 LEADERSHIP']
    }

    def "the SLA clock's warnings, overdue marks and escalations are counted for /metrics"() {
        when:
        cycle.clockTo(Instant.parse('2026-10-08T09:00:00Z'))

        then:
        cycle.metric('citygrid_cloud_case_events_total{type="DeadlineApproaching"}') == 1
        cycle.metric('citygrid_cloud_case_events_total{type="Overdue"}') == 1
        cycle.metric('citygrid_cloud_case_events_total{type="Escalated"}') == 2
        cycle.metric('citygrid_cloud_case_events_total{type="Dispatched"}') == 1
    }

    def "a clock that was asleep through its deadline marks the case overdue when it wakes, without a late warning"() {
        when: 'no punctuation between dispatch and the afternoon after the deadline'
        cycle.clockTo(Instant.parse('2026-10-08T06:00:00Z'), Duration.ofDays(30))

        then:
        slaChanges() == ['Overdue']
    }

    def "feedback before the handling deadline stops the handling clock and starts the check clock"() {
        given:
        def handler = Actor.handler('handler-1', 'WATER_SUPPLY')
        cycle.command(caseId, handler, new CaseAction.Accept(), DISPATCHED + Duration.ofMinutes(10))
        cycle.command(caseId, handler, new CaseAction.ReportHandled('fixed', CaseCycleRig.PHOTO), DISPATCHED + Duration.ofMinutes(60))

        when:
        cycle.clockTo(Instant.parse('2026-10-08T06:00:00Z'))

        then: 'the check stage runs instead: 2 working hours from 17:00 on 30 September, due 10:30 on 8 October'
        slaChanges() == ['DeadlineApproaching', 'Overdue', 'Escalated 1', 'Escalated 2']
        cycle.events(caseId).find { it.change() instanceof CaseChange.Overdue }.change().stage() == Stage.CHECK
    }

    def "an extension approved in time moves the overdue mark to the new deadline"() {
        given:
        def handler = Actor.handler('handler-1', 'WATER_SUPPLY')
        cycle.command(caseId, handler, new CaseAction.Accept(), DISPATCHED + Duration.ofMinutes(10))
        cycle.command(caseId, handler, new CaseAction.RequestExtension(Duration.ofHours(2), 'parts'), DISPATCHED + Duration.ofMinutes(20))
        cycle.command(caseId, Actor.of('operator-1', Role.OPERATOR), new CaseAction.ApproveExtension('ok'), DISPATCHED + Duration.ofMinutes(30))

        when: 'past the old deadline (11:30), before the new one (15:00)'
        cycle.clockTo(Instant.parse('2026-10-08T06:00:00Z'))

        then:
        !slaChanges().contains('Overdue')
        cycle.snapshot(caseId).deadlines()[Stage.HANDLING] == Instant.parse('2026-10-08T07:00:00Z')
    }

    private List<String> slaChanges() {
        cycle.events(caseId).findAll { it.actor().id() == 'system:sla' }.collect {
            it.change() instanceof CaseChange.Escalated ? "Escalated ${it.change().level()}".toString() : it.change().class.simpleName
        }
    }
}
