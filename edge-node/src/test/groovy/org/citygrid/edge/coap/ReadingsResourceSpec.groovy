package org.citygrid.edge.coap

import static org.citygrid.edge.testkit.Coap.*

import java.time.Instant
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.edge.testkit.Senml
import org.citygrid.model.intake.AlarmState
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.wire.WireCodec
import org.eclipse.californium.core.coap.CoAP.ResponseCode
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** POST /s/{deviceId} over plain development CoAP: what an accepted pack becomes. */
class ReadingsResourceSpec extends Specification {

    static final double T0 = 1_772_413_200 // 2026-03-02T01:00:00Z

    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start()
    Endpoint client = edge.plainClient()

    def "a #format pack with base name and base time that crosses the threshold raises one alarm, durable before the 2.04"() {
        when:
        def response = post(client, edge.plainUri('s/mc-0042'), payload, contentFormat)

        then:
        response.code == ResponseCode.CHANGED

        and: 'the alarm is in the outbox, readable with the shared wire codec'
        def records = edge.outboxRecords()
        records.size() == 1
        with(records[0]) {
            intakeId() == 'edge-dc01:mc-0042:ep-1:RAISED'
            sensorType() == 'manhole-tilt'
            deviceId() == 'mc-0042'
            alarm().state() == AlarmState.RAISED
            alarm().value() == 23.5d
            alarm().threshold() == 15d
            observedAt() == Instant.ofEpochSecond((long) T0 + 60)
        }

        where:
        format | contentFormat | payload
        'JSON' | SENML_JSON    | json([[bn: 'urn:dev:mc-0042:', bt: T0, bu: 'deg', n: 'tilt', v: 3.0], [n: 'tilt', t: 60, v: 23.5]])
        'CBOR' | SENML_CBOR    | Senml.cbor([[bn: 'urn:dev:mc-0042:', bt: T0, bu: 'deg', n: 'tilt', v: 3.0], [n: 'tilt', t: 60, v: 23.5]])
    }

    def "readings that stay below the threshold are accepted and leave nothing to forward"() {
        when:
        def response = post(client, edge.plainUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 2.0], [n: 'tilt', u: 'deg', t: 10, v: 4.0]]), SENML_JSON)

        then:
        response.code == ResponseCode.CHANGED
        edge.node.outbox().nextOffset() == 0
        edge.node.metrics().readingsAccepted() == 2
    }

    def "a raised alarm clears once when the value falls back within the clear threshold"() {
        given:
        post(client, edge.plainUri('s/mc-0042'), json([[bt: T0, n: 'tilt', u: 'deg', v: 30]]), SENML_JSON)

        when: 'the device goes on reporting a high value, then a low one, then more low ones'
        [20, 3, 2, 1].eachWithIndex { v, i ->
            assert post(client, edge.plainUri('s/mc-0042'), json([[bt: T0 + 10 * (i + 1), n: 'tilt', u: 'deg', v: v]]), SENML_JSON).code == ResponseCode.CHANGED
        }

        then:
        edge.outboxRecords()*.intakeId() == ['edge-dc01:mc-0042:ep-1:RAISED', 'edge-dc01:mc-0042:ep-1:CLEARED']
    }

    def "a street lamp has no alarm rule yet, so its readings are accepted and counted as without a rule"() {
        when:
        def response = post(client, edge.plainUri('s/lamp-3'), json([[n: 'on', vb: false]]), SENML_JSON)

        then:
        response.code == ResponseCode.CHANGED
        edge.node.metrics().readingsWithoutRule() == 1
        edge.node.outbox().nextOffset() == 0
    }
}
