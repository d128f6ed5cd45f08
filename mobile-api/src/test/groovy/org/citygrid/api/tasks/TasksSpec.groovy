package org.citygrid.api.tasks

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.cases.Role

import java.time.Instant

@MicronautTest
class TasksSpec extends ApiSpec {

    def "a handler's task list holds the open cases of their department only"() {
        given:
        def dept = "DEPT_${System.nanoTime()}".toString()
        def handler = user(Role.HANDLER, [department: dept])
        def mine = ReadModelFixture.insertCase(state: 'DISPATCHED', department: dept)
        def closed = ReadModelFixture.insertCase(state: 'CLOSED', department: dept)
        def theirs = ReadModelFixture.insertCase(state: 'DISPATCHED', department: 'OTHER_DEPT')

        expect:
        get(handler, '/api/v1/handler/tasks').body()*.caseId == [mine.caseId]
    }

    def "a grid worker sees reports to verify and handled cases to check, in their grids only"() {
        given:
        def grid = freshGrid()
        def worker = user(Role.GRID_WORKER, [grids: [grid]])
        def toVerify = ReadModelFixture.insertCase(state: 'REPORTED', gridCode: grid)
        def toCheck = ReadModelFixture.insertCase(state: 'HANDLED', gridCode: grid)
        ReadModelFixture.insertCase(state: 'DISPATCHED', gridCode: grid)
        ReadModelFixture.insertCase(state: 'REPORTED', gridCode: '110101001009999')

        expect:
        get(worker, '/api/v1/worker/tasks').body()*.caseId as Set == [toVerify.caseId, toCheck.caseId] as Set
        get(worker, '/api/v1/worker/grids').body() == [grid]
    }

    def "a #channel report waiting to be filed is on the grid workers' list until verified: #listed"() {
        given:
        def grid = freshGrid()
        def worker = user(Role.GRID_WORKER, [grids: [grid]])
        def c = ReadModelFixture.insertCase(state: 'REPORTED', gridCode: grid, channel: channel,
                verification: verified ? [verifier: 'worker-other', at: '2026-03-02T01:30:00Z', found: true, note: 'seen'] : null)

        expect:
        (c.caseId in get(worker, '/api/v1/worker/tasks').body()*.caseId) == listed

        where:
        channel    | verified || listed
        'RESIDENT' | false    || true
        'OPEN311'  | false    || true
        'HOTLINE'  | false    || true
        'RESIDENT' | true     || false
        'PATROL'   | false    || false
        'SENSOR'   | false    || false
    }

    def "a verified report shows the worker's finding to the operator"() {
        given:
        def operator = user(Role.OPERATOR)
        def c = ReadModelFixture.insertCase(state: 'REPORTED',
                verification: [verifier: 'worker-7', at: '2026-03-02T01:30:00Z', found: false, note: 'a drain grate, not a manhole'])

        when:
        def view = get(operator, "/api/v1/cases/${c.caseId}").body()

        then:
        view.verification == [verifier: 'worker-7', at: '2026-03-02T01:30:00Z', found: false, note: 'a drain grate, not a manhole']
    }

    private static String freshGrid() {
        "1101010010${String.format('%05d', (System.nanoTime() % 100000) as long)}".toString()
    }

    def "operators see the filing queue and the overdue list"() {
        given:
        def operator = user(Role.OPERATOR)
        def waiting = ReadModelFixture.insertCase(state: 'REPORTED')
        def late = ReadModelFixture.insertCase(state: 'DISPATCHED', deadline: Instant.parse('2000-01-01T00:00:00Z'))

        expect:
        waiting.caseId in get(operator, '/api/v1/operator/filing-queue').body()*.caseId
        late.caseId in get(operator, '/api/v1/operator/overdue').body()*.caseId
    }

    def "a resident sees a case they follow without other reporters' ids"() {
        given:
        def resident = user(Role.RESIDENT)
        def c = ReadModelFixture.insertCase(reporterId: 'resident-someone-else', followers: ['resident-someone-else', resident.id])

        when:
        def view = get(resident, "/api/v1/cases/${c.caseId}").body()

        then:
        view.caseId == c.caseId
        !view.containsKey('reporterId')
    }
}
