package org.citygrid.edge.coap

import static org.citygrid.edge.testkit.Coap.*
import static org.citygrid.edge.testkit.Reports.photo
import static org.citygrid.edge.testkit.Reports.report
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.security.MessageDigest
import java.time.Instant
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.model.cases.Channel
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.wire.WireCodec
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

/** POST /r: patrol reports from field devices, photos sent block-wise (RFC 7959). */
class ReportsResourceSpec extends Specification {

    @TempDir
    java.nio.file.Path dir
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start(dir, [plain: false])
    Endpoint fieldDevice = edge.dtls('fd-01')

    def "a #format report with a #size byte photo arrives block-wise and is filed with the stored photo"() {
        given:
        def picture = photo(size)

        when:
        def response = post(fieldDevice, edge.dtlsUri('r'), encode(report(photo: payloadPhoto(picture))), contentFormat)

        then: 'the body went in blocks, and the device learns its intake id'
        response.code == CREATED
        response.options.hasBlock1()
        response.options.locationPathString == 'r/rpt-0001'
        new JsonSlurper().parseText(response.responseText) == [intakeId: 'edge-dc01:fd-01:r:rpt-0001', duplicate: false]

        and: 'the intake record refers to the photo, stored byte for byte'
        def records = edge.outboxRecords()
        records.size() == 1
        with(records[0]) {
            intakeId() == 'edge-dc01:fd-01:r:rpt-0001'
            channel() == Channel.PATROL
            categoryCode() == 'C0101'
            observedAt() == Instant.parse('2026-03-02T02:15:00Z')
            reporterId() == 'worker-1'
            media().size() == 1
            media()[0].mediaType() == 'image/jpeg'
        }
        def sha = MessageDigest.getInstance('SHA-256').digest(picture).encodeHex().toString()
        records[0].media()[0].ref() == "edge:edge-dc01/media/${sha}.jpg"
        Files.readAllBytes(dir.resolve("data/media/${sha}.jpg")) == picture

        where:
        format | contentFormat | size   | encode                  | payloadPhoto
        'JSON' | JSON          | 20_000 | { Map m -> json(m) }    | { byte[] b -> b.encodeBase64().toString() }
        'CBOR' | CBOR          | 60_000 | { Map m -> cbor(m) }    | { byte[] b -> b }
    }

    def "a retried report (same id) is answered as the first was and filed once"() {
        given:
        def body = cbor(report(photo: photo(5000)))
        post(fieldDevice, edge.dtlsUri('r'), body, CBOR)

        when:
        def retry = post(fieldDevice, edge.dtlsUri('r'), body, CBOR)

        then:
        retry.code == CREATED
        new JsonSlurper().parseText(retry.responseText) == [intakeId: 'edge-dc01:fd-01:r:rpt-0001', duplicate: true]
        edge.outboxRecords()*.intakeId() == ['edge-dc01:fd-01:r:rpt-0001']
        edge.node.metrics().reportsDuplicate() == 1
    }

    def "a retry is still recognised after the node restarted"() {
        given:
        def body = json(report())
        post(fieldDevice, edge.dtlsUri('r'), body, JSON)
        edge.close()
        edge = EdgeFixture.start(dir, [plain: false])
        fieldDevice = edge.dtls('fd-01')

        when:
        def retry = post(fieldDevice, edge.dtlsUri('r'), body, JSON)

        then:
        new JsonSlurper().parseText(retry.responseText).duplicate == true
        edge.outboxRecords().size() == 1
    }

    def "a report naming #reporter is filed under #filedUnder: a linked worker, or the device itself"() {
        when:
        def response = post(fieldDevice, edge.dtlsUri('r'), json(report(reporter: reporter)), JSON)

        then:
        response.code == CREATED
        edge.outboxRecords()*.reporterId() == [filedUnder]

        where:
        reporter   || filedUnder
        null       || 'fd-01'
        ''         || 'fd-01'
        'fd-01'    || 'fd-01'
        'worker-2' || 'worker-2'
    }

    def "the text is stored as the shared rules normalise it: one kind of line break, composed characters"() {
        when:
        post(fieldDevice, edge.dtlsUri('r'), json(report(text: '井盖松动\r\ncafe\u0301 门口')), JSON)

        then:
        edge.outboxRecords()*.description() == ['井盖松动\ncaf\u00e9 门口']
    }

    def "two devices may use the same report id: ids are the device's own"() {
        given:
        def sensor = edge.dtls('mc-0042')

        when:
        post(fieldDevice, edge.dtlsUri('r'), json(report()), JSON)
        def other = post(sensor, edge.dtlsUri('r'), json(report(reporter: null)), JSON)

        then:
        other.code == CREATED
        edge.outboxRecords()*.intakeId() == ['edge-dc01:fd-01:r:rpt-0001', 'edge-dc01:mc-0042:r:rpt-0001']
    }
}
