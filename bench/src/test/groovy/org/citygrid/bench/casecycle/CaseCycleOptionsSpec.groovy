package org.citygrid.bench.casecycle

import java.nio.file.Path
import java.time.Duration
import org.citygrid.demo.DemoException
import spock.lang.Specification

class CaseCycleOptionsSpec extends Specification {
    static final Path ROOT = Path.of('/checkout')

    def "without options: 30 s of warm-up, 100 reports/s for 30 s, a burst of 3,000, three repetitions"() {
        when:
        def o = CaseCycleOptions.parse([], ROOT, Path.of('/here'))

        then:
        o.warmup() == Duration.ofSeconds(30)
        o.rate() == 100d
        o.paced() == Duration.ofSeconds(30)
        o.pacedReports() == 3000
        o.warmupReports() == 3000
        o.burst() == 3000
        o.repetitions() == 3
        o.minShare() == 0.95d
        o.drain() == Duration.ofSeconds(120)
        o.quiet() == Duration.ofSeconds(6)
        o.grids() == 3000
        o.dataDir() == ROOT.resolve('bench/target/case-cycle-data')
        !o.notificationsV1()
    }

    def "options change the sizes; a relative data folder is where the command was typed"() {
        when:
        def o = CaseCycleOptions.parse(['--warmup-seconds', '0.5', '--rate', '20', '--paced-seconds', '1.5',
                                        '--burst', '40', '--repetitions', '2', '--quiet-seconds', '0',
                                        '--grids', '300', '--data', 'run', '--notifications-v1', 'on'], ROOT, Path.of('/here'))

        then:
        o.warmupReports() == 10
        o.pacedReports() == 30
        o.burst() == 40
        o.repetitions() == 2
        o.quiet() == Duration.ZERO
        o.grids() == 300
        o.dataDir() == Path.of('/here/run')
        o.notificationsV1()
    }

    def "a wrong option says what is wrong: #args"() {
        when:
        CaseCycleOptions.parse(args, ROOT, ROOT)

        then:
        def e = thrown(DemoException)
        e.message.startsWith(message)

        where:
        args                                   || message
        ['--rate', '0']                        || '--rate must be above 0, not 0'
        ['--burst', 'many']                    || "--burst wants a whole number, not 'many'"
        ['--repetitions', '0']                 || '--repetitions must be at least 1, not 0'
        ['--rate', '1', '--paced-seconds', '1'] || '--rate x --paced-seconds must give at least 2 reports, not 1'
        ['--grids', '99']                      || '--grids must be at least 100, not 99'
        ['--notifications-v1', 'yes']          || "--notifications-v1 is on or off, not 'yes'"
        ['--grids', '50001']                   || '--grids must be at most 50000, not 50001'
        ['--fast']                             || "unknown option '--fast'"
    }
}
