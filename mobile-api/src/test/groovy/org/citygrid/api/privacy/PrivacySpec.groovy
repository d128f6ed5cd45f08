package org.citygrid.api.privacy

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.CaseHistories
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.cases.Role
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.testkit.CaseFixtures
import spock.lang.Shared

import java.time.Instant

/**
 * What the public and residents may read: Open311's GETs show public categories only, coarse positions, no
 * reporter and no anonymous report's words, a page at a time; a resident's timeline shows posts and
 * departments, never other people's ids, anonymous flags or other reporters' texts.
 */
@MicronautTest
class PrivacySpec extends ApiSpec {

    /** A year no other spec writes cases in, so that lists over it hold this spec's cases only. */
    static final String YEAR = '2031'

    @Shared Map publicCase, anonymousCase, serviceCase

    def setupSpec() {
        publicCase = ReadModelFixture.insertCase(categoryCode: 'C0101', description: 'cover rattles', anonymous: false,
                lon: 116.4032149d, lat: 39.9145261d, reportedAt: Instant.parse("${YEAR}-05-01T08:00:00Z"))
        anonymousCase = ReadModelFixture.insertCase(categoryCode: 'E0401', description: 'outside my door at No. 5',
                anonymous: true, reportedAt: Instant.parse("${YEAR}-05-01T09:00:00Z"))
        serviceCase = ReadModelFixture.insertCase(categoryCode: 'S9105', channel: 'RESIDENT',
                description: 'my father needs a wheelchair ramp', reportedAt: Instant.parse("${YEAR}-05-01T10:00:00Z"))
    }

    List<Map> requests(String query) {
        exchange(HttpRequest.GET("/open311/v2/requests.json?${query}")).body() as List<Map>
    }

