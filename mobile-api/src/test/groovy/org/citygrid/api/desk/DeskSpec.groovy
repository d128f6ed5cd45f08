package org.citygrid.api.desk

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.CaseHistories
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Role
import org.citygrid.model.testkit.CaseFixtures
import spock.lang.Shared

import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * The desk's queues over the read model in PostGIS: counts and oldest waits, pages nearest deadline
 * first with the steps one may take, the overdue queue, search, and who has which desk. The
 * database is shared with the module's other specs, so the operator's counts are compared before and
 * after; a handler's desk is of a street office no other spec's cases are held by, so its counts are exact.
 */
@MicronautTest
class DeskSpec extends ApiSpec {

    // a community of its own in street 110101001, whose street office grid-model's test rules know
    static final String GRID = '110101001099001'
    static final String OFFICE = 'STREET_OFFICE:110101001'
    static final Instant NOW = Instant.now()

    @Shared
    Map<String, Map> cases = [:]

    def setup() {
        if (!cases.isEmpty()) {
            return
        }
        ReadModelFixture.insertGrid(GRID, 116.90, 40.30, 116.91, 40.31, '桃园一号网格', '东华门街道')
        // the office's work: two to sign for (one late), one in hand, one suspended without a deadline
        cases.toSign = office('DISPATCHED', NOW.plusSeconds(7200), NOW.minusSeconds(600), 'broken kerb by the school')
        cases.toSignLate = office('DISPATCHED', NOW.minusSeconds(3600), NOW.minusSeconds(9000), 'blocked drain, late')
        cases.inHand = office('IN_PROGRESS', NOW.plusSeconds(86_400), NOW.minusSeconds(300), 'graffiti on the bridge')
        cases.onHold = office('SUSPENDED', null, NOW.minusSeconds(100), 'waiting for the road permit')
    }

    private Map office(String state, Instant deadline, Instant updatedAt, String description) {
        def c = ReadModelFixture.insertCase(gridCode: GRID, lon: 116.905d, lat: 40.305d, state: state,
                department: OFFICE, deadline: deadline, updatedAt: updatedAt, description: description,
                reportedAt: updatedAt.minusSeconds(3600))
        ReadModelFixture.insertHistory(CaseHistories.walk(c.caseId as String, officePathTo(state)))
        c
    }

    /** grid-model's standard path, dispatched to the street office. */
    private static List<List> officePathTo(String state) {
        def handler = Actor.handler('handler-office', OFFICE)
        def dispatched = [[CaseFixtures.RESIDENT, new CaseAction.Report(CaseFixtures.report())],
                          [CaseFixtures.OPERATOR, new CaseAction.File('meets criteria')],
                          [CaseFixtures.OPERATOR, new CaseAction.Dispatch(OFFICE, null, null)]]
        def inHand = dispatched + [[handler, new CaseAction.Accept()]]
        [DISPATCHED: dispatched, IN_PROGRESS: inHand,
         SUSPENDED : inHand + [[CaseFixtures.OPERATOR, new CaseAction.Suspend('waiting for the road permit')]]][state]
    }

    Map counts(TestUser who) {
        get(who, '/api/v1/desk').body().queues.collectEntries { [(it.queue): it.count] }
    }

    def "a handler's desk counts their department's tasks to sign for, in hand, on hold and overdue, with the oldest wait"() {
        given:
        def handler = user(Role.HANDLER, [department: OFFICE])

        when:
        def desk = get(handler, '/api/v1/desk').body()

        then:
        desk.post == 'HANDLER'
        desk.department == OFFICE
        desk.queues*.queue == ['TO_SIGN', 'IN_HAND', 'SUSPENDED', 'OVERDUE']
        desk.queues*.count == [2, 1, 1, 1]
        // PostgreSQL keeps microseconds, rounded to the nearest
        Instant.parse(desk.queues[0].oldestSince) == cases.toSignLate.updatedAt.plusNanos(500).truncatedTo(ChronoUnit.MICROS)
        desk.queues[0].oldestWaitingSeconds >= 9000
    }

