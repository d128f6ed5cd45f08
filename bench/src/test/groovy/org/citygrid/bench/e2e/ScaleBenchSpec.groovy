package org.citygrid.bench.e2e

import java.nio.file.Files
import java.time.Duration
import org.citygrid.bench.measure.Percentiles
import org.citygrid.demo.Console
import org.citygrid.bench.testing.BenchFolders
import spock.lang.Shared
import spock.lang.Specification

import static org.citygrid.bench.e2e.ScaleOptions.Dimension.DEVICES
import static org.citygrid.bench.e2e.ScaleOptions.Dimension.GRIDS
import static org.citygrid.bench.e2e.ScaleOptions.Dimension.OPEN_CASES

/**
 * LIVE, 3 to 7 minutes (three starts of the services): the scaling part at a tiny size, two sizes per dimension,
 * on the services' builds (./gridcity test writes their class path files, as for DemoLiveSpec). It checks that every
 * table has its rows and that the figures make sense, never how fast anything was.
 */
class ScaleBenchSpec extends Specification {
    @Shared E2eBenchOptions options = new E2eBenchOptions(BenchFolders.ROOT,
            BenchFolders.of('bench-scale'),
            BenchFolders.of('bench-scale-out'), [1d], Duration.ofSeconds(4), 8,
            Duration.ofSeconds(600), 0.0001, Duration.ofSeconds(45), 20, Duration.ofSeconds(1), Duration.ofSeconds(180))
    @Shared ScaleOptions scale = new ScaleOptions(2, [0, 20], [4, 6], [3000, 300], [OPEN_CASES, DEVICES, GRIDS],
            Duration.ofSeconds(2), Duration.ofSeconds(120))
    @Shared ScaleReport report
    @Shared String printed

    def setupSpec() {
        def console = new ByteArrayOutputStream()
        report = new ScaleBench(options, scale, new Console(new PrintStream(console, true))).run()
        printed = console.toString()
    }

    def "each dimension has a row for each of its sizes, the others held at the base point"() {
        expect:
        report.rows(OPEN_CASES).collect { [it.size(), it.sensors(), it.grids()] } == [[0, 4, 3000], [20, 4, 3000]]
        report.rows(DEVICES).collect { [it.size(), it.sensors(), it.grids(), it.seeded()] } == [[4, 4, 3000, 0], [6, 6, 3000, 0]]
        report.rows(GRIDS).collect { [it.size(), it.sensors(), it.grids(), it.seeded()] } == [[3000, 4, 3000, 0], [300, 4, 300, 0]]
    }

    def "the base point is measured once and heads every table"() {
        expect:
        report.rows(DEVICES).first().step().is(report.rows(OPEN_CASES).first().step())
        report.rows(GRIDS).first().step().is(report.rows(OPEN_CASES).first().step())
        printed.count('scale: sensors 4: the base point, measured above') == 1
    }

    def "seeded cases are open in the case cycle before the row's step"() {
        given:
        def (base, seeded) = report.rows(OPEN_CASES)

        expect: 'the seeded 20 on top of the load\'s own cases, a few of which may have merged'
        seeded.openCases() >= base.openCases() + 15
    }

    def "every row's raises settled, with positive, ordered percentiles and the CPU of both services"() {
        expect:
        report.rows().every { it.step().sent() > 0 && it.step().missing() == 0 && ordered(it.step().dispatched()) }
        report.rows().every { it.step().cloudCpuPer1000() > 0 && it.step().edgeCpuPer1000() > 0 }
        report.rows().every { it.share() > 0 && it.loadAverage() >= 0 }
    }

    def "each table compares its rows with its first, which is 1.00 on every figure"() {
        given:
        def sections = report.table().split(/\nvarying /).drop(1)

        expect:
        sections*.readLines()*.first() == ['open cases (ratios: to the first row)', 'sensors (ratios: to the first row)',
                                           'unit grids (ratios: to the first row)']
        sections.every { it.readLines()[3].endsWith('1.00  1.00  1.00  1.00  1.00  1.00 ') }
        sections.every { it.readLines().size() == 5 }
    }

    def "the page has one chart per dimension, inline, and nothing fetched from elsewhere"() {
        when:
        def html = Files.readString(E2eBenchMain.write(report, options.outDir()))

        then:
        html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 3
        html.count('<polyline') == 3 * ScaleReport.FIGURES.size()
        !(html =~ /(?i)<script|<link|src=|href=/)
    }

    def "the services were stopped after each start"() {
        expect:
        printed.count('Kafka broker stopped') == 3
        printed.count('PostgreSQL stopped') == 3
    }

    private static boolean ordered(Percentiles p) {
        p.count() > 0 && p.p50() > 0 && p.p50() <= p.p95() && p.p95() <= p.p99()
    }
}
