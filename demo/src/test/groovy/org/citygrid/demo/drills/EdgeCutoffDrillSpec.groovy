package org.citygrid.demo.drills

import java.time.Duration

/**
 * LIVE, about 90 seconds: the edge-cutoff fault drill at a small size ({@link SmallDrill#throughout}), run once for
 * both features. The edge node's uplink to the broker is cut for 40 s under the sensors' load, longer than its
 * producer's delivery.timeout.ms (30 s), so the forwarder's sends really time out; then it is restored. No process
 * is restarted, and cloud-backend keeps its own connection to the broker throughout.
 */
class EdgeCutoffDrillSpec extends LiveDrill {
    SmallDrill newDrill() {
        SmallDrill.throughout(Fault.EDGE_CUTOFF, Duration.ofSeconds(40))
    }

    def "an edge cut off from the broker keeps acknowledging from its outbox and forwards the backlog once restored, each edge once"() {
        expect: 'the node acknowledged edges during the cut, and none of them reached grid.intake while it lasted'
        edgesAcknowledgedBeforeAndAfterTheFault()
        count.acknowledgedWhileDown() > 0
        List<Integer> seenDuringCut = (drill.output() =~ /(\d+) of them in grid\.intake/).collect { it[1] as int }
        !seenDuringCut.empty
        seenDuringCut.every { it == 0 }

        and: 'its producer met the dead link (timeouts, not a refusal), and no process was restarted'
        drill.log('logs/edge-1.log').contains('event=forward-failed')
        drill.log('logs/edge-1.log').count('=== demo: starting edge-1') == 1
        drill.log('logs/cloud-backend.log').count('=== demo: starting cloud-backend') == 1

        and: 'after the restore every edge acknowledged during the cut is in grid.intake, with one transition on the topic'
        count.acknowledgedWhileDownInIntake() == count.acknowledgedWhileDown()
        caseCycleCountedEveryEdgeOnce()
    }

    def "the read model, after the edge was cut off under load, has every acknowledged edge's transition once"() {
        expect:
        readModelCountedEveryEdgeOnce()
    }
}
