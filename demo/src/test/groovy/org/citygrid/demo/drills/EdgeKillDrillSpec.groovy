package org.citygrid.demo.drills

import spock.lang.Specification

/**
 * LIVE, about 70 seconds: the edge-kill fault drill at a small size ({@link SmallDrill}). The broker, PostGIS,
 * cloud-backend and an edge node start as the demo starts them; the node is SIGKILLed in the middle of the
 * sensors' load and started again.
 */
class EdgeKillDrillSpec extends Specification {
    def "an edge node killed with SIGKILL under load loses and duplicates no acknowledged alarm edge or case transition"() {
        given:
        def drill = new SmallDrill(Fault.EDGE_KILL)

        when:
        def count = drill.run()

        then: 'the kill really happened under load: edges were acknowledged before it and after the restart'
        count.acknowledgedBeforeFault() > 0
        count.acknowledgedAfterFault() > 0
        count.readings().unanswered() > 0
        drill.log('logs/edge-1.log').count('=== demo: starting edge-1') == 2

        and: 'every acknowledged edge is in grid.intake and made exactly one case transition'
        count.lost() == 0
        count.duplicated() == 0
        count.distinctIntakeIds() >= count.acknowledged().size()

        and: 'the count is printed'
        drill.output().contains('PASS: no acknowledged event or case transition was lost or duplicated')
    }
}
