package org.citygrid.api.reports

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireCodec

@MicronautTest
class ReportsSpec extends ApiSpec {

    def report(Map overrides = [:]) {
        [categoryCode: 'C0101', description: '井盖松动，车辆经过有响声',
         position    : [lon: 116.40325, lat: 39.91449, crs: 'wgs84'], anonymous: false] + overrides
    }

    def "a resident's report becomes an intake record on grid.intake and is answered 202 with where to follow it"() {
        given:
        def resident = user(Role.RESIDENT)
        def photo = photo(resident)

        when:
        def response = post(resident, '/api/v1/reports', report(photos: [photo], anonymous: true))

        then:
        response.status.code == 202
        def id = response.body().id
        response.header('Location') == "/api/v1/reports/${id}"

        and:
        def records = Topics.withKey(TestStack.INTAKE, id)
        records.size() == 1
        def intake = WireCodec.intake().read(records[0].value())
        intake.channel() == Channel.RESIDENT
        intake.source() == 'mobile-api'
        intake.categoryCode() == 'C0101'
        intake.reporterId() == resident.id
        intake.anonymous()
        intake.media()*.ref() == [photo]
        intake.media()*.mediaType() == ['image/jpeg']
    }

    def "a retried report with the same Idempotency-Key gets the first answer and sends nothing new"() {
        given:
        def resident = user(Role.RESIDENT)
        def key = UUID.randomUUID().toString()

        when:
        def first = post(resident, '/api/v1/reports', report(), key)
        def retry = post(resident, '/api/v1/reports', report(), key)

        then:
        retry.status.code == 202
        retry.body() == first.body()
        retry.header('Idempotency-Replayed') == 'true'
        Topics.withKey(TestStack.INTAKE, first.body().id).size() == 1
        TestStack.instance.rows('SELECT count(*) AS n FROM api.reports WHERE reporter_id = ?', [resident.id])[0].n == 1
    }

    def "the same Idempotency-Key with a different body is refused with 422 and nothing is sent"() {
        given:
        def resident = user(Role.RESIDENT)
        def key = UUID.randomUUID().toString()
        def first = post(resident, '/api/v1/reports', report(), key)
        def before = Topics.readAll(TestStack.INTAKE).size()

        when:
        def reuse = post(resident, '/api/v1/reports', report(description: 'something else'), key)

        then:
        reuse.status.code == 422
        reuse.body().type == 'urn:citygrid:problem:idempotency-key-reused'
        Topics.readAll(TestStack.INTAKE).size() == before
        first.status.code == 202
    }

    def "a report without an Idempotency-Key is refused with 400"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        def response = post(resident, '/api/v1/reports', report(), null)

        then:
        response.status.code == 400
        response.body().type == 'urn:citygrid:problem:idempotency-key-missing'
    }

    def "my report is SUBMITTED until the read model shows its case, then carries the case state and timeline"() {
        given:
        def resident = user(Role.RESIDENT)
        def id = post(resident, '/api/v1/reports', report()).body().id

        expect:
        get(resident, "/api/v1/reports/${id}").body().status == 'SUBMITTED'

        when: 'the case cycle has filed it and the projection has caught up'
        def c = ReadModelFixture.insertCase(reporterId: resident.id, state: 'FILED', version: 2L)
        ReadModelFixture.insertEvent(c.caseId, 1, 'Reported', "intake:${id}")
        ReadModelFixture.insertEvent(c.caseId, 2, 'Filed', 'cmd-file-1', [note: 'ok'], 'operator-1', 'OPERATOR')
        def view = get(resident, "/api/v1/reports/${id}").body()

        then:
        view.status == 'FILED'
        view.caseId == c.caseId
        view.timeline*.type == ['Reported', 'Filed']
        get(resident, '/api/v1/reports').body()*.reportId == [id]
    }

    def "another resident's report is not found, so its id reveals nothing"() {
        given:
        def author = user(Role.RESIDENT)
        def other = user(Role.RESIDENT)
        def id = post(author, '/api/v1/reports', report()).body().id

        expect:
        get(other, "/api/v1/reports/${id}").status.code == 404
        get(other, '/api/v1/reports').body() == []
    }

    def "a photo uploaded by somebody else cannot be attached"() {
        given:
        def resident = user(Role.RESIDENT)
        def stranger = user(Role.RESIDENT)

        when:
        def response = post(resident, '/api/v1/reports', report(photos: [photo(stranger)]))

        then:
        response.status.code == 422
        response.body().errors*.field == ['photos']
    }
}
