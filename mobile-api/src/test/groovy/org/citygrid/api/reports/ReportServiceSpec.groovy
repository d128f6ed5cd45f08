package org.citygrid.api.reports

import org.citygrid.api.errors.Forbidden
import org.citygrid.api.errors.Invalid
import org.citygrid.api.errors.Throttled
import org.citygrid.api.testkit.Services
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Evidence
import org.citygrid.model.cases.Role
import spock.lang.Specification

import java.time.Instant

import static org.citygrid.api.testkit.Services.person

/**
 * What a report must be to reach grid.intake, and how many a person may send: ReportService on
 * plain objects (ReportsSpec and BadInputSpec send reports through HTTP, the broker and PostGIS).
 */
class ReportServiceSpec extends Specification {

    static final String SCRIPT = '<script>alert(document.cookie)</script>'

    Services kit = new Services()
    ReportService service = kit.reportService()

    static NewReport report(Map overrides = [:]) {
        Map f = [categoryCode: 'C0101', description: 'loose cover', position: [lon: 116.40325d, lat: 39.91449d]] + overrides
        Map p = (Map) f.position
        new NewReport((String) f.categoryCode, (String) f.description,
                p == null ? null : new NewReport.PositionInput(p.lon as Double, p.lat as Double, (String) p.crs),
                (List<String>) f.photos, (Boolean) f.anonymous, f.observedAt == null ? null : Instant.parse((String) f.observedAt))
    }

    def "a #role's report goes to grid.intake as a #channel report, answered 202 with where to follow it"() {
        given:
        def who = person(role)

        when:
        def reply = service.submit(who, 'key-1', report())

        then:
        reply.status() == 202
        def sent = kit.sentIntake()
        sent.size() == 1
        sent[0].intakeId() == reply.body().id()
        sent[0].channel() == channel
        sent[0].reporterId() == who.id()
        reply.location() == "/api/v1/reports/${sent[0].intakeId()}"
        reply.body().status() == 'SUBMITTED'
        kit.reports.byId(sent[0].intakeId()).present

        where:
        role             || channel
        Role.RESIDENT    || Channel.RESIDENT
        Role.GRID_WORKER || Channel.PATROL
        Role.OPERATOR    || Channel.HOTLINE
    }

    def "#what is refused with 422 naming #field, and nothing is sent or stored"() {
        when:
        service.submit(person(Role.RESIDENT), UUID.randomUUID().toString(), body)

        then:
        def e = thrown(Invalid)
        e.fieldErrors()*.field() == [field]
        kit.sentIntake().isEmpty()
        kit.reports.reports.isEmpty()

        where:
        what                                | body                                                                || field
        'an unknown category'               | report(categoryCode: 'C9999')                                       || 'categoryCode'
        'a malformed category code'         | report(categoryCode: "x'); DROP TABLE api.reports; --")             || 'categoryCode'
        'a service category as a problem'   | report(categoryCode: 'S9101')                                       || 'categoryCode'
        'a position outside the city'       | report(position: [lon: 121.47d, lat: 31.23d])                       || 'position'
        'a position off the globe'          | report(position: [lon: 200d, lat: 39.9d])                           || 'position'
        'an unknown coordinate system'      | report(position: [lon: 116.4d, lat: 39.9d, crs: 'EPSG:3857'])       || 'position.crs'
        'Baidu Mercator metres'             | report(position: [lon: 116.4d, lat: 39.9d, crs: 'bd09mc'])          || 'position.crs'
        'script in the description'         | report(description: SCRIPT)                                         || 'description'
        'an event handler in the text'      | report(description: 'see <img src=x onerror=alert(1)>')             || 'description'
        'a description of 2001 characters'  | report(description: 'x' * 2001)                                     || 'description'
        'control characters'                | report(description: "bell\u0007")                                   || 'description'
        'a photo ref that is not a photo'   | report(photos: ['photo/../../etc/passwd'])                          || 'photos'
        'somebody else\'s photo'            | report(photos: ['photo/not-mine'])                                  || 'photos'
        'a time in the future'              | report(observedAt: '2999-01-01T00:00:00Z')                          || 'observedAt'
    }

    def "a GCJ-02 position from a Chinese phone map is sent in WGS 84"() {
        when:
        service.submit(person(Role.RESIDENT), 'key-1', report(position: [lon: 116.40949d, lat: 39.91589d, crs: 'gcj02']))

        then:
        def where = kit.sentIntake()[0].position()
        Math.abs(where.lon() - 116.40325d) < 0.0005
        Math.abs(where.lat() - 39.91449d) < 0.0005
    }

    def "the reporter's own photos travel with the report"() {
        given:
        def resident = person(Role.RESIDENT)
        def photo = kit.photos.add(resident.id())

        when:
        service.submit(resident, 'key-1', report(photos: [photo]))

        then:
        kit.sentIntake()[0].media() == [new Evidence(photo, 'image/jpeg')]
    }

    def "only residents report anonymously"() {
        when:
        service.submit(person(Role.GRID_WORKER), 'key-1', report(anonymous: true))

        then:
        def error = thrown(Invalid)
        error.fieldErrors()*.field() == ['anonymous']
    }

    def "#role does not report problems"() {
        when:
        service.submit(person(role), 'key-1', report())

        then:
        thrown(Forbidden)
        kit.sentIntake().isEmpty()

        where:
        role << [Role.HANDLER, Role.ADMIN]
    }

    def "a community service request takes only service categories, and a report only problem categories"() {
        when:
        def asked = service.submitServiceRequest(person(Role.RESIDENT), 'key-1', report(categoryCode: 'S9101'))

        then:
        asked.location() == "/api/v1/service-requests/${asked.body().id()}"

        when:
        service.submitServiceRequest(person(Role.RESIDENT), 'key-2', report(categoryCode: 'C0101'))

        then:
        def error = thrown(Invalid)
        error.detail().contains('POST /api/v1/reports')
    }

    def "a person's third new report within the hour is throttled; retries of earlier ones still replay"() {
        given:
        def limited = kit.reportService(2)
        def resident = person(Role.RESIDENT)
        limited.submit(resident, 'first', report())
        limited.submit(resident, 'second', report())

        when:
        limited.submit(resident, 'third', report())

        then:
        def e = thrown(Throttled)
        e.retryAfterSeconds() == 3600

        when:
        def replay = limited.submit(resident, 'first', report())

        then:
        replay.replayed()
        kit.sentIntake().size() == 2
    }

    def "the limit counts per person"() {
        given:
        def limited = kit.reportService(2)
        def busy = person(Role.RESIDENT)
        2.times { limited.submit(busy, "busy-${it}", report()) }

        expect:
        limited.submit(person(Role.RESIDENT), 'other', report()).status() == 202
    }
}
