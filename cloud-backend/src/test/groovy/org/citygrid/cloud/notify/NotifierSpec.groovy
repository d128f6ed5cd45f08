package org.citygrid.cloud.notify

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import org.citygrid.contracts.notify.NotificationIntent
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.Stage
import org.citygrid.model.testkit.Story
import spock.lang.Specification

/**
 * Who is told what of each step, on plain objects: grid-model's test kit tells a case's story through the real
 * decider, and the notifier decides every audience of its last event, the case's reporters included. The
 * table is docs/cloud-backend.md's.
 */
class NotifierSpec extends Specification {

    Notifier notifier = new Notifier(RULES)

    /** Reported by resident-1, joined by resident-2's report. */
    static Story reportedTwice(String id) {
        Story.reported(id).step(SYSTEM, new CaseAction.MergeDuplicate(Story.details(OTHER_RESIDENT, Story.GRID, MANHOLE, "dup-$id")))
    }

    static List<String> told(Notifier notifier, Story story) {
        def (before, event, after) = story.lastStep()
        notifier.of(before, event, after).map { n -> n.recipients().collect { "${it.what()} ${it.audience().kind()}:${it.audience().id()}".toString() } }
                .orElse([])
    }

    def "#step: #expected"() {
        expect:
        told(notifier, story(reportedTwice('case-1'))) == expected

        where:
        step                 | story                                                    || expected
        'a duplicate'        | { Story s -> s }                                         || ['REPORT_MERGED REPORTER:resident-2']
        'filed'              | { Story s -> s.file() }                                  || ['CASE_FILED REPORTER:resident-1', 'CASE_FILED REPORTER:resident-2', 'CASE_FILED COMMUNITY:110101001001']
        'dismissed'          | { Story s -> s.dismiss() }                               || ['CASE_DISMISSED REPORTER:resident-1', 'CASE_DISMISSED REPORTER:resident-2']
        'dispatched'         | { Story s -> s.file().dispatch() }                       || ['TASK_ASSIGNED DEPARTMENT:SANITATION', 'CASE_DISPATCHED REPORTER:resident-1', 'CASE_DISPATCHED REPORTER:resident-2']
        'accepted'           | { Story s -> s.file().dispatch().accept() }              || ['CASE_IN_PROGRESS REPORTER:resident-1', 'CASE_IN_PROGRESS REPORTER:resident-2']
        'suspended'          | { Story s -> s.file().dispatch().accept().step(OPERATOR, new CaseAction.Suspend('road closed')) } || ['CASE_SUSPENDED USER:handler-1', 'CASE_SUSPENDED REPORTER:resident-1', 'CASE_SUSPENDED REPORTER:resident-2']
        'given back'         | { Story s -> s.file().dispatch().accept().giveBack() }   || ['CASE_RETURNED ROLE:COMMAND']
        'handled'            | { Story s -> s.toHandled() }                             || ['CHECK_NEEDED GRID:110101001001001', 'CASE_HANDLED REPORTER:resident-1', 'CASE_HANDLED REPORTER:resident-2']
        'check failed'       | { Story s -> s.toHandled().fail() }                      || ['REWORK DEPARTMENT:SANITATION', 'CHECK_FAILED REPORTER:resident-1', 'CHECK_FAILED REPORTER:resident-2']
        'check passed'       | { Story s -> s.toHandled().pass() }                      || ['READY_TO_CLOSE ROLE:SUPERVISION']
        'closed'             | { Story s -> s.toClosed() }                              || ['CASE_CLOSED REPORTER:resident-1', 'CASE_CLOSED REPORTER:resident-2', 'CASE_CLOSED COMMUNITY:110101001001']
        'voided'             | { Story s -> s.voided() }                                || ['CASE_VOIDED REPORTER:resident-1', 'CASE_VOIDED REPORTER:resident-2']
        'overdue in handling'| { Story s -> s.file().dispatch().accept().after(Duration.ofHours(25)).overdue(Stage.HANDLING) } || ['OVERDUE USER:handler-1', 'OVERDUE ROLE:COMMAND']
        'rated'              | { Story s -> s.toClosed().rate(5) }                      || ['CASE_RATED DEPARTMENT:SANITATION']
    }

    def "a notification says what a person needs to read it: the case, the step, its category, department and the words given"() {
        given:
        def (before, event, after) = reportedTwice('case-2').file().dispatch().accept()
                .step(OPERATOR, new CaseAction.Suspend('road closed for the marathon')).lastStep()

        when:
        def n = notifier.of(before, event, after).get()

        then:
        n.notificationId() == 'case-2:6'
        n.caseId() == 'case-2'
        n.caseVersion() == 6
        n.step() == 'Suspended'
        n.categoryCode() == MANHOLE
        n.department() == 'SANITATION'
        n.reason() == 'road closed for the marathon'
        n.at() == event.at()
    }

    def "when no department is left, the command desk is told with the event that left none, or alone"() {
        given:
        def (before, event, after) = reportedTwice('case-3').file().dispatch().accept().giveBack().lastStep()

        expect:
        notifier.withDispatchNeeded(notifier.of(before, event, after), event, after).recipients()*.what()*.name() ==
                ['CASE_RETURNED', 'DISPATCH_NEEDED']
        with(notifier.withDispatchNeeded(Optional.empty(), event, after)) {
            notificationId() == 'case-3:6'
            recipients()*.toString() == ['Recipient[what=DISPATCH_NEEDED, audience=Audience[kind=ROLE, id=COMMAND]]']
        }
    }

    def "the v1 records of a notification keep what v1 told: reporters as USER, without the messages v1 left to the readers"() {
        given:
        def (before, event, after) = reportedTwice('case-4').toHandled().fail().lastStep()
        def n = notifier.of(before, event, after).get()

        expect:
        NotificationIntent.of(n).collect { "${it.intentId()} ${it.what()} ${it.audience().kind()}:${it.audience().id()}".toString() } ==
                ['case-4:7:0 REWORK DEPARTMENT:SANITATION']
    }
}
