package org.citygrid.edge.forward

import static org.citygrid.edge.testkit.Coap.*
import static org.citygrid.edge.testkit.Reports.report
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import groovy.json.JsonSlurper
import java.time.OffsetDateTime
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.edge.testkit.IntakeTopic
import org.citygrid.edge.testkit.MetricsScrape
import org.citygrid.edge.testkit.TiltStream
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/**
 * On a real broker whose topic takes at most 2,000 bytes a message: a report Kafka refuses for its
 * own size is tried a bounded number of times, then set aside in the node's dead-letter file with
 * its reason and time, and the records behind it go on to Kafka.
 */
class DeadLetterSpec extends Specification {

    @Shared
    @AutoCleanup
    IntakeTopic topic = IntakeTopic.fresh('dead-letters', ['max.message.bytes': '2000'])
    @Shared
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([kafka: topic.edgeConfig(maxRecordAttempts: 3), metrics: [port: 0]])

    def "a record too large for the topic becomes a dead letter after 3 attempts; the outbox goes on"() {
        given: 'an alarm raise, a report whose 2,000 Chinese characters make about 6 KB, and the clear'
        def device = edge.plainClient()
        def raise = TiltStream.post(device, edge, 0, 1)
        assert post(device, edge.plainUri('r'), json(report(id: 'long', device: 'fd-01', text: '井' * 2000)), JSON).code == CREATED
        def clear = TiltStream.post(device, edge, 1, 1)

        when:
        def consumed = topic.readUntilAll(raise + clear)
        new PollingConditions(timeout: 30).eventually {
            assert edge.node.outbox().depth() == 0
        }

        then: 'the alarm behind the refused report reached Kafka (once per attempt, as any resend: dedup by id), the report did not'
        consumed*.record()*.intakeId().unique() == ['edge-dc01:mc-0042:ep-1:RAISED', 'edge-dc01:mc-0042:ep-1:CLEARED']
        IntakeTopic.repeatsAreResends(consumed)

        and: 'the report waits in the dead-letter file with its record, the reason and the time in the city zone'
        def letters = edge.dir.resolve('data/dead-letters/dead-letters.jsonl').toFile().readLines('UTF-8').collect { new JsonSlurper().parseText(it) }
        letters.size() == 1
        with(letters[0]) {
            node == 'edge-dc01'
            offset == 1
            key == 'edge-dc01:fd-01:r:long'
            value.intakeId == 'edge-dc01:fd-01:r:long'
            value.description == '井' * 2000
            reason.startsWith('RecordTooLargeException: ')
            attempts == 3
            OffsetDateTime.parse(at).offset.totalSeconds == 8 * 3600
        }

        and: 'it shows in /health, which turns degraded, and in /metrics'
        def health = edge.node.health()
        health.status == 'degraded'
        health.deadLetters == 1L
        MetricsScrape.of(edge.node.metricsPort()).value('citygrid_edge_dead_letters_records') == 1
        edge.node.metrics().forwardFailures() == 3
    }
}
