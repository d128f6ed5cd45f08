package org.citygrid.cloud.commands

import static org.citygrid.model.cases.Channel.PATROL

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Role
import spock.lang.AutoCleanup
import spock.lang.Specification

/**
 * Illegal commands are refused onto grid.command-rejections with the state machine's reason and
 * message, and leave the case as it was. The case: a water-supply cover reported by a patroller,
 * filed and dispatched to WATER_SUPPLY's handler-w1.
 */
class CommandRejectionSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-02T02:00:00Z')

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(T0)

    String caseId

    def setup() {
        cycle.responsibility('C0101', '*', [[department: 'WATER_SUPPLY', handlers: ['handler-w1']]])
        cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', at: T0)
        caseId = cycle.caseIds().first()
    }

    def "#what is refused with #reason"() {
        given:
        def before = cycle.snapshot(caseId)

        when:
        def commandId = cycle.command(caseId, actor, action, T0 + Duration.ofMinutes(5), expected)

        then:
        def rejection = cycle.commandRejections().first()
        rejection.commandId == commandId
        rejection.caseId == caseId
        rejection.reason == reason
        !rejection.message.isBlank()
        cycle.snapshot(caseId).version() == before.version()

        where:
        what                                  | actor                                         | action                                              | expected || reason
        'a handler of another department'     | Actor.handler('handler-g', 'GAS_SUPPLY')      | new CaseAction.Accept()                             | null     || 'NOT_YOUR_DEPARTMENT'
        'closing before the check'            | Actor.of('operator-1', Role.OPERATOR)         | new CaseAction.Close('done')                        | null     || 'WRONG_STATE'
        'a patroller dispatching'             | Actor.of('worker-1', Role.GRID_WORKER)        | new CaseAction.Dispatch('DRAINAGE', null, '')       | null     || 'ROLE_NOT_ALLOWED'
        'an operator acting on an old version'| Actor.of('operator-1', Role.OPERATOR)         | new CaseAction.Suspend('rain')                      | 1L       || 'VERSION_CONFLICT'
        'feedback before accepting the task'  | Actor.handler('handler-w1', 'WATER_SUPPLY')   | new CaseAction.ReportHandled('done', [])            | null     || 'WRONG_STATE'
        'a rating of an open case'            | Actor.of('worker-1', Role.RESIDENT)           | new CaseAction.Rate(5, 'great')                     | null     || 'WRONG_STATE'
    }

    def "the handler who did the work cannot check it"() {
        given:
        def handler = Actor.handler('handler-w1', 'WATER_SUPPLY')
        cycle.command(caseId, handler, new CaseAction.Accept(), T0 + Duration.ofMinutes(5))
        cycle.command(caseId, handler, new CaseAction.ReportHandled('done', CaseCycleRig.PHOTO), T0 + Duration.ofMinutes(50))

        when:
        cycle.command(caseId, Actor.of('handler-w1', Role.GRID_WORKER), new CaseAction.Check(true, 'ok', CaseCycleRig.PHOTO),
                T0 + Duration.ofMinutes(60))

        then:
        cycle.commandRejections()*.reason == ['CHECKER_IS_HANDLER']
        cycle.snapshot(caseId).state() == CaseState.HANDLED
    }

    def "a command for a case that does not exist is refused as unknown"() {
        when:
        cycle.command('110101001001001-260302-00000000', Actor.of('operator-1', Role.OPERATOR), new CaseAction.Close('x'), T0)

        then:
        cycle.commandRejections()*.reason == ['UNKNOWN_CASE']
    }

    def "a case id without a grid code is refused before it is routed"() {
        when:
        cycle.command('c-20260302-0001', Actor.of('operator-1', Role.OPERATOR), new CaseAction.Close('x'), T0)

        then:
        cycle.commandRejections()*.reason == ['UNKNOWN_CASE']
    }

    def "an unreadable command is refused with its payload, so it is not lost"() {
        when:
        cycle.rawCommand(caseId, '{"v":1,"commandId":"cmd-x","caseId":"' + caseId + '","action":{"type":"Teleport"}}', T0)

        then:
        def rejection = cycle.commandRejections().first()
        rejection.reason == 'INVALID_VALUE'
        rejection.commandId == 'cmd-x'
        rejection.caseId == caseId
        rejection.payload.contains('Teleport')
    }
}
