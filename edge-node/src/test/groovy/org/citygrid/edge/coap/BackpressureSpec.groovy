package org.citygrid.edge.coap

import static org.citygrid.edge.testkit.Reports.photo
import static org.citygrid.edge.testkit.Reports.report
import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import groovy.json.JsonSlurper
import java.nio.file.Files
import org.citygrid.edge.metrics.RejectReason
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.model.wire.WireCodec
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Specification

/**
 * When Kafka has been away long enough for the outbox to fill its disk budget, devices hear 5.03
 * with Max-Age and keep their data: nothing is dropped silently, and nothing stored is disturbed.
 */
class BackpressureSpec extends Specification {

    // records are ~500 bytes: a few fit, and each gets its own segment so forwarding frees room
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([budgetBytes: 2500, segmentBytes: 400])
    Endpoint client = edge.plainClient()

    /** Posts distinct reports until the node says 5.03; returns every response. */
    List fillUp() {
        def responses = []
        for (int i = 0; i < 20; i++) {
            def r = post(client, edge.plainUri('r'), json(report(id: "rpt-$i", device: 'fd-01')), JSON)
            responses << r
            if (r.code != CREATED) {
                break
            }
        }
        responses
    }

    def "a full outbox answers 5.03 with Max-Age, and every report answered 2.01 is stored"() {
        when:
        def responses = fillUp()
        def refused = responses.last()

        then:
        refused.code == SERVICE_UNAVAILABLE
        refused.options.maxAge == 30
        refused.responseText.startsWith('outbox-full: ')
        edge.node.metrics().rejectedCount(RejectReason.OUTBOX_FULL) == 1

        and:
        def created = responses.findAll { it.code == CREATED }
        created.size() >= 2
        edge.node.outbox().read(0, 100).collect { it.key() } ==
                (0..<created.size()).collect { "edge-dc01:fd-01:r:rpt-$it".toString() }
    }

    def "readings refused for lack of room raise their alarm once when the device sends them again"() {
        given:
        fillUp()

        when: 'a manhole tilts while the outbox is full'
        def refused = post(client, edge.plainUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 40]]), SENML_JSON)

        then:
        refused.code == SERVICE_UNAVAILABLE
        edge.node.readings().episode('mc-0042').lastSeq() == 0

        when: 'Kafka acknowledges what was waiting, and the device comes back after Max-Age'
        edge.node.outbox().acknowledge(edge.node.outbox().nextOffset() - 1)
        def resent = post(client, edge.plainUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 40]]), SENML_JSON)

        then:
        resent.code == CHANGED
        def pending = edge.node.outbox().read(edge.node.outbox().acknowledged() + 1, 100)
        pending.collect { WireCodec.intake().read(it.value()).intakeId() } == ['edge-dc01:mc-0042:ep-1:RAISED']
    }

    def "a report whose photo fits but whose record does not leaves no photo behind to use up the budget"() {
        when: 'the photo alone fits the 2500-byte budget, photo and record together do not'
        def refused = post(client, edge.plainUri('r'), cbor(report(id: 'big', device: 'fd-01', photo: photo(2200))), CBOR)

        then:
        refused.code == SERVICE_UNAVAILABLE
        Files.list(edge.dir.resolve('data/media')).count() == 0

        and: 'the budget is whole again for the next report'
        post(client, edge.plainUri('r'), json(report(id: 'small', device: 'fd-01')), JSON).code == CREATED
    }

    def "/health says degraded once the outbox is nearly full, so an operator hears before devices do"() {
        given:
        def before = new JsonSlurper().parseText(client(edge.plainUri('health'), client).get().responseText)

        when:
        fillUp()
        def after = new JsonSlurper().parseText(client(edge.plainUri('health'), client).get().responseText)

        then:
        before.status == 'ok'
        after.status == 'degraded'
        after.outbox.depth == edge.node.outbox().depth()
        after.rejected.'outbox-full' == 1
    }
}
