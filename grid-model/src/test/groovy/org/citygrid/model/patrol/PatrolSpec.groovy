package org.citygrid.model.patrol

import static org.citygrid.model.testkit.GridFixtures.*

import java.time.Duration
import java.time.Instant
import org.citygrid.model.grid.AreaName
import org.citygrid.model.grid.GridCode
import org.citygrid.model.grid.GridIndex
import spock.lang.Shared
import spock.lang.Specification

/**
 * Patrol areas send tasks to their supervisors; a shift's track gives its on-duty rate and coverage.
 * Grids: a row of four 100 m cells (grids 001..004); the area covers 001..003, grid 004 is another's.
 */
class PatrolSpec extends Specification {

    static final Instant START = Instant.parse('2026-03-02T01:00:00Z')   // 09:00 Beijing

    @Shared
    GridIndex grids = GridIndex.of((1..4).collect { cell(code(it), it - 1, 0) })
    @Shared
    PatrolArea area = new PatrolArea('PA-1', new AreaName('测试社区第1监督网格', 'Test Patrol Area 1'),
            [code(3), code(1), code(2)].collect(GridCode::parse), ['worker-1', 'worker-2'])

    def "a task about a grid goes to the first supervisor of its area who is not excluded"() {
        given:
        def areas = PatrolAreas.of([area, new PatrolArea('PA-2', AreaName.zh('第2监督网格'), [GridCode.parse(code(4))], ['worker-9'])])

        expect:
        areas.supervisorFor(GridCode.parse(code(2)), [] as Set).get() == 'worker-1'
        areas.supervisorFor(GridCode.parse(code(2)), ['worker-1'] as Set).get() == 'worker-2'
        areas.supervisorFor(GridCode.parse(code(2)), ['worker-1', 'worker-2'] as Set).isEmpty()
        areas.supervisorFor(GridCode.parse(code(4)), [] as Set).get() == 'worker-9'
        areas.supervisorFor(GridCode.parse(code(5)), [] as Set).isEmpty()
        areas.areasOf('worker-2')*.id() == ['PA-1']
        area.grids()*.value() == [code(1), code(2), code(3)]
    }

    def "a grid in two areas is refused"() {
        when:
        PatrolAreas.of([area, new PatrolArea('PA-3', AreaName.zh('重叠'), [GridCode.parse(code(3))], ['worker-3'])])

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "grid ${code(3)} is in patrol areas PA-1 and PA-3".toString()
    }

    /**
     * A four-hour shift: points every minute from 09:00 to 10:00 walking east through grids 001 and
     * 002; a phone silent from 10:00 to 10:30 (one point at 10:00); 10:30–11:00 in grid 004, outside
     * the area; 11:00–12:00 every minute back in grid 001; nothing after 12:00 (one point at 12:00).
     */
    static List<TrackPoint> track() {
        def points = []
        (0..59).each { m -> points << point(m, 5 + m * 3, 50) }               // 09:00-09:59, x from 5 to 182 m
        points << point(60, 150, 50)                                          // 10:00, then silent
        (90..119).each { m -> points << point(m, 350, 50) }                   // 10:30-10:59 in grid 004
        (120..179).each { m -> points << point(m, 50, 30) }                   // 11:00-11:59 in grid 001
        points << point(180, 50, 30)                                          // 12:00
        points << new TrackPoint('worker-2', START + Duration.ofMinutes(200), at(50, 50))   // someone else
        points << point(-10, 50, 50)                                          // before the shift
        points.reverse()                                                      // order does not matter
    }

    static TrackPoint point(long minute, double east, double north) {
        new TrackPoint('worker-1', START + Duration.ofMinutes(minute), at(east, north))
    }

    def "on-duty rate: the time covered by points inside the area, each for at most five minutes, over the shift"() {
        given:
        def shift = new Shift('worker-1', 'PA-1', START, START + Duration.ofHours(4))

        when:
        def duty = new DutyCalculator(grids).duty(shift, area, track())

        then: '60 min in the morning, 5 min after the last point at 10:00, 60 min from 11:00, 5 min from 12:00'
        duty.onDuty() == Duration.ofMinutes(130)
        duty.onDutyRate() == 130 / 240d

        and: 'grids 001 and 002 visited of the three: 004 is not the area, 003 was never reached'
        duty.visited()*.value() == [code(1), code(2)]
        duty.gridsInArea() == 3
        duty.coverage() == 2 / 3d
    }

    def "a point close to the area's edge counts, within the grid index's tolerance"() {
        given:
        def shift = new Shift('worker-1', 'PA-1', START, START + Duration.ofMinutes(10))
        def track = [point(0, 320, 50)]                                   // 20 m into grid 004, outside the area

        expect: 'located in grid 004 itself, so not on duty: tolerance only helps a point outside every grid'
        new DutyCalculator(grids).duty(shift, area, track).onDuty() == Duration.ZERO
        new DutyCalculator(grids).duty(shift, area, [point(0, 150, -20)]).onDuty() == Duration.ofMinutes(5)
    }

    def "a shift and its area must match"() {
        when:
        new DutyCalculator(grids).duty(new Shift('worker-1', 'PA-9', START, START + Duration.ofHours(1)), area, [])

        then:
        thrown(IllegalArgumentException)
    }
}
