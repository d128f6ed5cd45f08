package org.citygrid.edge.coap

import static org.citygrid.edge.coap.ReportsResourceSpec.photo
import static org.citygrid.edge.coap.ReportsResourceSpec.report
import static org.citygrid.edge.testing.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import java.nio.file.Files
import org.citygrid.edge.metrics.RejectReason
import org.citygrid.edge.testing.EdgeFixture
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** Bad patrol reports: 4.xx with a diagnostic, counted, and nothing filed or stored. */
class ReportsRejectionSpec extends Specification {

    @Shared
    @TempDir
    java.nio.file.Path dir
    @Shared
    @AutoCleanup
    EdgeFixture edge
    @Shared
    @AutoCleanup('destroy')
    Endpoint fieldDevice
    @Shared
    @AutoCleanup('destroy')
    Endpoint plain

    def setupSpec() {
        edge = EdgeFixture.start(dir, [maxReportBytes: 32 * 1024])
        fieldDevice = dtlsEndpoint('fd-01', 'secret-fd-01')
        plain = plainEndpoint()
    }

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
        Files.list(dir.resolve('data/media')).count() == 0

        where:
        problem                             | format | payload                                                         || code                       | reason                                  | mentions
        'a report as text/plain'            | 0      | text('manhole broken')                                          || UNSUPPORTED_CONTENT_FORMAT | RejectReason.UNSUPPORTED_CONTENT_FORMAT | 'application/json (50)'
        'a report as SenML'                 | 110    | json(report())                                                  || UNSUPPORTED_CONTENT_FORMAT | RejectReason.UNSUPPORTED_CONTENT_FORMAT | 'not 110'
        'truncated JSON'                    | JSON   | text('{"id":"rpt-1","category":')                               || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'bytes that are not CBOR'           | CBOR   | [0xff, 0xff, 0x00] as byte[]                                    || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'a JSON array'                      | JSON   | json([report()])                                                || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'no report id'                      | JSON   | json(report(id: null))                                          || BAD_REQUEST                | RejectReason.MALFORMED                  | 'needs an id'
        'a report id with spaces'           | JSON   | json(report(id: 'my report'))                                   || BAD_REQUEST                | RejectReason.MALFORMED                  | 'needs an id'
        'a category without its kind'       | JSON   | json(report(category: '0101'))                                  || BAD_REQUEST                | RejectReason.MALFORMED                  | 'C0101 or E0401'
        'a category written as a number'    | JSON   | json(report(category: 101))                                     || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'no position'                       | JSON   | json(report(position: null))                                    || BAD_REQUEST                | RejectReason.MALFORMED                  | 'position'
        'a position off the globe'          | JSON   | json(report(position: [lon: 116.4, lat: 139.9]))                || BAD_REQUEST                | RejectReason.MALFORMED                  | 'not a WGS 84 position'
        'a position in another city'        | JSON   | json(report(position: [lon: 121.47, lat: 31.23]))               || BAD_REQUEST                | RejectReason.OUTSIDE_NEIGHBOURHOOD      | 'neighbourhood 110101001001'
        'an unreadable observation time'    | JSON   | json(report(observedAt: 'yesterday'))                           || BAD_REQUEST                | RejectReason.MALFORMED                  | 'malformed report'
        'a photo that is a GIF'             | CBOR   | cbor(report(photo: 'GIF89a....'.bytes))                         || BAD_REQUEST                | RejectReason.BAD_PHOTO                  | 'neither JPEG nor PNG'
        "a report in another device's name" | JSON   | json(report(device: 'mc-0042'))                                 || FORBIDDEN                  | RejectReason.FORBIDDEN                  | 'not as mc-0042'
        'a photo over the size limit'       | CBOR   | cbor(report(photo: photo(40_000)))                              || REQUEST_ENTITY_TOO_LARGE   | RejectReason.TOO_LARGE                  | '32768'
    }

    def "over plain development CoAP a report must name its device"() {
        when:
        def response = post(plain, edge.plainUri('r'), json(report()), JSON)

        then:
        response.code == NOT_FOUND
        response.responseText == 'unknown-device: over plain CoAP the request must name its device'
    }
}
