package org.citygrid.bench.casecycle

import java.nio.file.Path
import java.time.Duration
import org.citygrid.bench.measure.Percentiles
import spock.lang.Specification

import static org.citygrid.bench.casecycle.CaseCycleReport.CASE_CYCLE
import static org.citygrid.bench.casecycle.CaseCycleReport.PASS_THROUGH

class CaseCycleReportSpec extends Specification {
    static final CaseCycleOptions OPTIONS = CaseCycleOptions.parse([], Path.of('/checkout'), Path.of('/checkout'))

    def "the last line gives the median ratios over the repetitions and the case cycle's mean writes per report"() {
        given: 'pass-through p50 100 ms and 2,000 reports/s; the case cycle 8x, 9x, 10x as slow and 0.10-0.20x as fast'
        def report = report([
                pass(1, 100, 2000), cases(1, 800, 200, 26.0),
                pass(2, 100, 2000), cases(2, 1000, 400, 27.0),
                pass(3, 100, 2000), cases(3, 900, 300, 28.0)])

        expect:
        report.ratios()*.throughput() == [0.1d, 0.2d, 0.15d]
        report.ratios()*.p50() == [8d, 10d, 9d]
        report.table().readLines().last() == 'case-cycle: throughput 0.15× pass-through, p50 9.0× pass-through at 100/s, 27.0 writes per report'
        report.summaryLine() == report.table().readLines().last()
    }

    def "a paced phase that did not keep up gives no latency ratio, and says whose it was"() {
        expect:
        report(measurements).summaryLine() == line

        where:
        measurements                                                                  || line
        [pass(1, 100, 2000), cases(1, 800, 200, 26.0, false)]                          || 'case-cycle: throughput 0.10× pass-through, did not keep up at 100/s, 26.0 writes per report'
        [pass(1, 100, 2000, false), cases(1, 800, 200, 26.0)]                          || 'case-cycle: throughput 0.10× pass-through, pass-through did not keep up at 100/s, 26.0 writes per report'
    }

    def "the table has a row per topology and repetition, in the order they ran, with the writes by topic"() {
        when:
        def table = report([pass(1, 100, 2000), cases(1, 800, 200, 26.0), pass(2, 100, 2000), cases(2, 900, 300, 28.0)]).table()

        then:
        table.readLines().findAll { it ==~ /^(pass-through|case cycle) +\d .*/ }.collect { it.split(/ {2,}/)[0] + it.find(/ \d /) } ==
                ['pass-through 1 ', 'case cycle 1 ', 'pass-through 2 ', 'case cycle 2 ', 'pass-through 1 ', 'case cycle 1 ',
                 'pass-through 2 ', 'case cycle 2 ']
        table.contains('grid.case-events')
        table =~ /(?m)^  all +27\.00 +0\.50$/
    }

    static CaseCycleReport report(List<Measurement> measurements) {
        new CaseCycleReport(OPTIONS, measurements, 2, 1.5, 2.5, Duration.ofMinutes(7))
    }

    static Measurement pass(int rep, double p50, double perSecond, boolean keptUp = true) {
        measurement(PASS_THROUGH, rep, p50, perSecond, ['bench.pass-out': new Measurement.TopicWrites(1, 0.2, 0)], keptUp)
    }

    static Measurement cases(int rep, double p50, double perSecond, double records, boolean keptUp = true) {
        measurement(CASE_CYCLE, rep, p50, perSecond, ['grid.case-events': new Measurement.TopicWrites(3, 0.2, 0),
                                                      'citygrid-case-cycle-sla-alarms-changelog': new Measurement.TopicWrites(records - 3, 0.3, 0)],
                keptUp)
    }

    static Measurement measurement(String topology, int rep, double p50, double perSecond, Map writes, boolean keptUp) {
        def latency = new Percentiles(3000, p50, p50 * 2, p50 * 3)
        def cpu = new CpuSample(1, 2, 0.5, 0.7)
        new Measurement(topology, rep, new PacedResult(100, 3000, 0, 0, keptUp ? 100 : 60, keptUp, latency, 1),
                new BurstResult(3000, 0, 0, perSecond, latency), writes, ['__consumer_offsets': 0.5d], cpu, cpu)
    }
}
