package org.citygrid.model.cases

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.CaseFixtures.*
import static org.citygrid.model.cases.CaseState.*

import java.time.Duration
import spock.lang.Specification

class CaseTransitionsSpec extends Specification {

    def "a #from case becomes #to when #actor.id() asks to #description"() {
        given:
        def c = caseIn(from)

        when:
        def (after, decision) = act(c, actor, action)

        then:
        decision.accepted()
        after.state() == to
        decision.events()*.change()*.getClass() == [change]
        decision.events()*.version() == [c.version() + 1]

        where:
        from         | actor     | action                                                           || to           | change
        REPORTED     | PATROLLER | new CaseAction.Verify(true, null, [PHOTO])                       || REPORTED     | CaseChange.Verified
        REPORTED     | PATROLLER | new CaseAction.Verify(false, 'no dumping here', [PHOTO])         || REPORTED     | CaseChange.Verified
        REPORTED     | OPERATOR  | new CaseAction.File('ok')                                        || FILED        | CaseChange.Filed
        REPORTED     | OPERATOR  | new CaseAction.Dismiss('private property')                       || DISMISSED    | CaseChange.Dismissed
        REPORTED     | OPERATOR  | new CaseAction.Void('test entry')                                || VOIDED       | CaseChange.Voided
        REPORTED     | SYSTEM    | new CaseAction.MergeDuplicate(report(sourceId: 'src-2'))         || REPORTED     | CaseChange.DuplicateMerged
        FILED        | OPERATOR  | new CaseAction.Dispatch('SANITATION', null, null)                || DISPATCHED   | CaseChange.Dispatched
        FILED        | SYSTEM    | new CaseAction.Dispatch('SANITATION', 'handler-1', 'by table')   || DISPATCHED   | CaseChange.Dispatched
        FILED        | ADMIN     | new CaseAction.Void('duplicate of case-0')                       || VOIDED       | CaseChange.Voided
        DISPATCHED   | HANDLER   | new CaseAction.Accept()                                          || IN_PROGRESS  | CaseChange.Accepted
        DISPATCHED   | HANDLER   | new CaseAction.Return('water pipe, not sanitation')              || FILED        | CaseChange.Returned
        DISPATCHED   | OPERATOR  | new CaseAction.Dispatch('WATER_SUPPLY', null, 're-dispatch')     || DISPATCHED   | CaseChange.Dispatched
        DISPATCHED   | OPERATOR  | new CaseAction.Suspend('road closed for marathon')               || SUSPENDED    | CaseChange.Suspended
        IN_PROGRESS  | HANDLER   | new CaseAction.ReportHandled('done', [PHOTO])                    || HANDLED      | CaseChange.Handled
        IN_PROGRESS  | HANDLER   | new CaseAction.Return('belongs to the gas company')              || FILED        | CaseChange.Returned
        IN_PROGRESS  | HANDLER   | new CaseAction.RequestExtension(Duration.ofHours(8), 'parts')    || IN_PROGRESS  | CaseChange.ExtensionRequested
        IN_PROGRESS  | OPERATOR  | new CaseAction.Suspend('waiting for budget')                     || SUSPENDED    | CaseChange.Suspended
        IN_PROGRESS  | OPERATOR  | new CaseAction.Dispatch('WATER_SUPPLY', null, null)              || DISPATCHED   | CaseChange.Dispatched
        SUSPENDED    | OPERATOR  | new CaseAction.Resume('parts arrived')                           || IN_PROGRESS  | CaseChange.Resumed
        SUSPENDED    | OPERATOR  | new CaseAction.Void('asset demolished')                          || VOIDED       | CaseChange.Voided
        HANDLED      | CHECKER   | new CaseAction.Check(true, 'looks right', [PHOTO])               || CHECK_PASSED | CaseChange.CheckPassed
        HANDLED      | CHECKER   | new CaseAction.Check(false, 'cover still loose', [PHOTO])        || FILED        | CaseChange.CheckFailed
        CHECK_PASSED | OPERATOR  | new CaseAction.Close('closed')                                   || CLOSED       | CaseChange.Closed
        CHECK_PASSED | SYSTEM    | new CaseAction.Close(null)                                       || CLOSED       | CaseChange.Closed
        CLOSED       | RESIDENT  | new CaseAction.Rate(5, 'quick work')                             || CLOSED       | CaseChange.Rated

        description = CaseDecider.verb(action)
    }

    def "a worker's verification stays on the case for the filing decision and after it"() {
        given:
        def (verified, decision) = act(caseIn(REPORTED), PATROLLER, new CaseAction.Verify(false, 'no cover missing; it is a drain grate', [PHOTO]))

        when:
        def (dismissed, ignored) = act(verified, OPERATOR, new CaseAction.Dismiss('not a problem, verified on site'), T0 + Duration.ofMinutes(40))

        then:
        with(verified.verification().orElseThrow()) {
            verifier() == PATROLLER.id()
            !found()
            note() == 'no cover missing; it is a drain grate'
            at() == decision.events()[0].at()
        }
        dismissed.state() == DISMISSED
        dismissed.verification() == verified.verification()
    }

    def "a sensor report of a category that files automatically is filed by the system"() {
        given:
        def (reported, d) = act(null, SYSTEM, new CaseAction.Report(report(channel: Channel.SENSOR, reporter: 'sensor-7')))

        when:
        def (filed, decision) = act(reported, SYSTEM, new CaseAction.File(null))

        then:
        filed.state() == FILED
        (decision.events()[0].change() as CaseChange.Filed).automatic()
    }

