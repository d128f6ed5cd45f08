package org.citygrid.bench.e2e

import java.nio.file.Files
import java.time.Duration
import org.citygrid.bench.measure.Percentiles
import org.citygrid.demo.Console
import org.citygrid.bench.testing.BenchFolders
import spock.lang.Shared
import spock.lang.Specification

/**
 * LIVE, about 50-90 seconds: the end-to-end benchmark at a tiny size (two short steps, one-second baselines) on the
 * services' builds (./gridcity test writes their class path files, as for DemoLiveSpec). It checks the shape and
 * sense of the results, never how fast anything was: speed is what the printed table is for.
 */
class E2eBenchSpec extends Specification {
    @Shared E2eBenchOptions options = new E2eBenchOptions(BenchFolders.ROOT,
            BenchFolders.of('bench-e2e'),
            BenchFolders.of('bench-e2e-out'), [1d, 2d], Duration.ofSeconds(4), 8,
            // thresholds no step can cross: the spec wants both steps, whatever the machine's load
            Duration.ofSeconds(600), 0.0001, Duration.ofSeconds(45), 20, Duration.ofSeconds(1), Duration.ofSeconds(180))
    @Shared E2eReport report
    @Shared String printed

    def setupSpec() {
        def console = new ByteArrayOutputStream()
        report = new E2eBench(options, new Console(new PrintStream(console, true))).run()
        printed = console.toString()
    }

    def "the ladder has a row for every step, each with raises sent and settled downstream"() {
        expect:
        report.steps()*.offered() == [1d, 2d]
        report.steps().every { it.sent() > 0 && it.cases() > 0 && it.missing() == 0 && it.broken() == null }
        report.table().readLines().count { it ==~ /^\s+[12]\.0 .*\bok$/ } == 2
    }

    def "every step has positive, ordered percentiles from reading to dispatched case and to intent"() {
        expect:
        report.steps().every { ordered(it.dispatched()) && ordered(it.intent()) }
    }

    def "the four raw baselines have a row each, with positive, ordered percentiles"() {
        expect:
        report.baselines()*.name() == [E2eReport.KAFKA, E2eReport.STREAMS, E2eReport.POSTGIS, E2eReport.COAP]
        report.baselines().every { it.latency().count() == 20 && ordered(it.latency()) }
        report.baselines()*.name().every { report.table().contains(it) }
    }

    def "the cost per 1,000 alarm edges is measured from both child JVMs"() {
        expect:
        report.steps().every { it.cloudCpuPer1000() > 0 && it.edgeCpuPer1000() > 0 }
    }

    def "the chart is one HTML file with an inline SVG and nothing fetched from elsewhere"() {
        when:
        def html = Files.readString(E2eBenchMain.write(report, options.outDir()))

        then:
        html.contains('<svg xmlns="http://www.w3.org/2000/svg"')
        html.count('<polyline') == 4
        html.count('stroke-dasharray="6 4" stroke-width="2"/>') == 4
        !(html =~ /(?i)<script|<link|src=|href=/)
    }

    def "the services were stopped"() {
        expect:
        printed.contains('Kafka broker stopped')
        printed.contains('PostgreSQL stopped')
    }

    private static boolean ordered(Percentiles p) {
        p.count() > 0 && p.p50() > 0 && p.p50() <= p.p95() && p.p95() <= p.p99()
    }
}
