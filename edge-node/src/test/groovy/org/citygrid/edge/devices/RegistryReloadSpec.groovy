package org.citygrid.edge.devices

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import groovy.json.JsonOutput
import java.nio.file.Files
import org.citygrid.edge.testkit.EdgeFixture
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** The operator edits the device registry while the node runs: revocations and new devices apply without a restart. */
class RegistryReloadSpec extends Specification {

    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([plain: false])

    def tilt(Endpoint endpoint, String id) {
        post(endpoint, edge.dtlsUri("s/$id"), json([[n: 'tilt', u: 'deg', v: 2]]), SENML_JSON)
    }

    def "a device revoked in the file is refused on its open session and cannot start a new one"() {
        given:
        def open = edge.dtls('mc-0042')
        assert tilt(open, 'mc-0042').code == CHANGED

        when:
        edge.rewriteDevices(EdgeFixture.devicesWith { it.find { d -> d.id == 'mc-0042' }.revoked = true })

        then: 'its open session is refused request by request'
        new PollingConditions(timeout: 10).eventually {
            assert tilt(open, 'mc-0042').code == FORBIDDEN
        }

        when: 'it tries a fresh handshake'
        tilt(edge.dtls('mc-0042', true), 'mc-0042')

        then:
        thrown(IOException)
    }

    def "a device added to the file can connect without a restart"() {
        when:
        edge.rewriteDevices(EdgeFixture.devicesWith {
            it << [id: 'mc-0100', pskIdentity: 'mc-0100', key: EdgeFixture.key('mc-0100'), sensorType: 'manhole-tilt',
                   position: [lon: 116.4034, lat: 39.9147], neighbourhood: EdgeFixture.NEIGHBOURHOOD, revoked: false]
        })

        then:
        new PollingConditions(timeout: 60, delay: 0.5).eventually {
            // refused quickly while the file is not reloaded yet, but with time for a handshake on a loaded machine
            Endpoint attempt = edge.keep(dtlsEndpoint('mc-0100', EdgeFixture.key('mc-0100'), 1000, 2))
            try {
                assert tilt(attempt, 'mc-0100').code == CHANGED
            } catch (IOException e) {
                throw new AssertionError('not registered yet: ' + e.message)
            }
        }
    }

    def "a registry version with #problem is ignored: registered devices keep working"() {
        given:
        def open = edge.dtls('wl-0007')

        when:
        Files.writeString(edge.dir.resolve('devices.json'), content)
        new PollingConditions(timeout: 10).eventually {
            assert edge.node.metrics().registryReloadFailures() >= 1
        }

        then: 'open sessions and new handshakes both still work with the last good registry'
        post(open, edge.dtlsUri('s/wl-0007'), json([[n: 'level', u: 'm', v: 0.05]]), SENML_JSON).code == CHANGED
        tilt(edge.dtls('mc-0042'), 'mc-0042').code == CHANGED

        where:
        problem                           | content
        'a syntax error'                  | '[{"id": "wl-0007", '
        'a key shorter than 16 bytes'     | JsonOutput.toJson(EdgeFixture.devicesWith { it.find { d -> d.id == 'mc-0042' }.key = 'short-key' })
    }
}
