package org.citygrid.edge.alarms

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import groovy.json.JsonSlurper
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.model.wire.WireCodec
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** The rules file is the operator's lever: a change applies to the next readings, no restart. */
class AlarmRulesReloadSpec extends Specification {

    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start()
    Endpoint device = edge.plainClient()

    def "a raised threshold applies to the next readings without a restart"() {
        given:
        def rules = EdgeFixture.RULES.collectEntries { k, v -> [k, new LinkedHashMap(v)] }
        rules['manhole-tilt'].raiseAt = 30

        when:
        edge.rewriteRules(rules)
        new PollingConditions(timeout: 30).eventually {
            def config = client(edge.plainUri('config/mc-0042'), device).get()
            assert new JsonSlurper().parseText(config.responseText).raiseAt == 30.0
        }
        def below = post(device, edge.plainUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 20]]), SENML_JSON)
        def above = post(device, edge.plainUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 35]]), SENML_JSON)

        then: '20 degrees raised under the old rule, not under the new one'
        below.code == CHANGED
        above.code == CHANGED
        def records = edge.node.outbox().read(0, 10).collect { WireCodec.intake().read(it.value()) }
        records*.intakeId() == ['edge-dc01:mc-0042:ep-1:RAISED']
        records[0].alarm().value() == 35d
        records[0].alarm().threshold() == 30d
    }
}
