package org.citygrid.cloud.ledger

import java.time.Instant
import org.citygrid.cloud.dispatch.AutoDispatch
import org.citygrid.cloud.dispatch.HandlerLoad
import org.citygrid.cloud.dispatch.ResponsibilityTable
import org.citygrid.cloud.duplicates.OpenCaseIndex
import org.citygrid.cloud.filing.AutoFiling
import org.citygrid.cloud.notify.Notifier
import org.citygrid.cloud.streams.stores.TableCaseStore
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.cloud.testkit.MapTable
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseDecider
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.cases.Role
import spock.lang.Specification

/**
 * The ledger on plain objects, with the shipped catalogue's rules and its real follow-ups over maps: what one
 * command sets off, and what it writes. No Kafka anywhere.
 */
class CaseLedgerSpec extends Specification {

    static final Instant AT = Instant.parse('2026-03-02T02:00:00Z')
    static final String CASE = "${TestGrids.A1}-260302-0000c0de".toString()

    MapTable<Case> cases = new MapTable<>()
    MapTable<Long> load = new MapTable<>()
    List<String> clocks = []
    CaseLedger ledger = new CaseLedger(new CaseDecider(CaseCycleRig.RULES), new TableCaseStore(cases), new FollowUps(
            new AutoFiling(CaseCycleRig.RULES),
            new AutoDispatch(new ResponsibilityTable({ Optional.empty() } as ResponsibilityTable.Rows, CaseCycleRig.CATALOGUE),
                    new HandlerLoad(load)),
            [new OpenCaseIndex(new MapTable<>(), 50), new HandlerLoad(load)],
            { Case c, Instant now -> clocks << "${c.id()} ${c.state()} at ${now}".toString() } as Deadlines,
            new Notifier(CaseCycleRig.RULES)))

    static CaseCommand report(Channel channel, String reporter) {
        CaseCommand.of('intake:p-1', CASE, Actor.system('case-cycle'), AT, new CaseAction.Report(new ReportDetails('p-1', channel,
                'C0101', TestGrids.A1, TestGrids.HERE, 'cover rocks', reporter, false, AT, CaseCycleRig.PHOTO)))
    }

    def "a patrol report files and dispatches itself in one command: the case is written once, with one snapshot and one look at its clock"() {
        when:
        def out = ledger.handle(report(Channel.PATROL, 'worker-1'))

        then:
        out.findAll { it instanceof CaseOutput.Event }.collect { it.event().change().class.simpleName } == ['Reported', 'Filed', 'Dispatched']
        out.findAll { it instanceof CaseOutput.Snapshot }.collect { "${it.snapshot().version()} ${it.snapshot().state()}" } == ['3 DISPATCHED']
        cases.writes == ["put ${CASE}".toString()]
        clocks == ["${CASE} DISPATCHED at ${AT}".toString()]
        out.findAll { it instanceof CaseOutput.Notification }.collect { it.notification().step() } == ['Reported', 'Filed', 'Dispatched']
        ledger.find(CASE).get().version() == 3
    }

    def "a refused command publishes its refusal and writes nothing"() {
        when:
        def out = ledger.handle(CaseCommand.of('cmd-1', CASE, Actor.of('operator-1', Role.OPERATOR), AT, new CaseAction.Close(null)))

        then:
        out*.getClass()*.simpleName == ['CommandRefused']
        out[0].rejection().reason().name() == 'UNKNOWN_CASE'
        cases.writes == []
        load.writes == []
        clocks == []
    }
}