    def "a sensor alarm that clears is recorded on its case, which stays open for the handler to confirm"() {
        given:
        def (c, d) = act(null, SYSTEM, new CaseAction.Report(report(channel: Channel.SENSOR, reporter: 'sensor-7')))
        c = act(c, SYSTEM, new CaseAction.File(null)).v1

        when:
        def (cleared, decision) = act(c, SYSTEM, new CaseAction.ClearAlarm('ep-1', 'clr-1'))

        then:
        decision.events()*.change() == [new CaseChange.AlarmCleared('ep-1', 'clr-1')]
        cleared.state() == FILED
        cleared.reports().clearedEpisodes() == ['ep-1'] as Set
        cleared.activeStage() == c.activeStage()
    }

    def "an alarm can be cleared on a resident's case that a sensor alarm was merged into"() {
        given:
        def c = act(caseIn(DISPATCHED), SYSTEM,
                new CaseAction.MergeDuplicate(report(sourceId: 'alarm-1', channel: Channel.SENSOR, reporter: 'sensor-7'))).v1

        when:
        def (cleared, decision) = act(c, SYSTEM, new CaseAction.ClearAlarm('ep-1', 'clr-1'))

        then:
        decision.accepted()
        cleared.reports().clearedEpisodes() == ['ep-1'] as Set
    }

    def "a new report opens a case at version 1 with its filing clock running"() {
        when:
        def (c, decision) = act(null, RESIDENT, new CaseAction.Report(report()))

        then:
        c.state() == REPORTED
        c.version() == 1
        c.activeStage().get() == Stage.FILING
        c.deadline(Stage.FILING).get() == decision.events()[0].at() + LIMITS[Stage.FILING]
        c.followers() == [RESIDENT.id()] as Set
    }

    def "a failed check counts a rework and sends the case back to the command centre"() {
        given:
        def handled = caseIn(HANDLED)

        when:
        def (rework, d) = act(handled, CHECKER, new CaseAction.Check(false, 'still broken', [PHOTO]))
        def (redispatched, d2) = act(rework, OPERATOR, new CaseAction.Dispatch('SANITATION', 'handler-1', 'redo'))

        then:
        rework.reworkCount() == 1
        rework.department().isEmpty()
        rework.activeStage().get() == Stage.DISPATCH
        redispatched.state() == DISPATCHED
    }

    def "a returned case names the department that gave it back and can be dispatched elsewhere"() {
        given:
        def dispatched = caseIn(DISPATCHED)

        when:
        def (returned, decision) = act(dispatched, HANDLER, new CaseAction.Return('a water main, not ours'))
        def (again, d2) = act(returned, OPERATOR, new CaseAction.Dispatch('WATER_SUPPLY', null, null))

        then:
        (decision.events()[0].change() as CaseChange.Returned).department() == 'SANITATION'
        returned.returnCount() == 1
        again.department().get() == 'WATER_SUPPLY'
    }

    def "a duplicate report adds its reporter to the people told of changes"() {
        given:
        def c = caseIn(DISPATCHED)

        when:
        def (merged, d) = act(c, SYSTEM, new CaseAction.MergeDuplicate(report(sourceId: 'src-2', reporter: 'resident-2', channel: Channel.RESIDENT)))

        then:
        merged.reports().recentDuplicates()*.sourceId() == ['src-2']
        merged.followers() == ['resident-1', 'resident-2'] as Set
    }

    def "a resident whose duplicate report was merged may rate the closed case"() {
        given:
        def (c, d) = act(caseIn(HANDLED), SYSTEM, new CaseAction.MergeDuplicate(report(sourceId: 'src-2', reporter: 'resident-2')))
        c = act(c, CHECKER, new CaseAction.Check(true, 'ok', [PHOTO])).v1
        c = act(c, OPERATOR, new CaseAction.Close(null)).v1

        when:
        def (rated, decision) = act(c, OTHER_RESIDENT, new CaseAction.Rate(4, null))

        then:
        decision.accepted()
        rated.rating().get() == 4
    }

    def "the audit trail records who did what, when and why"() {
        given:
        def c = caseIn(REPORTED)
        def at = T0 + Duration.ofMinutes(5)

        when:
        def (after, decision) = act(c, OPERATOR, new CaseAction.Dismiss('inside a private courtyard'), at)
        def event = decision.events()[0]

        then:
        event.actor() == OPERATOR
        event.at() == at
        event.commandId() != null
        (event.change() as CaseChange.Dismissed).reason() == 'inside a private courtyard'
    }

    def "replaying the event list rebuilds the same case"() {
        given:
        def events = []
        Case c = null
        pathTo(CLOSED).eachWithIndex { step, i ->
            def d = DECIDER.decide(c, command('case-1', step[0], step[1], T0 + Duration.ofMinutes(i)))
            d.events().each { events << it; c = c == null ? Case.open(it) : c.apply(it) }
        }

        when:
        def replayed = Case.replay(events)

        then:
        replayed.state() == CLOSED
        replayed.version() == events.size()
        replayed.times().closedAt() == c.times().closedAt()
        replayed.handledBy() == c.handledBy()
    }

    def "an event that skips a version is refused: a gap means lost history"() {
        given:
        def c = caseIn(REPORTED)
        def skipping = new CaseEvent(c.id(), 3, T0, OPERATOR, 'cmd-x', new CaseChange.Filed(null, false, T0))

        when:
        c.apply(skipping)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('version 3 does not follow on')
    }
}
