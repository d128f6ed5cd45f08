package org.citygrid.model.cases

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.CaseFixtures.*
import static org.citygrid.model.cases.CaseState.*
import static org.citygrid.model.cases.RejectionReason.*

import java.time.Duration
import spock.lang.Specification

class CaseRejectionsSpec extends Specification {

    def "#actor.id() cannot #description a #from case: #reason"() {
        given:
        def c = caseIn(from)

        when:
        def (after, decision) = act(c, actor, action)

        then:
        decision instanceof Decision.Rejected
        with((decision as Decision.Rejected).rejection()) {
            it.reason() == reason
            !it.message().isBlank()
        }
        after.is(c)

        where:
        from         | actor            | action                                                          || reason
        REPORTED     | OPERATOR         | new CaseAction.Dispatch('SANITATION', null, null)              || WRONG_STATE
        REPORTED     | OPERATOR         | new CaseAction.Dismiss('  ')                                   || REASON_REQUIRED
        REPORTED     | SYSTEM           | new CaseAction.File(null)                                      || NOT_AUTO_FILED
        REPORTED     | OPERATOR         | new CaseAction.Close(null)                                     || WRONG_STATE
        REPORTED     | SYSTEM           | new CaseAction.MergeDuplicate(report())                        || DUPLICATE_SOURCE
        REPORTED     | SYSTEM           | new CaseAction.MergeDuplicate(report(sourceId: 's9', category: DUMPING)) || INVALID_VALUE
        REPORTED     | SYSTEM           | new CaseAction.ClearAlarm('ep-1', 'clr-1')                     || INVALID_VALUE
        REPORTED     | SYSTEM           | new CaseAction.ClearAlarm(' ', 'clr-1')                        || INVALID_VALUE
        REPORTED     | PATROLLER        | new CaseAction.Verify(true, 'ok', [])                          || EVIDENCE_REQUIRED
        REPORTED     | PATROLLER        | new CaseAction.Verify(false, ' ', [PHOTO])                     || REASON_REQUIRED
        FILED        | PATROLLER        | new CaseAction.Verify(true, null, [PHOTO])                     || WRONG_STATE
        DISMISSED    | PATROLLER        | new CaseAction.Verify(true, null, [PHOTO])                     || WRONG_STATE
        FILED        | OPERATOR         | new CaseAction.File(null)                                      || WRONG_STATE
        FILED        | OPERATOR         | new CaseAction.Dispatch('NO_SUCH_DEPT', null, null)            || UNKNOWN_DEPARTMENT
        FILED        | OPERATOR         | new CaseAction.Dispatch(' ', null, null)                       || INVALID_VALUE
        FILED        | HANDLER          | new CaseAction.Accept()                                        || WRONG_STATE
        DISPATCHED   | STRANGER_HANDLER | new CaseAction.Accept()                                        || NOT_YOUR_DEPARTMENT
        DISPATCHED   | STRANGER_HANDLER | new CaseAction.Return('not ours either')                       || NOT_YOUR_DEPARTMENT
        DISPATCHED   | HANDLER          | new CaseAction.Return('')                                      || REASON_REQUIRED
        DISPATCHED   | HANDLER          | new CaseAction.ReportHandled('done', [PHOTO])                  || WRONG_STATE
        DISPATCHED   | SYSTEM           | new CaseAction.Dispatch('WATER_SUPPLY', null, null)            || WRONG_STATE
        DISPATCHED   | OPERATOR         | new CaseAction.Dispatch('SANITATION', 'handler-1', null)       || ALREADY_DISPATCHED_THERE
        DISPATCHED   | OPERATOR         | new CaseAction.Suspend(null)                                   || REASON_REQUIRED
        IN_PROGRESS  | HANDLER          | new CaseAction.ReportHandled('done', [])                       || EVIDENCE_REQUIRED
        IN_PROGRESS  | STRANGER_HANDLER | new CaseAction.ReportHandled('done', [PHOTO])                  || NOT_YOUR_DEPARTMENT
        IN_PROGRESS  | HANDLER          | new CaseAction.RequestExtension(Duration.ZERO, 'parts')        || INVALID_VALUE
        IN_PROGRESS  | HANDLER          | new CaseAction.RequestExtension(Duration.ofHours(49), 'parts') || INVALID_VALUE
        IN_PROGRESS  | HANDLER          | new CaseAction.RequestExtension(Duration.ofHours(4), ' ')      || REASON_REQUIRED
        IN_PROGRESS  | STRANGER_HANDLER | new CaseAction.RequestExtension(Duration.ofHours(4), 'parts')  || NOT_YOUR_DEPARTMENT
        IN_PROGRESS  | OPERATOR         | new CaseAction.ApproveExtension(null)                          || NO_PENDING_EXTENSION
        IN_PROGRESS  | OPERATOR         | new CaseAction.RejectExtension('no')                           || NO_PENDING_EXTENSION
        IN_PROGRESS  | HANDLER          | new CaseAction.Accept()                                        || WRONG_STATE
        IN_PROGRESS  | OPERATOR         | new CaseAction.Resume(null)                                    || WRONG_STATE
        SUSPENDED    | HANDLER          | new CaseAction.ReportHandled('done', [PHOTO])                  || WRONG_STATE
        SUSPENDED    | OPERATOR         | new CaseAction.Dispatch('WATER_SUPPLY', null, null)            || WRONG_STATE
        HANDLED      | CHECKER          | new CaseAction.Check(true, 'ok', [])                           || EVIDENCE_REQUIRED
        HANDLED      | CHECKER          | new CaseAction.Check(false, '', [PHOTO])                       || REASON_REQUIRED
        HANDLED      | OPERATOR         | new CaseAction.Close(null)                                     || WRONG_STATE
        CHECK_PASSED | CHECKER          | new CaseAction.Check(true, 'again', [PHOTO])                   || WRONG_STATE
        CHECK_PASSED | RESIDENT         | new CaseAction.Rate(5, null)                                   || WRONG_STATE
        CLOSED       | OPERATOR         | new CaseAction.Void('too late')                                || WRONG_STATE
        CLOSED       | SYSTEM           | new CaseAction.MergeDuplicate(report(sourceId: 'src-3'))       || WRONG_STATE
        CLOSED       | SYSTEM           | new CaseAction.ClearAlarm('ep-1', 'clr-1')                     || WRONG_STATE
        CLOSED       | OTHER_RESIDENT   | new CaseAction.Rate(1, 'who are you')                          || NOT_THE_REPORTER
        CLOSED       | RESIDENT         | new CaseAction.Rate(0, null)                                   || INVALID_VALUE
        CLOSED       | RESIDENT         | new CaseAction.Rate(6, null)                                   || INVALID_VALUE
        CLOSED       | OPERATOR         | new CaseAction.Close(null)                                     || WRONG_STATE
        DISMISSED    | OPERATOR         | new CaseAction.File('changed my mind')                         || WRONG_STATE
        DISMISSED    | RESIDENT         | new CaseAction.Rate(1, null)                                   || WRONG_STATE
        VOIDED       | OPERATOR         | new CaseAction.Void('again')                                   || WRONG_STATE
        VOIDED       | OPERATOR         | new CaseAction.Dispatch('SANITATION', null, null)              || WRONG_STATE

        description = CaseDecider.verb(action)
    }

