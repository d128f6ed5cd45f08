package org.citygrid.demo.drills

import spock.lang.PendingFeature
import spock.lang.Shared
import spock.lang.Specification

/**
 * LIVE, about 100 seconds: the streams-kill fault drill at a small size ({@link SmallDrill}), run once for both
 * features. cloud-backend (the Kafka Streams case cycle and the PostGIS projection, one JVM) is SIGKILLed under
 * the sensors' load and started again on the same state directory.
 */
class StreamsKillDrillSpec extends Specification {
    @Shared
    SmallDrill drill = new SmallDrill(Fault.STREAMS_KILL)
    @Shared
    DrillCount count

    def setupSpec() {
        count = drill.run()
    }

    def "the case cycle, killed with SIGKILL under load, writes exactly one transition per acknowledged edge to grid.case-events"() {
        expect: 'the kill really happened under load: edges were acknowledged before it and after the restart'
        count.acknowledgedBeforeFault() > 0
        count.acknowledgedAfterFault() > 0
        drill.log('logs/cloud-backend.log').count('=== demo: starting cloud-backend') == 2

        and: 'on the topic, nothing lost, nothing twice, no gap in any case'
        count.lostBeforeReadModel() == 0
        count.duplicatedBeforeReadModel() == 0
        count.downstream().caseCycle().casesWithGaps() == 0
    }

    @PendingFeature(reason = '''cloud-backend's projection stalls after the restart: its first batch holds a raise and a
        clear of one sensor, SensorRows upserts both in one rewritten multi-row INSERT ... ON CONFLICT, PostgreSQL
        refuses ("cannot affect row a second time") and the batch is retried for ever (docs/drills.md)''')
    def "the read model, after cloud-backend was killed with SIGKILL under load, has every acknowledged edge's transition once"() {
        expect:
        count.lost() == 0
        count.duplicated() == 0
        drill.output().contains('PASS: no acknowledged event or case transition was lost or duplicated')
    }
}