    def "a public request shows a coarse position, no reporter, and the Open311 fields only"() {
        when:
        def shown = requests("service_request_id=${publicCase.caseId}")

        then:
        shown.size() == 1
        shown[0].keySet() == ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code',
                              'description', 'service_notice', 'requested_datetime', 'updated_datetime',
                              'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'] as Set
        shown[0].lat == 39.915
        shown[0].long == 116.403
        shown[0].description == 'cover rattles'
        !JsonOutput.toJson(shown).contains(publicCase.reporterId)
    }

    def "an anonymous report's words are not shown: people describe where they live"() {
        expect:
        requests("service_request_id=${anonymousCase.caseId}")*.description == ['']
        exchange(HttpRequest.GET("/open311/v2/requests/${anonymousCase.caseId}.json")).body()[0].description == ''
    }

    def "a community service request is never shown: not listed, not found by id, not a service"() {
        expect:
        requests("service_request_id=${serviceCase.caseId},${publicCase.caseId}")*.service_request_id == [publicCase.caseId]
        requests("start_date=${YEAR}-01-01T00:00:00Z&end_date=${YEAR}-12-31T00:00:00Z").every { !it.service_code.startsWith('S') }
        exchange(HttpRequest.GET("/open311/v2/requests/${serviceCase.caseId}.json")).status.code == 404
        exchange(HttpRequest.GET('/open311/v2/requests.json?service_code=S9105')).status.code == 400
        exchange(HttpRequest.GET('/open311/v2/services/S9105.json')).status.code == 404
        exchange(HttpRequest.GET('/open311/v2/services.json')).body().every { !it.service_code.startsWith('S') }
        exchange(HttpRequest.GET('/open311/v2/services.json')).body().any { it.service_code == 'C0101' }
    }

    def "lists come a page at a time, newest first"() {
        given: 'three more public cases in the year'
        def more = (1..3).collect { i ->
            ReadModelFixture.insertCase(categoryCode: 'C0101', reportedAt: Instant.parse("${YEAR}-06-0${i}T08:00:00Z")).caseId
        }
        def window = "start_date=${YEAR}-01-01T00:00:00Z&end_date=${YEAR}-12-31T00:00:00Z"
        def newestFirst = more.reverse() + [anonymousCase.caseId, publicCase.caseId]

        expect:
        requests("${window}&page_size=2")*.service_request_id == newestFirst[0..1]
        requests("${window}&page_size=2&page=2")*.service_request_id == newestFirst[2..3]
        requests("${window}&page_size=2&page=3")*.service_request_id == newestFirst[4..4]
        requests("${window}&page_size=2&page=4") == []
        requests(window)*.service_request_id == newestFirst

        and: 'a page is at most 200 requests'
        exchange(HttpRequest.GET("/open311/v2/requests.json?page_size=201")).status.code == 400
        exchange(HttpRequest.GET("/open311/v2/requests.json?page=0")).body()[0].description == 'page is a whole number from 1 to 10737418'
    }

    def "a resident's timeline shows posts and departments, never other people's ids, anonymous flags or other reporters' texts"() {
        given: 'A reported anonymously through the app; B\'s report of the same problem was merged into the case'
        def a = user(Role.RESIDENT)
        def b = user(Role.RESIDENT)
        def reportId = post(a, '/api/v1/reports', [categoryCode: 'C0101', description: 'A: cover missing', anonymous: true,
                                                  position: [lon: 116.397, lat: 39.908]]).body().id
        def caseId = "case-${UUID.randomUUID()}".toString()
        def details = { String who, String text, boolean anonymous ->
            new ReportDetails("src-${who}", Channel.RESIDENT, CaseFixtures.MANHOLE, '110101001001001',
                    new GeoPoint(116.397, 39.908), text, who, anonymous, CaseFixtures.T0, [])
        }
        def handler = Actor.handler('handler-secret-1', 'SANITATION')
        def history = CaseHistories.walk(caseId, [
                [Actor.of(a.id, Role.RESIDENT), new CaseAction.Report(details(a.id, 'A: cover missing', true))],
                [Actor.system('case-cycle'), new CaseAction.MergeDuplicate(details(b.id, 'B: my own words', false))],
                [Actor.of('worker-secret-9', Role.GRID_WORKER), new CaseAction.Verify(true, 'cover is gone', [CaseFixtures.PHOTO])],
                [CaseFixtures.OPERATOR, new CaseAction.File('meets criteria')],
                [CaseFixtures.OPERATOR, new CaseAction.Dispatch('SANITATION', 'handler-secret-1', null)],
                [handler, new CaseAction.Accept()],
                [handler, new CaseAction.ReportHandled('cover replaced', [CaseFixtures.PHOTO])],
                [Actor.of('worker-secret-8', Role.GRID_WORKER), new CaseAction.Check(true, 'fixed', [CaseFixtures.PHOTO])],
                [CaseFixtures.OPERATOR, new CaseAction.Close(null)],
                [Actor.of(b.id, Role.RESIDENT), new CaseAction.Rate(4, 'B: thanks, quick')]])
        // the case cycle names the intake that made a case in its first event's command id
        def first = history[0]
        history[0] = new CaseEvent(first.caseId(), first.version(), first.at(), first.actor(), "intake:${reportId}".toString(),
                first.change())
        ReadModelFixture.insertCase(caseId: caseId, state: 'CLOSED', reporterId: a.id, followers: [a.id, b.id],
                description: 'A: cover missing', anonymous: true, department: 'SANITATION', assignee: 'handler-secret-1',
                verification: [verifier: 'worker-secret-9', at: '2026-03-02T01:02:00Z', found: true, note: 'cover is gone'])
        ReadModelFixture.insertHistory(history)
        def secrets = [b.id, 'handler-secret-1', 'worker-secret-9', 'worker-secret-8', 'B: my own words',
                       'B: thanks, quick', 'anonymous', 'photo', 'media/abc.jpg']

        when:
        def forA = get(a, "/api/v1/reports/${reportId}").body()
        def forB = get(b, "/api/v1/cases/${caseId}").body()

        then: 'A reads every step by post and department, and nobody else\'s ids or words'
        forA.caseId == caseId
        forA.timeline*.type == ['Reported', 'DuplicateMerged', 'Verified', 'Filed', 'Dispatched', 'Accepted', 'Handled',
                                'CheckPassed', 'Closed', 'Rated']
        forA.timeline*.actorRole == ['RESIDENT', 'SYSTEM', 'GRID_WORKER', 'OPERATOR', 'OPERATOR', 'HANDLER', 'HANDLER',
                                     'GRID_WORKER', 'OPERATOR', 'RESIDENT']
        forA.timeline.find { it.type == 'Dispatched' }.change.department == 'SANITATION'
        forA.timeline.find { it.type == 'Accepted' }.actorDepartment == 'SANITATION'
        forA.timeline.find { it.type == 'Verified' }.change == [type: 'Verified', found: true, note: 'cover is gone', filingDeadline: '2026-03-02T02:02:00Z']
        forA.timeline.find { it.type == 'Rated' }.change == [type: 'Rated', score: 4]
        forA.timeline*.actorId.findAll() == [a.id]
        secrets.every { !JsonOutput.toJson(forA.timeline).contains(it) }

        and: 'B, who follows through a merged report, reads neither A\'s words nor any id but their own'
        forB.description == null
        forB.reporterId == null
        forB.assignee == null
        forB.verification == [at: '2026-03-02T01:02:00Z', found: true, note: 'cover is gone']
        forB.timeline.find { it.type == 'Rated' }.change == [type: 'Rated', score: 4, comment: 'B: thanks, quick']
        forB.timeline*.actorId.findAll() == [b.id]
        !JsonOutput.toJson(forB).contains('A: cover missing')
        !JsonOutput.toJson(forB).contains(a.id)
        ['handler-secret-1', 'worker-secret-9', 'worker-secret-8', 'anonymous'].every { !JsonOutput.toJson(forB).contains(it) }

        and: 'staff still read the whole case'
        def operator = get(user(Role.OPERATOR), "/api/v1/cases/${caseId}").body()
        operator.reporterId == a.id
        operator.timeline.find { it.type == 'DuplicateMerged' }.change.duplicate.description == 'B: my own words'
    }
}
