package org.citygrid.edge.interop

import java.nio.file.Files
import java.util.concurrent.TimeUnit
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.edge.testkit.IntakeTopic
import org.citygrid.model.intake.AlarmState
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * A third-party CoAP stack against the edge node: libcoap's {@code coap-client} (Debian package
 * libcoap3-bin, OpenSSL build) posting SenML over DTLS 1.2 PSK, and the record read back from a real
 * Kafka broker. {@code ./gridcity test} installs the package where it is missing.
 */
class LibcoapClientSpec extends Specification {

    static final String COAP_CLIENT = 'coap-client-openssl'
    static final java.util.regex.Pattern ERROR_CODE = ~/\b[45]\.\d\d\b/
    static final java.util.regex.Pattern ANY_CODE = ~/\b[245]\.\d\d\b/

    @Shared
    @AutoCleanup
    IntakeTopic topic = IntakeTopic.fresh('libcoap')
    @Shared
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([plain: false, kafka: topic.edgeConfig()])

    def setupSpec() {
        def onPath = System.getenv('PATH').split(File.pathSeparator).any { Files.isExecutable(java.nio.file.Path.of(it, COAP_CLIENT)) }
        assert onPath: "$COAP_CLIENT is missing: install Debian's libcoap3-bin (./gridcity test does that for you)"
    }

    /** Runs coap-client and returns [exit code, stdout + stderr]. */
    List coapClient(String... args) {
        // coap-client stays for its whole wait (-B) even after the answer, so the wait is a cost per feature:
        // 10 s covers a first DTLS handshake on a loaded machine, which the 5 s before did not always
        coapClientWaiting(10, args)
    }

    /** Runs coap-client, which waits {@code seconds} (-B) for its answers. */
    List coapClientWaiting(int seconds, String... args) {
        def command = [COAP_CLIENT, '-B', seconds.toString()] + args.toList()
        def process = new ProcessBuilder(command).redirectErrorStream(true).start()
        def output = process.inputStream.text
        assert process.waitFor(seconds + 30, TimeUnit.SECONDS)
        [process.exitValue(), output]
    }

    def "coap-client posts a SenML JSON pack over DTLS PSK and the alarm is read back from Kafka"() {
        when:
        def (exit, output) = coapClient('-m', 'post', '-t', '110', '-u', 'mc-0042', '-k', 'secret-key-of-mc-0042',
                '-e', '[{"bn":"mc-0042/","bt":1772413200,"n":"tilt","u":"deg","v":33.0}]',
                "coaps://127.0.0.1:${edge.node.dtlsPort()}/s/mc-0042")

        then:
        exit == 0
        !(output =~ ERROR_CODE)

        and:
        def consumed = topic.readUntil { it.size() >= 1 }
        consumed*.record()*.intakeId() == ['edge-dc01:mc-0042:ep-1:RAISED']
        with(consumed[0].record()) {
            alarm().state() == AlarmState.RAISED
            alarm().value() == 33d
            deviceId() == 'mc-0042'
        }
    }

    def "coap-client with the wrong key gets no session and nothing is accepted"() {
        given:
        def accepted = edge.node.metrics().readingsAccepted()

        when:
        // the refusal is silence, so coap-client only gives up after its wait: keep that short
        def (exit, output) = coapClientWaiting(5, '-m', 'post', '-t', '110', '-u', 'wl-0007', '-k', 'not-the-key',
                '-e', '[{"n":"level","u":"m","v":0.9}]', "coaps://127.0.0.1:${edge.node.dtlsPort()}/s/wl-0007")

        then:
        !(output =~ ANY_CODE) // libcoap exits 0 here, but no CoAP response of any kind reached it
        edge.node.metrics().readingsAccepted() == accepted
    }

    def "coap-client sees the diagnostic of a refused pack"() {
        when:
        def (exit, output) = coapClient('-m', 'post', '-t', '110', '-u', 'wl-0007', '-k', 'secret-key-of-wl-0007',
                '-e', '[{"n":"level","u":"m","v":99}]', "coaps://127.0.0.1:${edge.node.dtlsPort()}/s/wl-0007")

        then:
        output.contains('4.00')
        output.contains('out-of-range: level = 99.0 m is outside the physical range [0.0, 10.0] of a water-level')
    }
}