    def "an alarm episode that has been cleared cannot be cleared again"() {
        given:
        def (c, d) = act(null, SYSTEM, new CaseAction.Report(report(channel: Channel.SENSOR, reporter: 'sensor-7')))
        c = act(c, SYSTEM, new CaseAction.ClearAlarm('ep-1', 'clr-1')).v1

        when:
        def (after, decision) = act(c, SYSTEM, new CaseAction.ClearAlarm('ep-1', 'clr-2'))

        then:
        (decision as Decision.Rejected).rejection().reason() == ALREADY_FLAGGED
        after.is(c)
    }

    def "the handler of a case cannot check it, whatever role they hold"() {
        given: 'a handler who also patrols'
        def handled = caseIn(HANDLED)
        def sameUserPatrolling = Actor.of(HANDLER.id(), Role.GRID_WORKER)

        when:
        def (after, decision) = act(handled, sameUserPatrolling, new CaseAction.Check(true, 'my own work is fine', [PHOTO]))

        then:
        (decision as Decision.Rejected).rejection().reason() == CHECKER_IS_HANDLER
    }

    def "a report is verified once; the supervision centre decides after that"() {
        given:
        def (verified, first) = act(caseIn(REPORTED), PATROLLER, new CaseAction.Verify(true, null, [PHOTO]))

        when:
        def (after, second) = act(verified, CHECKER, new CaseAction.Verify(false, 'gone now', [PHOTO]))

        then:
        first.accepted()
        (second as Decision.Rejected).rejection().reason() == ALREADY_VERIFIED
        after.is(verified)
    }

