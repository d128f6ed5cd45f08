package org.citygrid.api.tasks

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.support.ApiSpec
import org.citygrid.api.support.ReadModelFixture
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
        def grid = "1101010010${String.format('%05d', (System.nanoTime() % 100000) as long)}".toString()
        def worker = user(Role.GRID_WORKER, [grids: [grid]])
        def toVerify = ReadModelFixture.insertCase(state: 'REPORTED', gridCode: grid)
        def toCheck = ReadModelFixture.insertCase(state: 'HANDLED', gridCode: grid)
        ReadModelFixture.insertCase(state: 'DISPATCHED', gridCode: grid)
        ReadModelFixture.insertCase(state: 'REPORTED', gridCode: '110101001009999')

        expect:
        get(worker, '/api/v1/worker/tasks').body()*.caseId as Set == [toVerify.caseId, toCheck.caseId] as Set
        get(worker, '/api/v1/worker/grids').body() == [grid]
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
