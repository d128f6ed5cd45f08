package org.citygrid.bench.casecycle

import org.citygrid.contracts.topics.TopicCatalogue
import org.citygrid.model.cases.Channel
import org.citygrid.model.grid.LocalMetricFrame
import org.citygrid.sample.SampleCity
import org.citygrid.sample.SampleCityGenerator
import org.locationtech.jts.geom.Coordinate
import org.locationtech.jts.geom.GeometryFactory
import spock.lang.Shared
import spock.lang.Specification

class PatrolReportsSpec extends Specification {
    @Shared SampleCity city = new SampleCityGenerator(1, 100).generate()
    @Shared GeometryFactory factory = new GeometryFactory()

    def "the spiral visits every lattice point of a ring before the next ring, never one twice"() {
        when:
        def points = (0..<49).collect { PatrolReports.spiral(it) as List }

        then: 'the 7 x 7 square around the centre, each point once, ring by ring'
        points.toSet().size() == 49
        points.every { it[0].abs() <= 3 && it[1].abs() <= 3 }
        points.take(9).every { it[0].abs() <= 1 && it[1].abs() <= 1 }
        points.take(25).every { it[0].abs() <= 2 && it[1].abs() <= 2 }
        points.take(3) == [[0, 0], [1, 0], [1, 1]]
    }

    def "each report is a patroller's C0101 report, as grid.intake carries it, keyed by its own intake id"() {
        given:
        def reports = new PatrolReports(city.grids().grids())

        when:
        def report = reports.next()
        def record = TopicCatalogue.INTAKE.read(report.value())

        then:
        report.intakeId() == 'bench-patrol-0'
        record.intakeId() == report.intakeId()
        record.channel() == Channel.PATROL
        record.categoryCode() == 'C0101'
        record.reporterId() == PatrolReports.REPORTER
        record.position() != null
    }

    def "consecutive reports go to consecutive grids, each inside its grid and over a metre from any other"() {
        given:
        def grids = city.grids().grids()
        def reports = new PatrolReports(grids)
        int perGrid = 10

        when:
        def records = (0..<grids.size() * perGrid).collect { TopicCatalogue.INTAKE.read(reports.next().value()) }

        then: 'report n stands in grid n modulo the grid count'
        records.withIndex().every { r, n ->
            grids[n % grids.size()].geometry().covers(factory.createPoint(new Coordinate(r.position().lon(), r.position().lat())))
        }

        and: 'within a grid no two are within the duplicate distance (0.5 m) of each other'
        records.withIndex().groupBy { r, n -> n % grids.size() }.values().every { inGrid ->
            def points = inGrid.collect { it[0].position() }
            def frame = LocalMetricFrame.at(points[0].lon(), points[0].lat())
            [points, points].combinations().findAll { a, b -> !a.is(b) }.every { a, b ->
                Math.hypot((a.lon() - b.lon()) * frame.metresPerDegreeLon(), (a.lat() - b.lat()) * frame.metresPerDegreeLat()) >
                        Double.parseDouble(CaseCycleStack.DUPLICATE_DISTANCE_M)
            }
        }
    }
}