    def "a grid worker cannot verify their own patrol report"() {
        given:
        def patrolled = act(null, PATROLLER, new CaseAction.Report(report(channel: Channel.PATROL, category: DUMPING, reporter: PATROLLER.id()))).v1

        when:
        def decision = act(patrolled, PATROLLER, new CaseAction.Verify(true, null, [PHOTO])).v2

        then:
        (decision as Decision.Rejected).rejection().reason() == VERIFIER_IS_REPORTER
    }

    def "a case can be rated once"() {
        given:
        def rated = act(caseIn(CLOSED), RESIDENT, new CaseAction.Rate(5, null)).v1

        when:
        def (after, decision) = act(rated, RESIDENT, new CaseAction.Rate(1, 'changed my mind'))

        then:
        (decision as Decision.Rejected).rejection().reason() == ALREADY_RATED
        after.rating().get() == 5
    }

    def "a second extension request waits until the first is decided"() {
        given:
        def pending = act(caseIn(IN_PROGRESS), HANDLER, new CaseAction.RequestExtension(Duration.ofHours(4), 'parts')).v1

        when:
        def (after, decision) = act(pending, HANDLER, new CaseAction.RequestExtension(Duration.ofHours(8), 'more parts'))

        then:
        (decision as Decision.Rejected).rejection().reason() == EXTENSION_PENDING
    }

    def "a command for a case that does not exist is refused"() {
        when:
        def decision = DECIDER.decide(null, command('case-404', OPERATOR, new CaseAction.File(null)))

        then:
        with((decision as Decision.Rejected).rejection()) {
            reason() == UNKNOWN_CASE
            message().contains('case-404')
        }
    }

    def "a report for an id that is taken is refused"() {
        when:
        def (after, decision) = act(caseIn(REPORTED), RESIDENT, new CaseAction.Report(report(sourceId: 'src-2')))

        then:
        (decision as Decision.Rejected).rejection().reason() == CASE_EXISTS
    }

    def "a report of an unknown category is refused"() {
        when:
        def (after, decision) = act(null, RESIDENT, new CaseAction.Report(report(category: '9999')))

        then:
        with((decision as Decision.Rejected).rejection()) {
            reason() == UNKNOWN_CATEGORY
            message().contains('9999')
        }
    }

    def "a #actor.role() cannot report through the #channel channel or for someone else"() {
        when:
        def (after, decision) = act(null, actor, new CaseAction.Report(report(channel: channel, reporter: reporter)))

        then:
        (decision as Decision.Rejected).rejection().reason() == REPORTER_MISMATCH

        where:
        actor     | channel          | reporter
        RESIDENT  | Channel.PATROL   | RESIDENT.id()
        RESIDENT  | Channel.RESIDENT | 'resident-2'
        PATROLLER | Channel.SENSOR   | PATROLLER.id()
        PATROLLER | Channel.PATROL   | 'worker-9'
        OPERATOR  | Channel.RESIDENT | RESIDENT.id()
    }

    def "acting on a version the case has left behind is refused"() {
        given:
        def c = caseIn(FILED)
        def stale = new CaseCommand('cmd-stale', c.id(), OPERATOR, T0 + Duration.ofHours(1), c.version() - 1,
                new CaseAction.Dispatch('SANITATION', null, null))

        when:
        def decision = DECIDER.decide(c, stale)

        then:
        with((decision as Decision.Rejected).rejection()) {
            reason() == VERSION_CONFLICT
            message().contains('reload')
        }
    }
}
