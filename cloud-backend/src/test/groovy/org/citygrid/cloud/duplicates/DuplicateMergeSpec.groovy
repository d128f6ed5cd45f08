package org.citygrid.cloud.duplicates

import static org.citygrid.cloud.testkit.TestGrids.HERE
import static org.citygrid.cloud.testkit.TestGrids.east
import static org.citygrid.model.cases.Channel.*

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.intake.AlarmState
import org.citygrid.model.intake.IntakeRejection
import spock.lang.AutoCleanup
import spock.lang.Specification

/** Duplicate merging runs with a 50 m distance and a 2-hour window here. */
class DuplicateMergeSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-02T02:00:00Z')

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(T0, [CITYGRID_DUPLICATE_DISTANCE_M: '50', CITYGRID_DUPLICATE_WINDOW: 'PT2H'])

    def "a resident's photo of the manhole a sensor reported joins the sensor's case"() {
        given:
        cycle.sensor(device: 'mc-1', at: T0)

        when:
        cycle.report(channel: RESIDENT, category: 'C0101', position: east(HERE, 15), reporter: 'resident-7',
                at: T0 + Duration.ofMinutes(20))

        then:
        cycle.caseIds().size() == 1
        def caseId = cycle.caseIds().first()
        cycle.changes(caseId).contains('DuplicateMerged')
        cycle.snapshot(caseId).duplicates() == 1
        cycle.snapshot(caseId).followers().contains('resident-7')
    }

    def "the merge is in the case history with the duplicate's own report"() {
        given:
        cycle.report(channel: RESIDENT, reporter: 'resident-1', at: T0)

        when:
        def second = cycle.report(channel: PATROL, reporter: 'worker-2', position: east(HERE, 10), at: T0 + Duration.ofMinutes(5))

        then:
        def merged = cycle.events().find { it.change() instanceof CaseChange.DuplicateMerged }
        merged.change().duplicate().sourceId() == second
        merged.change().duplicate().channel() == PATROL
    }

    def "a second report is not merged when #why"() {
        given:
        cycle.report(channel: RESIDENT, category: 'C0101', reporter: 'resident-1', at: T0)

        when:
        cycle.report(channel: RESIDENT, category: category, position: position, reporter: 'resident-2', at: T0 + after)

        then:
        cycle.caseIds().size() == 2
        !cycle.events().any { it.change() instanceof CaseChange.DuplicateMerged }

        where:
        why                                          | category | position                                      | after
        'its category differs'                       | 'C0102'  | HERE                                          | Duration.ofMinutes(5)
        'it is farther than the distance'            | 'C0101'  | east(HERE, 60)                                | Duration.ofMinutes(5)
        'it came after the time window'              | 'C0101'  | HERE                                          | Duration.ofMinutes(121)
        'it lies in another community (17 m across)' | 'C0101'  | new GeoPoint(116.4041, 39.9110)               | Duration.ofMinutes(5)
    }

    def "a report near a closed case opens a new case"() {
        given:
        cycle.report(channel: RESIDENT, reporter: 'resident-1', at: T0)
        def first = cycle.caseIds().first()
        cycle.command(first, Actor.of('operator-1', org.citygrid.model.cases.Role.OPERATOR),
                new CaseAction.Void('entered twice'), T0 + Duration.ofMinutes(1))

        when:
        cycle.report(channel: RESIDENT, reporter: 'resident-2', at: T0 + Duration.ofMinutes(5))

        then:
        cycle.caseIds().size() == 2
    }

    def "reports near the boundary of a community are matched across its grids"() {
        given:
        cycle.report(channel: RESIDENT, position: new GeoPoint(116.40195, 39.9110), reporter: 'resident-1', at: T0)

        when:
        cycle.report(channel: RESIDENT, position: new GeoPoint(116.40205, 39.9110), reporter: 'resident-2', at: T0 + Duration.ofMinutes(1))

        then:
        cycle.caseIds().size() == 1
    }

    def "a new alarm episode of the same sensor opens a new case instead of joining the old one"() {
        given:
        cycle.sensor(device: 'mc-1', episode: 'mc-1:ep-1', at: T0)
        cycle.sensor(device: 'mc-1', episode: 'mc-1:ep-1', state: AlarmState.CLEARED, at: T0 + Duration.ofMinutes(10))

        when:
        cycle.sensor(device: 'mc-1', episode: 'mc-1:ep-2', at: T0 + Duration.ofMinutes(30))

        then:
        cycle.caseIds().size() == 2
    }

    def "alarms of two sensors on one spot are one case"() {
        given:
        cycle.sensor(device: 'mc-1', episode: 'mc-1:ep-1', at: T0)

        when:
        cycle.sensor(device: 'mc-2', episode: 'mc-2:ep-1', position: east(HERE, 3), at: T0 + Duration.ofMinutes(1))

        then:
        cycle.caseIds().size() == 1
        cycle.snapshot(cycle.caseIds().first()).duplicates() == 1
    }

    def "a resent alarm is recognised as the same report and refused as a duplicate source, not merged twice"() {
        given:
        cycle.sensor(device: 'mc-1', episode: 'mc-1:ep-1', at: T0)

        when:
        cycle.sensor(device: 'mc-1', episode: 'mc-1:ep-1', at: T0 + Duration.ofSeconds(30))

        then:
        cycle.caseIds().size() == 1
        cycle.snapshot(cycle.caseIds().first()).duplicates() == 0
        cycle.commandRejections()*.reason == ['DUPLICATE_SOURCE']
    }

    def "the end of an alarm episode becomes an AlarmCleared event of its case"() {
        given:
        cycle.sensor(device: 'mc-1', episode: 'mc-1:ep-1', at: T0)

        when:
        def clear = cycle.sensor(device: 'mc-1', episode: 'mc-1:ep-1', state: AlarmState.CLEARED, at: T0 + Duration.ofMinutes(40))

        then:
        def caseId = cycle.caseIds().first()
        def cleared = cycle.events(caseId).find { it.change() instanceof CaseChange.AlarmCleared }
        cleared.change().episodeId() == 'mc-1:ep-1'
        cleared.change().sourceId() == clear
        cycle.snapshot(caseId).clearedEpisodes() == ['mc-1:ep-1'] as Set
    }

    def "a clear without an open case for its episode is rejected, not dropped"() {
        when:
        def clear = cycle.sensor(device: 'mc-9', episode: 'mc-9:ep-4', state: AlarmState.CLEARED, at: T0)

        then:
        def rejection = cycle.intakeRejections().first()
        rejection.reason() == IntakeRejection.Reason.UNMATCHED_CLEAR
        rejection.intakeId() == clear
        rejection.payload().contains('mc-9:ep-4')
    }
}
