package org.citygrid.demo.drills

/**
 * LIVE, about 60 seconds: the edge-kill fault drill at a small size ({@link SmallDrill}). The broker, PostGIS,
 * cloud-backend and an edge node start as the demo starts them; the node is SIGKILLed in the middle of the
 * sensors' load and started again.
 */
class EdgeKillDrillSpec extends LiveDrill {
    SmallDrill newDrill() {
        new SmallDrill(Fault.EDGE_KILL)
    }

    def "an edge node killed with SIGKILL under load loses and duplicates no acknowledged alarm edge or case transition"() {
        expect: 'the kill really happened under load: edges were acknowledged before it and after the restart'
        edgesAcknowledgedBeforeAndAfterTheFault()
        count.readings().unanswered() > 0
        drill.log('logs/edge-1.log').count('=== demo: starting edge-1') == 2

        and: 'every acknowledged edge is in grid.intake and made exactly one case transition, on the topic and in the read model'
        count.distinctIntakeIds() >= count.acknowledged().size()
        caseCycleCountedEveryEdgeOnce()
        readModelCountedEveryEdgeOnce()
    }
}
