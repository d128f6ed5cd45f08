package org.citygrid.api.reports

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.FakeFcm
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Role
import org.citygrid.model.intake.IntakeRejection
import org.citygrid.model.wire.WireCodec
import spock.lang.Shared
import spock.util.concurrent.PollingConditions

import java.time.Instant

/**
 * A report the case cycle refuses reaches its reporter: the API reads grid.intake-rejections, the report
 * turns REJECTED with the reason in Chinese and English, and a push goes to the reporter's phone (the real
 * Firebase Admin SDK against a local fake FCM).
 */
@MicronautTest
class IntakeRejectionsSpec extends ApiSpec {

    @Shared
    FakeFcm fcm = new FakeFcm()

    @Override
    Map<String, String> getProperties() {
        super.properties + fcm.apiProperties('citygrid.intake-rejections')
    }

    def cleanupSpec() {
        fcm.close()
    }

    /** What cloud-backend's case cycle writes for an intake record it cannot place: the record as received. */
    static void refuse(String intakeId, IntakeRejection.Reason reason, String message) {
        def received = Topics.withKey(TestStack.INTAKE, intakeId)[0].value()
        Topics.send(TestStack.INTAKE_REJECTIONS, intakeId, WireCodec.intakeRejections().write(new IntakeRejection(intakeId,
                reason, message, new String(received, 'UTF-8'), Instant.parse('2026-03-02T03:00:00Z'))))
    }

    def "a report inside the API's Beijing box but outside the grids ends REJECTED with the reason, and the reporter's phone is told"() {
        given: 'a resident with a phone, reporting from the far north of Beijing\'s box, where no grid is managed'
        def resident = user(Role.RESIDENT)
        def phone = "fcm-${UUID.randomUUID()}".toString()
        post(resident, '/api/v1/devices', [token: phone, platform: 'android'])
        def sent = post(resident, '/api/v1/reports', [categoryCode: 'C0101', description: '井盖松动',
                                                     position: [lon: 116.2, lat: 40.95]])
        def reportId = sent.body().id

        expect: 'the API took it: the box is the API\'s check, the grids are the case cycle\'s'
        sent.status.code == 202
        get(resident, "/api/v1/reports/${reportId}").body().status == 'SUBMITTED'

        when: 'the case cycle refuses it on grid.intake-rejections'
        refuse(reportId, IntakeRejection.Reason.OUTSIDE_MANAGED_AREA, 'position 116.2, 40.95 is 41 km from the nearest unit grid')

        then:
        new PollingConditions(timeout: 30).eventually {
            def report = get(resident, "/api/v1/reports/${reportId}").body()
            assert report.status == 'REJECTED'
            assert report.rejection == [reason: 'OUTSIDE_MANAGED_AREA', zh: '位置不在本市管理网格内',
                                        en: 'The position is outside the managed grids', at: '2026-03-02T03:00:00Z']
        }
        get(resident, '/api/v1/reports').body().find { it.reportId == reportId }.status == 'REJECTED'

        and: 'one push reached the phone, in its language, with what the app needs to open the report'
        new PollingConditions(timeout: 30).eventually {
            def pushed = fcm.messages().findAll { it.data?.reportId == reportId }
            assert pushed.size() == 1
            assert pushed[0].token == phone
            // the phone's language (Chinese unless the device registered English)
            assert pushed[0].notification == [title: '举报未受理', body: '您的举报未能受理：位置不在本市管理网格内']
            assert pushed[0].data == [what: 'REPORT_REFUSED', reportId: reportId, reason: 'OUTSIDE_MANAGED_AREA']
        }
    }

    def "a refusal read twice is stored and pushed once; refusals of other producers' records are passed over"() {
        given:
        def resident = user(Role.RESIDENT)
        def phone = "fcm-${UUID.randomUUID()}".toString()
        post(resident, '/api/v1/devices', [token: phone, platform: 'ios'])
        def reportId = post(resident, '/api/v1/reports', [categoryCode: 'C0101', position: [lon: 116.40325, lat: 39.91449]])
                .body().id
        def edgeRecord = "edge-dc01:fd-01:r:${UUID.randomUUID()}".toString()

        when:
        refuse(reportId, IntakeRejection.Reason.UNKNOWN_CATEGORY, 'category C0101 is not in the catalogue')
        refuse(reportId, IntakeRejection.Reason.UNKNOWN_CATEGORY, 'category C0101 is not in the catalogue')
        Topics.send(TestStack.INTAKE_REJECTIONS, edgeRecord, WireCodec.intakeRejections().write(new IntakeRejection(
                edgeRecord, IntakeRejection.Reason.OUTSIDE_MANAGED_AREA, 'far away', '{}', Instant.now())))
        def after = post(resident, '/api/v1/reports', [categoryCode: 'C0101', position: [lon: 116.40325, lat: 39.91449]]).body().id
        refuse(after, IntakeRejection.Reason.MALFORMED, 'missing observedAt')

        then: 'the report after them is refused too: the reader went on'
        new PollingConditions(timeout: 30).eventually {
            assert get(resident, "/api/v1/reports/${after}").body().status == 'REJECTED'
            assert fcm.messages().count { it.data?.reportId == after } == 1
        }
        get(resident, "/api/v1/reports/${reportId}").body().rejection.zh == '问题类别不在本市目录中'
        fcm.messages().count { it.data?.reportId == reportId } == 1
        TestStack.instance.rows('SELECT count(*) AS n FROM api.report_rejections WHERE intake_id = ?', [edgeRecord])[0].n == 0
    }
}
