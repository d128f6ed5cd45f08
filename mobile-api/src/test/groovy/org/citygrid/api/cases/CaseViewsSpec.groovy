package org.citygrid.api.cases

import org.citygrid.api.accounts.CurrentUser
import org.citygrid.api.errors.NotFound
import org.citygrid.api.places.Place
import org.citygrid.api.testkit.CaseHistories
import org.citygrid.api.testkit.InMemoryStores
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Role
import org.citygrid.model.testkit.CaseFixtures
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.ZoneOffset

/**
 * A case view lists the steps its viewer may take now, as grid-model's decider says for the case
 * rebuilt from its events (CaseActionsSpec reads the same through HTTP and PostGIS).
 */
class CaseViewsSpec extends Specification {

    static final String GRID = '110101001001001'

    InMemoryStores.ReadModel readModel = new InMemoryStores.ReadModel()
    InMemoryStores.Places places = new InMemoryStores.Places()
    InMemoryStores.People people = new InMemoryStores.People()
    CaseViews views = new CaseViews(readModel, CaseFixtures.DECIDER,
            Clock.fixed(CaseFixtures.T0 + Duration.ofHours(1), ZoneOffset.UTC), places, people)

    static CurrentUser viewer(String who) {
        switch (who) {
            case 'operator-1': return new CurrentUser(who, Role.OPERATOR, null, null, [])
            case 'handler-1': return new CurrentUser(who, Role.HANDLER, 'SANITATION', null, [])
            case 'resident-1': return new CurrentUser(who, Role.RESIDENT, null, '110101001001', [])
            default: return new CurrentUser(who, Role.GRID_WORKER, null, null, [GRID])
        }
    }

    def caseIn(CaseState state, List events = CaseHistories.to(state, 'case-1')) {
        readModel.put(caseId: 'case-1', state: state.name(), gridCode: GRID, reporterId: 'resident-1',
                department: state in [CaseState.REPORTED, CaseState.FILED] ? null : 'SANITATION')
        readModel.events['case-1'] = events
    }

    def "on a #state case #who is offered #offered and not #refused"() {
        given:
        caseIn(state)

        when:
        def types = views.one(viewer(who), 'case-1').allowedActions()*.type()

        then:
        types.containsAll(offered)
        !types.any { it in refused }

        where:
        state                | who          || offered               | refused
        CaseState.REPORTED   | 'operator-1' || ['File', 'Dismiss']   | ['Accept', 'Check', 'Rate']
        CaseState.REPORTED   | 'worker-2'   || ['Verify']            | ['File', 'Accept']
        CaseState.DISPATCHED | 'handler-1'  || ['Accept', 'Return']  | ['File', 'Check', 'Verify']
        CaseState.HANDLED    | 'worker-2'   || ['Check']             | ['Accept', 'Verify']
        CaseState.CLOSED     | 'resident-1' || ['Rate']              | ['Check', 'Verify']
        CaseState.CLOSED     | 'operator-1' || []                    | ['File', 'Dispatch', 'Close', 'Rate']
    }

    def "a report is verified by another worker than its reporter: its reporter is not offered Verify"() {
        given:
        def patrol = CaseFixtures.report(channel: Channel.PATROL, reporter: 'worker-1', category: CaseFixtures.DUMPING)
        caseIn(CaseState.REPORTED, CaseHistories.walk('case-1', [[CaseFixtures.PATROLLER, new CaseAction.Report(patrol)]]))

        expect:
        !('Verify' in views.one(viewer('worker-1'), 'case-1').allowedActions()*.type())
        'Verify' in views.one(viewer('worker-2'), 'case-1').allowedActions()*.type()
    }

    def "the handler offered Return learns it needs a reason; the checker that a failed check needs evidence"() {
        when:
        caseIn(CaseState.DISPATCHED)
        def back = views.one(viewer('handler-1'), 'case-1').allowedActions().find { it.type() == 'Return' }

        then:
        back.reason() == org.citygrid.model.cases.AllowedAction.Need.REQUIRED
    }

    def "a case whose history the read model does not hold yet has no actions, and the view still answers"() {
        given:
        caseIn(CaseState.DISPATCHED, events)

        expect:
        views.one(viewer('handler-1'), 'case-1').allowedActions() == []

        where:
        events << [[], CaseHistories.to(CaseState.DISPATCHED, 'case-1').drop(1)]
    }

    def "a case outside the viewer's scope is not found"() {
        given:
        caseIn(CaseState.DISPATCHED)

        when:
        views.one(new CurrentUser('handler-9', Role.HANDLER, 'WATER_SUPPLY', null, []), 'case-1')

        then:
        thrown(NotFound)
    }

    def "lists leave the actions out"() {
        expect:
        CaseView.of(readModel.put(), viewer('operator-1'), []).allowedActions() == null
    }

    def "the view of one case names its place and the staff on it, and never a resident"() {
        given:
        caseIn(CaseState.DISPATCHED)
        places.grids[GRID] = new Place(GRID, '东华门一号网格', 'Grid 1', '110101001001', '多福巷社区', 'Duofu Lane',
                '110101001', '东华门街道', 'Donghuamen')
        people.staff['operator-1'] = '王值班'
        people.residents['resident-1'] = '李居民'
        people.staff['handler-1'] = '赵处置' // not on this case: not named

        when:
        def forOperator = views.one(viewer('operator-1'), 'case-1')
        def forResident = views.one(viewer('resident-1'), 'case-1')

        then: 'staff see the staff on the case by name; the reporter, a resident, stays unnamed'
        forOperator.place().streetNameZh() == '东华门街道'
        forOperator.place().communityNameZh() == '多福巷社区'
        'operator-1' in readModel.events['case-1']*.actor()*.id()
        forOperator.people() == ['operator-1': '王值班']

        and: 'a resident sees the place and no names'
        forResident.place().gridNameZh() == '东华门一号网格'
        forResident.people() == [:]
    }
}
