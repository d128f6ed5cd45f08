package org.citygrid.edge.faults

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import org.citygrid.devstack.Devstack
import org.citygrid.devstack.kafka.KafkaBroker
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.edge.testkit.IntakeTopic
import org.citygrid.edge.testkit.TiltStream
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * Kafka goes away in the middle of a stream of readings and comes back: the node keeps accepting,
 * and afterwards the consumer sees every alarm edge exactly once once it drops repeats by intake id.
 */
class BrokerOutageSpec extends Specification {

    static final String TOPIC = 'grid.intake'

    @Shared
    @AutoCleanup
    KafkaBroker broker
    @TempDir
    java.nio.file.Path dir
    @AutoCleanup
    EdgeFixture edge
    @AutoCleanup
    IntakeTopic topic
    @AutoCleanup('destroy')
    Endpoint device = plainEndpoint()

    def setupSpec() {
        broker = Devstack.privateKafka('edge-broker-outage').start()
        broker.createTopics(TOPIC)
    }

    def "every alarm edge of a stream interrupted by a broker outage arrives, exactly once after dedup by id"() {
        given: 'a node forwarding with short producer timeouts, so the outage is noticed quickly'
        edge = EdgeFixture.start(dir, [kafka: [bootstrapServers: broker.bootstrapServers(), topic: TOPIC, retryBackoffMs: 200,
                                               properties      : ['delivery.timeout.ms': '6000', 'request.timeout.ms': '2000',
                                                                  'max.block.ms'       : '2000']]])
        topic = new IntakeTopic(broker.bootstrapServers(), TOPIC)

        when: 'readings stream in, the broker dies, more stream in, the broker comes back, more stream in'
        def sent = TiltStream.post(device, edge, 0, 20)
        broker.kill()
        sent += TiltStream.post(device, edge, 20, 20)
        def depthDuringOutage = edge.node.outbox().depth()
        broker.start()
        sent += TiltStream.post(device, edge, 40, 20)

        then: 'during the outage the node kept accepting and held the edges in its outbox'
        depthDuringOutage >= 20

        and: 'afterwards the outbox drains'
        new PollingConditions(timeout: 90, delay: 0.5).eventually {
            assert edge.node.outbox().depth() == 0
        }

        and: 'the consumer has every edge; repeats, if any, are the same record under the same id'
        def consumed = topic.readUntilAll(sent)
        consumed*.record()*.intakeId().toSet() == sent.toSet()
        IntakeTopic.repeatsAreResends(consumed)
        consumed.every { it.key() == it.record().deviceId() }

        and: 'an outage is waited out, never mistaken for a record of its own: nothing was set aside'
        edge.node.deadLetters().count() == 0
    }
}
