package org.citygrid.edge.coap

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import groovy.json.JsonSlurper
import org.citygrid.edge.testkit.EdgeFixture
import org.eclipse.californium.core.coap.LinkFormat
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** GET /.well-known/core (RFC 6690) and GET /health. */
class DiscoveryAndHealthSpec extends Specification {

    @Shared
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([plain: false])
    @Shared
    Endpoint device = edge.dtls('mc-0042')

    def "/.well-known/core lists #path with resource type #rt and content-formats #ct"() {
        when:
        def response = client(edge.dtlsUri('.well-known/core'), device).get()
        def links = LinkFormat.parse(response.responseText).collectEntries { [it.URI, it.attributes] }

        then:
        response.code == CONTENT
        response.options.contentFormat == 40 // application/link-format
        links[path] != null
        links[path].getAttributeValues('rt') == [rt]
        links[path].getAttributeValues('ct') as Set == ct as Set
        links[path].containsAttribute('obs') == observable

        where:
        path      | rt                 | ct           | observable
        '/s'      | 'citygrid.readings' | ['110', '112'] | false
        '/r'      | 'citygrid.report'  | ['50', '60'] | false
        '/config' | 'citygrid.config'  | ['50', '60'] | true
        '/health' | 'citygrid.health'  | ['50']       | false
    }

    def "/health answers with status, counters and the outbox depth as JSON"() {
        given:
        post(device, edge.dtlsUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 40]]), SENML_JSON)

        when:
        def response = client(edge.dtlsUri('health'), device).get()
        def health = new JsonSlurper().parseText(response.responseText)

        then:
        response.code == CONTENT
        response.options.contentFormat == JSON
        health.status == 'ok'
        health.node == 'edge-dc01'
        health.accepted.readings == 1
        health.accepted.alarmsRaised == 1
        health.rejected.malformed == 0
        health.outbox.depth == 1
        health.forwarding == false
    }
}
