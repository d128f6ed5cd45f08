package org.citygrid.edge.forward

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import java.time.Instant
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.edge.testkit.IntakeTopic
import org.citygrid.model.cases.Channel
import org.citygrid.model.intake.AlarmState
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** From a device's POST over DTLS to a record on a real Kafka broker, read back as the cloud reads it. */
class ForwardingSpec extends Specification {

    static final double T0 = 1_772_413_200 // 2026-03-02T01:00:00Z

    @AutoCleanup
    IntakeTopic topic = IntakeTopic.fresh('forwarding')
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([plain: false, kafka: topic.edgeConfig()])
    Endpoint manhole = edge.dtls('mc-0042')

    def "an alarm raised over DTLS reaches the intake topic in the documented wire format"() {
        when:
        def response = post(manhole, edge.dtlsUri('s/mc-0042'), json([[bn: 'mc-0042/', bt: T0, n: 'tilt', u: 'deg', v: 23.5]]), SENML_JSON)

        then:
        response.code == CHANGED
        def consumed = topic.readUntil { it.size() >= 1 }
        consumed.size() == 1
        with(consumed[0].record()) {
            intakeId() == 'edge-dc01:mc-0042:ep-1:RAISED'
            channel() == Channel.SENSOR
            source() == 'edge-dc01'
            observedAt() == Instant.ofEpochSecond((long) T0)
            sensorType() == 'manhole-tilt'
            deviceId() == 'mc-0042'
            alarm().episodeId() == 'mc-0042:ep-1'
            alarm().state() == AlarmState.RAISED
            alarm().quantity() == 'tilt'
            alarm().value() == 23.5d
            alarm().unit() == 'deg'
            alarm().threshold() == 15d
            position().lon() == 116.40330d
            reporterId() == 'mc-0042'
        }
    }

    def "the outbox cursor moves past a record once Kafka has acknowledged it"() {
        when:
        post(manhole, edge.dtlsUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 40], [n: 'tilt', u: 'deg', t: 1, v: 1]]), SENML_JSON)
        topic.readUntil { it.size() >= 2 }

        then:
        new PollingConditions(timeout: 30).eventually {
            assert edge.node.outbox().acknowledged() == 1
            assert edge.node.outbox().depth() == 0
            assert edge.node.metrics().forwarded() == 2
        }
        topic.ids() == ['edge-dc01:mc-0042:ep-1:RAISED', 'edge-dc01:mc-0042:ep-1:CLEARED']
    }

    def "an alarm's raise and clear are keyed by their device, so they share a partition and arrive in order"() {
        when:
        post(manhole, edge.dtlsUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 40], [n: 'tilt', u: 'deg', t: 1, v: 1]]), SENML_JSON)
        def consumed = topic.readUntil { it.size() >= 2 }

        then:
        consumed*.key() == ['mc-0042', 'mc-0042']
        consumed*.record()*.alarm()*.state() == [AlarmState.RAISED, AlarmState.CLEARED]
    }
}