    def "a queue's page is nearest deadline first, and each case carries the steps its viewer may take"() {
        given:
        def handler = user(Role.HANDLER, [department: OFFICE])

        when:
        def page = get(handler, '/api/v1/desk/queues/TO_SIGN?page=0&size=10').body()

        then:
        page.total == 2
        page.items*.caseId == [cases.toSignLate.caseId, cases.toSign.caseId]
        page.items*.late == [true, false]
        page.items[0].place.streetNameZh == '东华门街道'
        page.items[0].place.gridNameZh == '桃园一号网格'
        page.items.every { it.allowedActions*.type.containsAll(['Accept', 'Return']) && !('File' in it.allowedActions*.type) }
        page.items[0].allowedActions.find { it.type == 'Return' }.reason == 'REQUIRED'

        when: 'the overdue queue'
        def overdue = get(handler, '/api/v1/desk/queues/overdue').body()

        then:
        overdue.items*.caseId == [cases.toSignLate.caseId]
    }

    def "each post's desk holds the queues of the steps grid-model's CommandRoles gives it: #post"() {
        when:
        def desk = get(user(post), '/api/v1/desk').body()

        then:
        desk.post == post.name()
        desk.queues*.queue == queues
        desk.readOnly == (post == Role.LEADER)

        where:
        post              || queues
        Role.ACCEPTOR     || ['TO_ACCEPT', 'TO_FILE', 'TO_CHECK', 'OVERDUE']
        Role.SHIFT_LEADER || ['TO_FILE', 'EXTENSIONS', 'TO_CLOSE', 'OVERDUE']
        Role.DISPATCHER   || ['TO_DISPATCH', 'RETURNED', 'EXTENSIONS', 'HANDLING', 'SUSPENDED', 'OVERDUE']
        Role.LEADER       || ['TO_ACCEPT', 'TO_FILE', 'TO_DISPATCH', 'RETURNED', 'EXTENSIONS', 'HANDLING', 'SUSPENDED', 'TO_CHECK',
                              'TO_CLOSE', 'OVERDUE']
    }

    def "a case a department returned waits in the dispatcher's 部门回退, not in 待派遣, and counts as late there"() {
        given:
        def dispatcher = user(Role.DISPATCHER)
        def before = counts(dispatcher)

        when:
        def returned = ReadModelFixture.insertCase(gridCode: GRID, state: 'FILED', returnCount: 1, deadline: Instant.now().minusSeconds(60))
        def after = counts(dispatcher)

        then:
        after.collectEntries { k, v -> [(k): v - before[k]] } == [TO_DISPATCH: 0, RETURNED: 1, EXTENSIONS: 0, HANDLING: 0,
                                                                    SUSPENDED: 0, OVERDUE: 1]
        returned.caseId in get(dispatcher, '/api/v1/desk/queues/RETURNED?size=100').body().items*.caseId
        get(dispatcher, '/api/v1/desk/queues/TO_CLOSE').status.code == 404
    }

    def "the operator's desk has every centre queue; its counts follow the read model"() {
        given:
        def operator = user(Role.OPERATOR)
        def before = counts(operator)

        when: 'a report waits for acceptance, a patrol report for filing, a filed case for dispatch, a late handled one for its check'
        def now = Instant.now()
        def resident = ReadModelFixture.insertCase(gridCode: GRID, state: 'REPORTED', channel: 'RESIDENT', deadline: now.plusSeconds(600))
        ReadModelFixture.insertCase(gridCode: GRID, state: 'REPORTED', channel: 'PATROL', deadline: now.plusSeconds(600))
        ReadModelFixture.insertCase(gridCode: GRID, state: 'REPORTED', channel: 'HOTLINE', deadline: now.plusSeconds(600),
                verification: [verifier: 'worker-1', at: now.toString(), found: true, note: 'seen'])
        def filed = ReadModelFixture.insertCase(gridCode: GRID, state: 'FILED', deadline: now.plusSeconds(60))
        ReadModelFixture.insertHistory(CaseHistories.to(CaseState.FILED, filed.caseId as String))
        ReadModelFixture.insertCase(gridCode: GRID, state: 'HANDLED', deadline: now.minusSeconds(60))
        ReadModelFixture.insertCase(gridCode: GRID, state: 'IN_PROGRESS', department: 'DRAINAGE', deadline: now.plusSeconds(600),
                pendingExtension: [extra: 'PT8H', reason: 'pipe on order', requestedBy: 'handler-7'])
        def after = counts(operator)
        def dispatch = get(operator, '/api/v1/desk/queues/TO_DISPATCH?size=100').body()

        then:
        after.keySet() as List == ['TO_ACCEPT', 'TO_FILE', 'TO_DISPATCH', 'RETURNED', 'EXTENSIONS', 'HANDLING', 'SUSPENDED',
                                   'TO_CHECK', 'TO_CLOSE', 'OVERDUE']
        after.collectEntries { k, v -> [(k): v - before[k]] } == [TO_ACCEPT: 1, TO_FILE: 2, TO_DISPATCH: 1, RETURNED: 0,
                                                                    EXTENSIONS: 1, HANDLING: 1, SUSPENDED: 0, TO_CHECK: 1,
                                                                    TO_CLOSE: 0, OVERDUE: 1]
        and: 'the filed case offers its dispatch, with the department it needs'
        def item = dispatch.items.find { it.caseId == filed.caseId }
        item.allowedActions.find { it.type == 'Dispatch' }.department == 'REQUIRED'
        def deadlines = dispatch.items*.deadline.collect { it ? Instant.parse(it) : Instant.MAX }
        deadlines == deadlines.sort(false)
        resident.caseId in get(operator, '/api/v1/desk/queues/TO_ACCEPT?size=100').body().items*.caseId
    }

