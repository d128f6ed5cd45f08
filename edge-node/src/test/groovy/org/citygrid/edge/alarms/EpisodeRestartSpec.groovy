package org.citygrid.edge.alarms

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import groovy.json.JsonSlurper
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.model.wire.WireCodec
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

/** An open alarm episode is neither raised again nor forgotten when the node restarts. */
class EpisodeRestartSpec extends Specification {

    @TempDir
    java.nio.file.Path dir
    @AutoCleanup
    EdgeFixture edge
    @AutoCleanup('destroy')
    Endpoint device = plainEndpoint()

    void tilt(double value) {
        assert post(device, edge.plainUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: value]]), SENML_JSON).code == CHANGED
    }


    def "after a restart a still-high manhole raises nothing new, and clearing closes the same episode"() {
        given:
        edge = EdgeFixture.start(dir)
        tilt(40)
        edge.close()

        when:
        edge = EdgeFixture.start(dir)
        tilt(45)
        tilt(1)

        then:
        edge.outboxIds() == ['edge-dc01:mc-0042:ep-1:RAISED', 'edge-dc01:mc-0042:ep-1:CLEARED']
    }

    def "episode state is saved before a forwarded segment holding its edge is deleted"() {
        given: 'one record per segment'
        edge = EdgeFixture.start(dir, [segmentBytes: 300])
        tilt(40)
        assert post(device, edge.plainUri('s/wl-0007'), json([[n: 'level', u: 'm', v: 0.9]]), SENML_JSON).code == CHANGED

        when: 'Kafka acknowledges both, so the segment with the manhole edge goes'
        edge.node.outbox().acknowledge(1)

        then:
        def saved = new JsonSlurper().parse(dir.resolve('data/episodes.json').toFile())
        saved['mc-0042'] == [lastSeq: 1, active: true]
    }
}
