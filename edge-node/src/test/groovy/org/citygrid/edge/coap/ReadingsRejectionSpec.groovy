package org.citygrid.edge.coap

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import org.citygrid.edge.metrics.RejectReason
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.model.wire.WireCodec
import org.eclipse.californium.core.coap.Request
import org.eclipse.californium.core.network.Endpoint
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * Every kind of bad reading gets a 4.xx with a diagnostic the device's developer can act on, is
 * counted under its reason, and leaves the outbox exactly as it was.
 */
class ReadingsRejectionSpec extends Specification {

    @Shared
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([maxReadingsBytes: 2048])
    @Shared
    Endpoint client = edge.plainClient()

    def setupSpec() {
        // one alarm already stored, so each case can show it stays untouched
        assert post(client, edge.plainUri('s/wl-0007'), json([[n: 'level', u: 'm', v: 0.5]]), SENML_JSON).code == CHANGED
    }

    def "#problem is refused with #code and counted as #reason"() {
        given:
        def before = edge.node.outbox().read(0, 100)
        def counted = edge.node.metrics().rejectedCount(reason)

        when:
        def response = post(client, edge.plainUri(path), payload, format)

        then: 'the device learns what was wrong'
        response.code == code
        response.options.contentFormat == 0 // text/plain: for a person
        response.responseText.startsWith(reason.label() + ': ')
        response.responseText.contains(mentions)

        and: 'it is counted under its reason'
        edge.node.metrics().rejectedCount(reason) == counted + 1

        and: 'nothing reached the outbox and what was in it is intact'
        def after = edge.node.outbox().read(0, 100)
        after.size() == before.size()
        after.collect { WireCodec.intake().read(it.value()).intakeId() } == ['edge-dc01:wl-0007:ep-1:RAISED']

        where:
        problem                           | path          | format      | payload                                              || code                       | reason                                  | mentions
        'text/plain readings'             | 's/mc-0042'   | 0           | text('tilt=20')                                      || UNSUPPORTED_CONTENT_FORMAT | RejectReason.UNSUPPORTED_CONTENT_FORMAT | '(110)'
        'plain JSON instead of SenML'     | 's/mc-0042'   | JSON        | json([[n: 'tilt', v: 1]])                            || UNSUPPORTED_CONTENT_FORMAT | RejectReason.UNSUPPORTED_CONTENT_FORMAT | '50'
        'no content-format at all'        | 's/mc-0042'   | null        | json([[n: 'tilt', v: 1]])                            || UNSUPPORTED_CONTENT_FORMAT | RejectReason.UNSUPPORTED_CONTENT_FORMAT | 'senml'
        'truncated SenML JSON'            | 's/mc-0042'   | SENML_JSON  | text('[{"n":"tilt","v":')                            || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed SenML JSON'
        'a SenML object, not an array'    | 's/mc-0042'   | SENML_JSON  | json([n: 'tilt', v: 1])                              || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed SenML JSON'
        'an empty pack'                   | 's/mc-0042'   | SENML_JSON  | json([])                                             || BAD_REQUEST                | RejectReason.MALFORMED                  | 'at least one record'
        'an empty payload'                | 's/mc-0042'   | SENML_JSON  | new byte[0]                                          || BAD_REQUEST                | RejectReason.MALFORMED                  | 'empty payload'
        'a record without a value'        | 's/mc-0042'   | SENML_JSON  | json([[n: 'tilt', u: 'deg']])                        || BAD_REQUEST                | RejectReason.MALFORMED                  | 'has no value'
        'a name SenML does not allow'     | 's/mc-0042'   | SENML_JSON  | json([[n: ' tilt', v: 1]])                           || BAD_REQUEST                | RejectReason.MALFORMED                  | 'not a valid SenML name'
        'a number written as text'        | 's/mc-0042'   | SENML_JSON  | json([[n: 'tilt', v: '20']])                         || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed SenML JSON'
        'a boolean written as text'       | 's/lamp-3'    | SENML_JSON  | json([[n: 'on', vb: 'true']])                        || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed SenML JSON'
        'a name written as a number'      | 's/mc-0042'   | SENML_JSON  | json([[n: 5, v: 1]])                                 || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed SenML JSON'
        'trailing bytes after the pack'   | 's/mc-0042'   | SENML_JSON  | text('[{"n":"tilt","v":1}] []')                      || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed SenML JSON'
        'bytes that are not CBOR'         | 's/mc-0042'   | SENML_CBOR  | [0xff, 0x00, 0x13] as byte[]                         || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed SenML CBOR'
        'JSON sent as SenML CBOR'         | 's/mc-0042'   | SENML_CBOR  | json([[n: 'tilt', v: 1]])                            || BAD_REQUEST                | RejectReason.MALFORMED                  | 'SenML CBOR'
        'a unit with a line break'        | 's/mc-0042'   | SENML_JSON  | json([[n: 'tilt', u: 'deg\nforged: log line', v: 1]]) || BAD_REQUEST              | RejectReason.INVALID_TEXT               | 'u of record 0 must be one line: remove the line break or tab (U+000A) at character 4'
        'a base unit of 65 characters'    | 's/mc-0042'   | SENML_JSON  | json([[bu: 'd' * 65, n: 'tilt', v: 1]])              || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'at most 64 characters'
        'a device id with a line feed'    | 's/mc%0A42'   | SENML_JSON  | json([[n: 'tilt', u: 'deg', v: 20]])                 || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'device may only have letters, digits and . _ -'
        'a tilt in radians'               | 's/mc-0042'   | SENML_JSON  | json([[n: 'tilt', u: 'rad', v: 0.5]])                || BAD_REQUEST                | RejectReason.UNIT_MISMATCH              | "'deg'"
        'a tilt beyond physical range'    | 's/mc-0042'   | SENML_JSON  | json([[n: 'tilt', u: 'deg', v: 720]])                || BAD_REQUEST                | RejectReason.OUT_OF_RANGE               | '[0.0, 180.0]'
        'a negative water level'          | 's/wl-0007'   | SENML_JSON  | json([[n: 'level', u: 'm', v: -3]])                  || BAD_REQUEST                | RejectReason.OUT_OF_RANGE               | 'physical range'
        'a field device posting readings' | 's/fd-01'     | SENML_JSON  | json([[n: 'tilt', u: 'deg', v: 1]])                  || BAD_REQUEST                | RejectReason.NOT_A_SENSOR               | '/r'
        'an unregistered device'          | 's/mc-7777'   | SENML_JSON  | json([[n: 'tilt', u: 'deg', v: 20]])                 || NOT_FOUND                  | RejectReason.UNKNOWN_DEVICE             | 'mc-7777'
        "another neighbourhood's device"  | 's/mc-next'   | SENML_JSON  | json([[n: 'tilt', u: 'deg', v: 20]])                 || NOT_FOUND                  | RejectReason.UNKNOWN_DEVICE             | 'mc-next'
        'a revoked device'                | 's/mc-0099'   | SENML_JSON  | json([[n: 'tilt', u: 'deg', v: 20]])                 || FORBIDDEN                  | RejectReason.FORBIDDEN                  | 'revoked'
        'no device in the path'           | 's'           | SENML_JSON  | json([[n: 'tilt', u: 'deg', v: 20]])                 || NOT_FOUND                  | RejectReason.UNKNOWN_DEVICE             | '/s/{deviceId}'
        'a pack over the size limit'      | 's/mc-0042'   | SENML_JSON  | json((1..100).collect { [n: 'tilt', u: 'deg', v: 1] })|| REQUEST_ENTITY_TOO_LARGE  | RejectReason.TOO_LARGE                  | '2048 bytes'
    }

