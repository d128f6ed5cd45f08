package org.citygrid.edge.coap

import static org.citygrid.edge.testkit.Reports.photo
import static org.citygrid.edge.testkit.Reports.report
import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import java.nio.file.Files
import org.citygrid.edge.metrics.RejectReason
import org.citygrid.edge.testkit.EdgeFixture
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Bad patrol reports: 4.xx with a diagnostic, counted, and nothing filed or stored. */
class ReportsRejectionSpec extends Specification {

    @Shared
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([maxReportBytes: 32 * 1024])
    @Shared
    Endpoint fieldDevice = edge.dtls('fd-01')
    @Shared
    Endpoint plain = edge.plainClient()

    def "#problem is refused with #code and counted as #reason"() {
        given:
        def counted = edge.node.metrics().rejectedCount(reason)

        when:
        def response = post(fieldDevice, edge.dtlsUri('r'), payload, format)

        then:
        response.code == code
        response.responseText.startsWith(reason.label() + ': ')
        response.responseText.contains(mentions)
        edge.node.metrics().rejectedCount(reason) == counted + 1

        and: 'nothing was filed and no photo kept'
        edge.node.outbox().nextOffset() == 0
        Files.list(edge.dir.resolve('data/media')).count() == 0

        where:
        problem                             | format | payload                                                         || code                       | reason                                  | mentions
        'a report as text/plain'            | 0      | text('manhole broken')                                          || UNSUPPORTED_CONTENT_FORMAT | RejectReason.UNSUPPORTED_CONTENT_FORMAT | 'application/json (50)'
        'a report as SenML'                 | 110    | json(report())                                                  || UNSUPPORTED_CONTENT_FORMAT | RejectReason.UNSUPPORTED_CONTENT_FORMAT | 'not 110'
        'truncated JSON'                    | JSON   | text('{"id":"rpt-1","category":')                               || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'bytes that are not CBOR'           | CBOR   | [0xff, 0xff, 0x00] as byte[]                                    || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'a JSON array'                      | JSON   | json([report()])                                                || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'no report id'                      | JSON   | json(report(id: null))                                          || BAD_REQUEST                | RejectReason.MALFORMED                  | 'needs an id'
        'a report id with spaces'           | JSON   | json(report(id: 'my report'))                                   || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'id may only have letters, digits and . _ - (1 to 64 of them): character 3 (U+0020)'
        'a report id of 65 characters'      | JSON   | json(report(id: 'r' * 65))                                      || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'id may have at most 64 characters'
        'a category without its kind'       | JSON   | json(report(category: '0101'))                                  || BAD_REQUEST                | RejectReason.MALFORMED                  | 'C0101 or E0401'
        'a category with five digits'       | JSON   | json(report(category: 'C01011'))                                || BAD_REQUEST                | RejectReason.MALFORMED                  | 'C0101 or E0401'
        'text with an escape sequence'      | JSON   | json(report(text: 'cover \u001b[2J gone'))                      || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'text has a control character (U+001B) at character 7: remove it'
        'text with a right-to-left override' | CBOR  | cbor(report(text: 'bin full \u202Eyrgna'))                      || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'invisible formatting character (U+202E)'
        'text with a script tag'            | JSON   | json(report(text: 'see <script>alert(1)</script>'))             || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'text 只接受纯文本'
        'text of 2001 characters'           | JSON   | json(report(text: '井' * 2001))                                  || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'text may have at most 2000 characters, this one has 2001'
        'a reporter with a space'           | JSON   | json(report(reporter: 'worker 1'))                              || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'reporter may only have letters, digits and . _ @ : -'
        'a reporter not linked to it'       | JSON   | json(report(reporter: 'worker-9'))                              || FORBIDDEN                  | RejectReason.UNLINKED_REPORTER          | 'reporter worker-9 is not a worker linked to device fd-01 in the device registry'
        'a device id with a control char'   | JSON   | json(report(device: 'fd\u000001'))                              || BAD_REQUEST                | RejectReason.INVALID_TEXT               | 'device may only have letters, digits and . _ -'
        'a category written as a number'    | JSON   | json(report(category: 101))                                     || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'no position'                       | JSON   | json(report(position: null))                                    || BAD_REQUEST                | RejectReason.MALFORMED                  | 'position'
        'a position off the globe'          | JSON   | json(report(position: [lon: 116.4, lat: 139.9]))                || BAD_REQUEST                | RejectReason.MALFORMED                  | 'not a WGS 84 position'
        'a position in another city'        | JSON   | json(report(position: [lon: 121.47, lat: 31.23]))               || BAD_REQUEST                | RejectReason.OUTSIDE_NEIGHBOURHOOD      | 'neighbourhood 110101001001'
        'an unreadable observation time'    | JSON   | json(report(observedAt: 'yesterday'))                           || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'a photo that is a GIF'             | CBOR   | cbor(report(photo: 'GIF89a....'.bytes))                         || BAD_REQUEST                | RejectReason.BAD_PHOTO                  | 'neither JPEG nor PNG'
        "a report in another device's name" | JSON   | json(report(device: 'mc-0042'))                                 || FORBIDDEN                  | RejectReason.FORBIDDEN                  | 'not as mc-0042'
        'a photo over the size limit'       | CBOR   | cbor(report(photo: photo(40_000)))                              || REQUEST_ENTITY_TOO_LARGE   | RejectReason.TOO_LARGE                  | '32768'
    }

    def "issue 13 replayed: a patrol report with text x NUL y gets 4.00 naming the character, and nothing reaches the outbox"() {
        given: 'the attack as it was tried: JSON whose text escapes a NUL'
        def payload = text('{"id":"rpt-nul","category":"E0401","position":{"lon":116.40325,"lat":39.91449},"text":"x\\u0000y"}')
        def counted = edge.node.metrics().rejectedCount(RejectReason.INVALID_TEXT)

        when:
        def response = post(fieldDevice, edge.dtlsUri('r'), payload, JSON)

        then: 'the device is told in Chinese and English which character to remove'
        response.code == BAD_REQUEST
        response.responseText == 'invalid-text: text 第 2 个字符是控制字符（U+0000），请删除 / text has a control character (U+0000) at character 2: remove it'
        edge.node.metrics().rejectedCount(RejectReason.INVALID_TEXT) == counted + 1

        and: 'nothing was filed for the cloud to choke on'
        edge.node.outbox().nextOffset() == 0
        edge.node.outbox().depth() == 0
    }

    def "over plain development CoAP a report must name its device"() {
        when:
        def response = post(plain, edge.plainUri('r'), json(report()), JSON)

        then:
        response.code == NOT_FOUND
        response.responseText == 'unknown-device: over plain CoAP the request must name its device'
    }
}
