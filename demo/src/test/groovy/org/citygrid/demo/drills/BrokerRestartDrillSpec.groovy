package org.citygrid.demo.drills

import java.time.Duration
import spock.lang.PendingFeature
import spock.lang.Shared
import spock.lang.Specification

/**
 * LIVE, about 100 seconds: the broker-restart fault drill at a small size ({@link SmallDrill}), run once for both
 * features. The Kafka broker is SIGKILLed under the sensors' load, stays down for 5 s and starts again on the same
 * data; the edge node and cloud-backend keep running throughout.
 */
class BrokerRestartDrillSpec extends Specification {
    @Shared
    SmallDrill drill = new SmallDrill(Fault.BROKER_RESTART, Duration.ofSeconds(5))
    @Shared
    DrillCount count

    def setupSpec() {
        count = drill.run()
    }

    def "edge outbox and case cycle ride out a broker killed under load: one transition per acknowledged edge on grid.case-events"() {
        expect: 'the broker really went down under load, and the other services were not restarted'
        count.acknowledgedBeforeFault() > 0
        count.acknowledgedAfterFault() > 0
        drill.log('kafka/broker.log').contains('killing broker (SIGKILL)')
        drill.log('logs/edge-1.log').count('=== demo: starting edge-1') == 1
        drill.log('logs/cloud-backend.log').count('=== demo: starting cloud-backend') == 1

        and: 'every acknowledged edge is in grid.intake and made exactly one transition on the topic'
        count.acknowledged().every { count.downstream().intakeById().containsKey(it.intakeId()) }
        count.lostBeforeReadModel() == 0
        count.duplicatedBeforeReadModel() == 0
        count.downstream().caseCycle().casesWithGaps() == 0
    }

    @PendingFeature(reason = '''the projection meets the backlog the outage left in one batch, with a raise and a clear
        of one sensor: SensorRows' rewritten multi-row upsert fails ("cannot affect row a second time") and the batch
        is retried for ever (docs/drills.md)''')
    def "the read model, after the broker was killed under load, has every acknowledged edge's transition once"() {
        expect:
        count.lost() == 0
        count.duplicated() == 0
        drill.output().contains('PASS: no acknowledged event or case transition was lost or duplicated')
    }
}