    def "a pack over the readings limit is refused at its first block, before any reassembly, while /r takes its photo's size"() {
        given: 'a client that counts the blocks it sends'
        def blocks = []
        def device = edge.keep(plainEndpoint())
        device.addInterceptor(new MessageInterceptorAdapter() {
            void sendRequest(Request request) {
                if (request.options.hasBlock1()) {
                    blocks << request.options.block1.num
                }
            }
        })
        def pack = json((1..200).collect { [n: 'tilt', u: 'deg', v: 1] })

        when:
        def response = post(device, edge.plainUri('s/mc-0042'), pack, SENML_JSON)

        then: 'the first block announced the size, and the node stopped it there'
        pack.length > 5 * 1024
        response.code == REQUEST_ENTITY_TOO_LARGE
        response.options.size1 == 2048
        response.responseText == 'too-large: this resource takes a body of at most 2048 bytes'
        blocks == [0]
    }

    def "one bad record refuses the whole pack, so a device never half-succeeds"() {
        given:
        def next = edge.node.outbox().nextOffset()

        when:
        def response = post(client, edge.plainUri('s/mc-0042'),
                json([[n: 'tilt', u: 'deg', v: 40], [n: 'tilt', u: 'deg', t: 1, v: 999]]), SENML_JSON)

        then:
        response.code == BAD_REQUEST
        edge.node.outbox().nextOffset() == next
        edge.node.readings().episode('mc-0042').lastSeq() == 0
    }
}
