package org.citygrid.demo.drills

import java.nio.file.Files
import java.time.Duration
import org.citygrid.demo.Console
import org.citygrid.demo.testing.DemoProcess
import spock.lang.Specification

/**
 * LIVE, about 70 seconds: the edge-kill fault drill at a small size, on the services' builds (./gridcity
 * test writes their class path files, as for DemoLiveSpec). The broker, PostGIS, cloud-backend and an edge node
 * start as the demo starts them; the node is SIGKILLed in the middle of the sensors' load and started again.
 */
class EdgeKillDrillSpec extends Specification {
    def "an edge node killed with SIGKILL under load loses and duplicates no acknowledged alarm edge or case transition"() {
        given:
        def options = new EdgeKillOptions(DemoProcess.ROOT, DemoProcess.ROOT.resolve('demo/target/demo-specs/edge-kill'),
                8, 10, Duration.ofSeconds(20), Duration.ofSeconds(8), 0.1, Duration.ofSeconds(2),
                Duration.ofSeconds(90), Duration.ofSeconds(180))
        def console = new ByteArrayOutputStream()

        when:
        def count = new EdgeKillDrill(options, new Console(new PrintStream(console, true))).run()
        def output = console.toString()

        then: 'the kill really happened under load: edges were acknowledged before it and after the restart'
        count.acknowledgedBeforeKill() > 0
        count.acknowledgedAfterKill() > 0
        count.readings().unanswered() > 0
        Files.readString(options.dataDir().resolve('logs/edge-1.log')).count('=== demo: starting edge-1') == 2

        and: 'every acknowledged edge is in grid.intake and made exactly one case transition'
        count.lost() == 0
        count.duplicated() == 0
        count.distinctIntakeIds() >= count.acknowledged().size()

        and: 'the count is printed'
        output.contains('PASS: no acknowledged event or case transition was lost or duplicated')
    }
}
