package org.citygrid.model.grid

import org.citygrid.model.testkit.*

import org.citygrid.model.geo.GeoPoint;
import static org.citygrid.model.testkit.GridFixtures.*

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import spock.lang.Specification

/** A 2 x 2 block of 100 m cells, serials 1..4, occupying 0..200 m east and north of the origin. */
class GridIndexSpec extends Specification {

    List<UnitGrid> block = [cell(code(1), 0, 0), cell(code(2), 1, 0), cell(code(3), 0, 1), cell(code(4), 1, 1)]
    GridIndex index = GridIndex.of(block, 30)

    def "a point inside a grid is inside that grid"() {
        when:
        GridLookup result = index.locate(at(150, 50))

        then:
        result instanceof GridLookup.Inside
        (result as GridLookup.Inside).grid().code().value() == code(2)
    }

    def "a point on the edge between grids #first and #second resolves to the smaller code whatever the load order"() {
        given:
        GridIndex shuffled = GridIndex.of(block.reverse(), 30)

        expect:
        (index.locate(point) as GridLookup.Inside).grid().code().value() == code(expected)
        (shuffled.locate(point) as GridLookup.Inside).grid().code().value() == code(expected)

        where:
        point         | first | second | expected
        at(100, 50)   | 1     | 2      | 1
        at(150, 100)  | 2     | 4      | 2
        at(100, 150)  | 3     | 4      | 3
        at(100, 100)  | 1     | 4      | 1   // the vertex all four share
    }

    def "a point on the outer edge of the area is inside the grid it bounds"() {
        expect:
        (index.locate(at(200, 150)) as GridLookup.Inside).grid().code().value() == code(4)
    }

    def "a point #metres m #direction of the area is near grid #serial at that distance"() {
        when:
        GeoPoint point = at(east, north)
        GridLookup result = index.locate(point)

        then:
        result instanceof GridLookup.Near
        def near = result as GridLookup.Near
        near.grid().code().value() == code(serial)
        Math.abs(near.distanceMetres() - metres) < 0.05
        // the distance is true metres on the ground, whether the offset is in longitude or latitude
        Math.abs(near.distanceMetres() - haversine(point, at(edgeEast, edgeNorth))) < 0.05

        where:
        direction | east  | north | serial | edgeEast | edgeNorth | metres
        'east'    | 220   | 50    | 2      | 200      | 50        | 20
        'north'   | 50    | 225   | 3      | 50       | 200       | 25
        'west'    | -10   | 150   | 3      | 0        | 150       | 10
        'south'   | 150   | -29   | 2      | 150      | 0         | 29
    }

    def "a point near two grids equally is near the one with the smaller code"() {
        expect:
        (index.locate(at(220, 100)) as GridLookup.Near).grid().code().value() == code(2)
    }

    def "a point beyond the tolerance is outside the managed area, with the distance to the nearest grid"() {
        when:
        GridLookup result = index.locate(at(50, 400))

        then:
        result instanceof GridLookup.Outside
        def outside = result as GridLookup.Outside
        outside.nearest().get().code().value() == code(3)
        Math.abs(outside.distanceMetres() - 200) < 0.1
        result.assignedGrid().isEmpty()
    }

    def "a point #metres m off the area is #answer with a 30 m tolerance"() {
        expect:
        index.locate(at(200 + metres, 50)).getClass() == answer

        where:
        metres | answer
        0.5    | GridLookup.Near
        29.9   | GridLookup.Near
        30.1   | GridLookup.Outside
        500    | GridLookup.Outside
    }

    def "a point near a grid is assigned to it; a point outside is assigned to none"() {
        expect:
        index.locate(at(220, 50)).assignedGrid().get().code().value() == code(2)
        index.locate(at(50, 400)).assignedGrid().isEmpty()
    }

    def "the default tolerance is 30 m, a typical phone GPS error"() {
        given:
        GridIndex byDefault = GridIndex.of(block)

        expect:
        byDefault.nearToleranceMetres() == 30
        byDefault.locate(at(229, 50)) instanceof GridLookup.Near
        byDefault.locate(at(231, 50)) instanceof GridLookup.Outside
    }

    def "a tolerance of #tolerance m is refused"() {
        when:
        GridIndex.of(block, tolerance)

        then:
        thrown(IllegalArgumentException)

        where:
        tolerance << [-1d, Double.NaN, Double.POSITIVE_INFINITY]
    }

    def "the tolerance can be widened for a single lookup"() {
        expect:
        index.locate(at(50, 400)) instanceof GridLookup.Outside
        index.locate(at(50, 400).lon(), at(50, 400).lat(), 250) instanceof GridLookup.Near
    }

    def "the nearest grid outside is the nearest in metres, not in degrees"() {
        given: 'one grid 330 m north and one 300 m east: in degrees of lon/lat the north one looks nearer'
        def north = grid(code(1), 'POLYGON((-50 330, 50 330, 50 430, -50 430, -50 330))')
        def east = grid(code(2), 'POLYGON((300 -50, 400 -50, 400 50, 300 50, 300 -50))')

        when:
        def result = GridIndex.of([north, east], 30).locate(at(0, 0)) as GridLookup.Outside

        then:
        result.nearest().get().code().value() == code(2)
        Math.abs(result.distanceMetres() - 300) < 0.1
    }

    def "an empty index answers outside with no nearest grid"() {
        when:
        def result = GridIndex.of([]).locate(116.4, 39.9) as GridLookup.Outside

        then:
        result.nearest().isEmpty()
        result.distanceMetres() == Double.POSITIVE_INFINITY
    }

    def "refuses a position that is not lon/lat"() {
        when:
        index.locate(39.9, 116.4)

        then:
        thrown(IllegalArgumentException)
    }

    def "concurrent lookups give the same answers as sequential ones"() {
        given:
        def random = new Random(7)
        List<GeoPoint> points = (1..2000).collect { at(random.nextDouble() * 300 - 50, random.nextDouble() * 300 - 50) }
        List<GridLookup> expected = points.collect { index.locate(it) }
        def pool = Executors.newFixedThreadPool(8)

        when:
        def futures = (1..8).collect { pool.submit({ points.collect { index.locate(it) } } as Callable<List<GridLookup>>) }
        def results = futures*.get()

        then:
        results.every { it == expected }

        cleanup:
        pool.shutdown()
    }
}
