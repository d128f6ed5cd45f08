package org.citygrid.bench.casecycle

import java.time.Duration
import org.citygrid.bench.testing.BenchFolders
import org.citygrid.demo.Console
import spock.lang.Shared
import spock.lang.Specification

import static org.citygrid.bench.casecycle.CaseCycleReport.CASE_CYCLE
import static org.citygrid.bench.casecycle.CaseCycleReport.PASS_THROUGH

/**
 * LIVE, about a minute: the case-cycle benchmark at a tiny size (a second of warm-up, 1 s paced at 20 reports/s,
 * bursts of 20, three repetitions, a city of 300 grids) on cloud-backend's build (./gridcity test writes its class path file, as for the
 * demo's live specs) and this module's. It checks what was measured and the printed shape, the last line above all,
 * never how fast anything was.
 */
class CaseCycleBenchSpec extends Specification {
    @Shared CaseCycleOptions options = new CaseCycleOptions(BenchFolders.ROOT, BenchFolders.of('case-cycle'),
            Duration.ofSeconds(1), 20, Duration.ofSeconds(1), 20, 3, 0.95, Duration.ofSeconds(60), Duration.ZERO, 300,
            Duration.ofSeconds(180), false)
    @Shared CaseCycleReport report
    @Shared String printed

    def setupSpec() {
        def out = new ByteArrayOutputStream()
        def console = new Console(new PrintStream(out, true, 'UTF-8'))
        report = new CaseCycleBench(options, console).run()
        console.block('\n' + report.table()) // as CaseCycleBenchMain prints it
        printed = out.toString('UTF-8')
    }

    def "pass-through and case cycle were measured three times each, alternately"() {
        expect:
        report.measurements().collect { [it.topology(), it.repetition()] } ==
                [[PASS_THROUGH, 1], [CASE_CYCLE, 1], [PASS_THROUGH, 2], [CASE_CYCLE, 2], [PASS_THROUGH, 3], [CASE_CYCLE, 3]]
    }

    def "every report of every phase came out, the case cycle's each as a case of its own, dispatched"() {
        expect:
        report.measurements().every {
            it.paced().reports() == 20 && it.paced().missing() == 0 && it.paced().merged() == 0 &&
                    it.burst().reports() == 20 && it.burst().missing() == 0 && it.burst().merged() == 0
        }
    }

    def "latencies are positive and ordered, throughputs and settled rates positive"() {
        expect:
        report.measurements().every {
            ordered(it.paced().latency()) && ordered(it.burst().latency()) && it.burst().perSecond() > 0 &&
                    it.paced().settledPerSecond() > 0
        }
    }

    def "the pass-through writes its copy and nothing else; the case cycle its events, snapshot, intents and stores"() {
        given:
        def pass = report.of(PASS_THROUGH)
        def cases = report.of(CASE_CYCLE)

        expect: 'one record per report on the pass-through output, committed in transactions'
        pass.every { it.writes().keySet() == ['bench.pass-out'] as Set && it.writes()['bench.pass-out'].records() == 1d }
        pass.every { it.markersPerReport() > 0 }

        and: 'Reported, Filed, Dispatched per report, one repartition record, the snapshot, and changelogs besides'
        cases.every { it.writes()['grid.case-events'].records() == 3d }
        cases.every { it.writes()['citygrid-case-cycle-intake-by-community-repartition'].records() == 1d }
        cases.every { it.writes()['grid.cases'].records() >= 1d && it.writes()['grid.notifications'].records() >= 1d }
        cases.every { it.writes().keySet().any { it.endsWith('-changelog') } }
        cases.every { it.recordsPerReport() > 6 && it.markersPerReport() > 0 && it.unreadPerReport() == 0d }

        and: 'the load\'s own records and the broker\'s bookkeeping are not among them'
        report.measurements().every { !it.writes().containsKey('grid.intake') && !it.writes().containsKey('bench.pass-in') }
        report.measurements().every { it.writes().keySet().every { !it.startsWith('__') } && !it.internal().isEmpty() }
    }

    def "CPU per 1,000 reports is measured for the Streams application, the broker, PostgreSQL and the load's JVM"() {
        expect:
        report.measurements().every { m ->
            [m.pacedCpu(), m.burstCpu()].every { !Double.isNaN(it.streams()) && !Double.isNaN(it.broker()) &&
                    !Double.isNaN(it.postgres()) && !Double.isNaN(it.bench()) }
        }
        report.measurements().every { it.pacedCpu().streams() > 0 && it.pacedCpu().broker() > 0 && it.pacedCpu().bench() > 0 }
    }

    def "the printout has a row per repetition in each table, the writes by topic and the ratios"() {
        given:
        def lines = printed.readLines()

        expect:
        lines.count { it ==~ /^pass-through +[123] \|.*/ } == 6
        lines.count { it ==~ /^case cycle +[123] \|.*/ } == 6
        lines.any { it ==~ /^ +grid\.case-events +3\.00 +\d+\.\d\d$/ }
        lines.count { it ==~ /^ +[123] +\d+\.\d\dx .*/ } == 3
        lines.any { it.startsWith('median') } && lines.any { it.startsWith('range') }
    }

    def "the last line is the machine-readable summary"() {
        given:
        def last = printed.readLines().findAll { it.trim() }.last()

        expect:
        last == report.summaryLine()
        last ==~ /case-cycle: throughput \d+\.\d\d× pass-through, (p50 \d+\.\d× pass-through|did not keep up|pass-through did not keep up) at 20\/s, \d+\.\d writes per report/
    }

    def "everything started was stopped"() {
        expect:
        ['stopping pass-through', 'stopping cloud-backend', 'PostgreSQL stopped', 'Kafka broker stopped'].every { printed.contains(it) }
    }

    private static boolean ordered(org.citygrid.bench.measure.Percentiles p) {
        p.count() > 0 && p.p50() > 0 && p.p50() <= p.p95() && p.p95() <= p.p99()
    }
}
