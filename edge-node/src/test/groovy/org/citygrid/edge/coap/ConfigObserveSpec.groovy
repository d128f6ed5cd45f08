package org.citygrid.edge.coap

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import groovy.json.JsonSlurper
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import org.citygrid.edge.metrics.RejectReason
import org.citygrid.edge.testkit.EdgeFixture
import org.eclipse.californium.core.CoapHandler
import org.eclipse.californium.core.CoapObserveRelation
import org.eclipse.californium.core.CoapResponse
import org.eclipse.californium.core.coap.MediaTypeRegistry
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** GET /config/{deviceId}, observable: thresholds pushed to devices when the rules file changes. */
class ConfigObserveSpec extends Specification {

    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([plain: false])
    Endpoint manhole = edge.dtls('mc-0042')
    Endpoint gauge = edge.dtls('wl-0007')
    List<CoapObserveRelation> relations = []

    def cleanup() {
        relations*.proactiveCancel()
    }

    /** Notifications as they arrive, the first being the answer to the registering GET. */
    LinkedBlockingQueue<Map> observe(Endpoint device, String deviceId) {
        def queue = new LinkedBlockingQueue<Map>()
        def relation = client(edge.dtlsUri("config/$deviceId"), device).observe(new CoapHandler() {
            void onLoad(CoapResponse r) { queue.add(new JsonSlurper().parseText(r.responseText) as Map) }
            void onError() { queue.add([error: true]) }
        })
        relations << relation
        queue
    }

    static Map next(LinkedBlockingQueue<Map> queue) {
        def n = queue.poll(30, TimeUnit.SECONDS)
        assert n != null: 'no notification arrived'
        n
    }

    Map rulesWith(String type, Map change) {
        def rules = EdgeFixture.RULES.collectEntries { k, v -> [k, new LinkedHashMap(v)] }
        rules[type].putAll(change)
        rules
    }

    def "a #format GET returns the device's thresholds and reporting interval"() {
        when:
        def response = client(edge.dtlsUri('config/mc-0042'), manhole).get(accept)
        def config = accept == CBOR ? CBOR_MAPPER.readValue(response.payload, Map) : new JsonSlurper().parseText(response.responseText)

        then:
        response.code == CONTENT
        response.options.contentFormat == accept
        config.device == 'mc-0042'
        config.sensorType == 'manhole-tilt'
        config.quantity == 'tilt'
        config.unit == 'deg'
        config.raiseAt == 15.0
        config.clearAt == 5.0
        config.reportingIntervalSeconds == 300

        where:
        format | accept
        'JSON' | JSON
        'CBOR' | CBOR
    }

    def "an observer of a manhole sensor is notified with the new threshold when the rules file changes"() {
        given:
        def notifications = observe(manhole, 'mc-0042')
        assert next(notifications).raiseAt == 15.0

        when:
        edge.rewriteRules(rulesWith('manhole-tilt', [raiseAt: 20, reportingIntervalSeconds: 120]))

        then:
        with(next(notifications)) {
            raiseAt == 20.0
            reportingIntervalSeconds == 120
        }
    }

    def "a change to another sensor type's rule does not notify the device"() {
        given:
        def notifications = observe(gauge, 'wl-0007')
        assert next(notifications).raiseAt == 0.3

        when: 'first the manhole rule changes, then the water-level rule'
        edge.rewriteRules(rulesWith('manhole-tilt', [raiseAt: 25]))
        new PollingConditions(timeout: 30).eventually {
            assert client(edge.dtlsUri('config/mc-0042'), manhole).get().responseText.contains('"raiseAt":25.0')
        }
        edge.rewriteRules(rulesWith('manhole-tilt', [raiseAt: 25]).tap { it['water-level'].raiseAt = 0.5 })

        then: 'the gauge hears only of its own rule: its next notification already carries it'
        next(notifications).raiseAt == 0.5
    }

    def "a rules file that does not parse is ignored: devices keep the last good thresholds"() {
        given:
        def notifications = observe(manhole, 'mc-0042')
        next(notifications)

        when:
        java.nio.file.Files.writeString(edge.dir.resolve('rules.json'), '{"manhole-tilt": {"quantity": "tilt", "raiseAt": ')
        new PollingConditions(timeout: 30).eventually {
            assert edge.node.metrics().rulesReloadFailures() >= 1
        }

        then: 'the node still works with the old rule'
        new JsonSlurper().parseText(client(edge.dtlsUri('config/mc-0042'), manhole).get().responseText).raiseAt == 15.0

        when: 'the operator fixes the file'
        edge.rewriteRules(rulesWith('manhole-tilt', [raiseAt: 18]))

        then: 'the next notification is the fixed rule, none came for the broken file'
        next(notifications).raiseAt == 18.0
    }

    def "a device cannot read another device's config"() {
        when:
        def response = client(edge.dtlsUri('config/wl-0007'), manhole).get()

        then:
        response.code == FORBIDDEN
        response.responseText.startsWith('forbidden: ')
        edge.node.metrics().rejectedCount(RejectReason.FORBIDDEN) == 1
    }

    def "asking for config in a format the node does not write is refused with 4.06"() {
        when:
        def response = client(edge.dtlsUri('config/mc-0042'), manhole).get(MediaTypeRegistry.TEXT_PLAIN)

        then:
        response.code == NOT_ACCEPTABLE
        response.responseText.contains('application/json (50)')
    }
}