    def "search finds a case by #what"() {
        given:
        def operator = user(Role.OPERATOR)

        expect:
        cases.inHand.caseId in get(operator, "/api/v1/desk/search?q=${URLEncoder.encode(query(cases.inHand), 'UTF-8')}").body()*.caseId

        where:
        what                         | query
        'its whole case number'      | { Map c -> c.caseId }
        'the start of its number'    | { Map c -> c.caseId.take(19) }
        'its grid code'              | { Map c -> GRID }
        'its grid\'s name'           | { Map c -> '桃园一号' }
        'a word of its description'  | { Map c -> 'GRAFFITI' }
    }

    def "a case's 案卷号 finds it, whole or by its start, and the found item and the case view show it"() {
        given: 'a filed case the case cycle numbered (AssignNumber), in the snapshot as the projection writes it'
        def shiftLeader = user(Role.SHIFT_LEADER)
        def serial = String.format('%07d', 9_000_000 + new Random().nextInt(999_999))
        def number = "2026-110101-${serial}".toString()
        def numbered = ReadModelFixture.insertCase(gridCode: GRID, state: 'FILED', caseNumber: number, deadline: Instant.now().plusSeconds(600))

        expect:
        get(shiftLeader, "/api/v1/desk/search?q=${number}").body().collect { [it.caseId, it.caseNumber] } == [[numbered.caseId, number]]
        numbered.caseId in get(shiftLeader, "/api/v1/desk/search?q=${number.take(15)}").body()*.caseId
        get(shiftLeader, "/api/v1/cases/${numbered.caseId}").body().caseNumber == number
    }

    def "a handler searches their own department's cases only"() {
        given:
        def other = user(Role.HANDLER, [department: 'DRAINAGE'])

        expect:
        get(other, "/api/v1/desk/search?q=${GRID}").body()*.caseId.every { !(it in cases.values()*.caseId) }
    }

    def "#what is answered #status"() {
        given:
        def who = user(role, role == Role.HANDLER ? [department: OFFICE] : [:])

        when:
        def response = get(who, path)

        then:
        response.status.code == status
        response.contentType.startsWith('application/problem+json')

        where:
        what                                  | role             | path                                  || status
        'a resident asking for a desk'        | Role.RESIDENT    | '/api/v1/desk'                        || 403
        'a grid worker asking for a desk'     | Role.GRID_WORKER | '/api/v1/desk'                        || 403
        'a queue of another post'             | Role.HANDLER     | '/api/v1/desk/queues/TO_DISPATCH'     || 404
        'a queue that does not exist'         | Role.OPERATOR    | '/api/v1/desk/queues/LOST'            || 404
        'a page too large'                    | Role.OPERATOR    | '/api/v1/desk/queues/TO_FILE?size=500' || 422
        'a search of one character'           | Role.OPERATOR    | '/api/v1/desk/search?q=x'             || 422
        'a search with a control character'   | Role.OPERATOR    | '/api/v1/desk/search?q=ab%07'         || 422
    }
}
