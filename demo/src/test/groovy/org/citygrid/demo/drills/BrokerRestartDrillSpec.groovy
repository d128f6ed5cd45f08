package org.citygrid.demo.drills

import java.time.Duration

/**
 * LIVE, about 90 seconds: the broker-restart fault drill at a small size ({@link SmallDrill}), run once for both
 * features. The Kafka broker is SIGKILLed under the sensors' load, stays down for 5 s and starts again on the same
 * data; the edge node and cloud-backend keep running throughout.
 */
class BrokerRestartDrillSpec extends LiveDrill {
    SmallDrill newDrill() {
        new SmallDrill(Fault.BROKER_RESTART, Duration.ofSeconds(5))
    }

    def "edge outbox and case cycle ride out a broker killed under load: one transition per acknowledged edge on grid.case-events"() {
        expect: 'the broker really went down under load, and the other services were not restarted'
        edgesAcknowledgedBeforeAndAfterTheFault()
        drill.log('kafka/broker.log').contains('killing broker (SIGKILL)')
        drill.log('logs/edge-1.log').count('=== demo: starting edge-1') == 1
        drill.log('logs/cloud-backend.log').count('=== demo: starting cloud-backend') == 1

        and: 'every acknowledged edge is in grid.intake and made exactly one transition on the topic'
        count.acknowledged().every { count.downstream().intakeById().containsKey(it.intakeId()) }
        caseCycleCountedEveryEdgeOnce()
    }

    def "the read model, after the broker was killed under load, has every acknowledged edge's transition once"() {
        expect:
        readModelCountedEveryEdgeOnce()
    }
}
