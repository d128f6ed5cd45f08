package org.citygrid.demo.drills


/**
 * LIVE, about 100 seconds: the streams-kill fault drill at a small size ({@link SmallDrill}), run once for both
 * features. cloud-backend (the Kafka Streams case cycle and the PostGIS projection, one JVM) is SIGKILLed under
 * the sensors' load and started again on the same state directory.
 */
class StreamsKillDrillSpec extends LiveDrill {
    SmallDrill newDrill() {
        new SmallDrill(Fault.STREAMS_KILL)
    }

    def "the case cycle, killed with SIGKILL under load, writes exactly one transition per acknowledged edge to grid.case-events"() {
        expect: 'the kill really happened under load: edges were acknowledged before it and after the restart'
        edgesAcknowledgedBeforeAndAfterTheFault()
        drill.log('logs/cloud-backend.log').count('=== demo: starting cloud-backend') == 2

        and:
        caseCycleCountedEveryEdgeOnce()
    }

    def "the read model, after cloud-backend was killed with SIGKILL under load, has every acknowledged edge's transition once"() {
        expect:
        readModelCountedEveryEdgeOnce()
    }
}
