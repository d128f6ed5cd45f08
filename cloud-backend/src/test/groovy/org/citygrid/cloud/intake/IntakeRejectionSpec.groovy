package org.citygrid.cloud.intake

import static org.citygrid.model.intake.IntakeRejection.Reason.*

import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import spock.lang.AutoCleanup
import spock.lang.Specification

/** Bad intake is refused onto grid.intake-rejections with its reason and payload; never dropped. */
class IntakeRejectionSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-02T02:00:00Z')
    static final String POSITION = '"position":{"lon":116.401,"lat":39.911}'

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(T0)

    def "#what is rejected as #reason"() {
        when:
        cycle.rawIntake('key-1', payload, T0)

        then:
        def rejections = cycle.intakeRejections()
        rejections*.reason() == [reason]
        rejections.first().payload() == payload
        rejections.first().intakeId() == intakeId
        cycle.caseIds().isEmpty()

        where:
        what                        | payload                                                                                                                                                        || reason               | intakeId
        'text that is not JSON'     | 'manhole broken!'                                                                                                                                              || MALFORMED            | 'key-1'
        'a record of version 2'     | '{"v":2,"intakeId":"app-1"}'                                                                                                                                   || MALFORMED            | 'app-1'
        'a record without position' | '{"v":1,"intakeId":"app-2","channel":"RESIDENT","source":"mobile-api","observedAt":"2026-03-02T02:00:00Z","categoryCode":"C0101","reporterId":"r-1"}'          || MALFORMED            | 'app-2'
        'an unknown category'       | '{"v":1,"intakeId":"app-3","channel":"RESIDENT","source":"mobile-api","observedAt":"2026-03-02T02:00:00Z","categoryCode":"C9999",' + POSITION + ',"reporterId":"r-1"}' || UNKNOWN_CATEGORY | 'app-3'
        'an unknown sensor type'    | '{"v":1,"intakeId":"e-4","channel":"SENSOR","source":"edge-1","observedAt":"2026-03-02T02:00:00Z","sensorType":"radon","deviceId":"d-1","alarm":{"episodeId":"d-1:1","state":"RAISED","quantity":"Rn","value":9,"unit":"Bq"},' + POSITION + ',"reporterId":"d-1"}' || UNKNOWN_SENSOR_TYPE | 'e-4'
        'a sensor naming a category its type does not raise' | '{"v":1,"intakeId":"e-5","channel":"SENSOR","source":"edge-1","observedAt":"2026-03-02T02:00:00Z","categoryCode":"E0411","sensorType":"manhole-tilt","deviceId":"d-1","alarm":{"episodeId":"d-1:1","state":"RAISED","quantity":"tilt","value":20,"unit":"deg"},' + POSITION + ',"reporterId":"d-1"}' || UNKNOWN_CATEGORY | 'e-5'
    }

    def "a position outside the managed area is rejected with its distance to the nearest grid"() {
        when:
        cycle.rawIntake('app-9', '{"v":1,"intakeId":"app-9","channel":"RESIDENT","source":"mobile-api",' +
                '"observedAt":"2026-03-02T02:00:00Z","categoryCode":"C0101","position":{"lon":116.9,"lat":40.5},"reporterId":"r-1"}', T0)

        then:
        def rejection = cycle.intakeRejections().first()
        rejection.reason() == OUTSIDE_MANAGED_AREA
        rejection.message() ==~ /position 116\.90000, 40\.50000 is \d+ km from the nearest unit grid/
    }

    def "an empty message is rejected, not skipped"() {
        when:
        cycle.rawIntake('app-10', null, T0)

        then:
        cycle.intakeRejections()*.reason() == [MALFORMED]
    }
}
