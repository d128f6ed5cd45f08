package org.citygrid.devstack.net

import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.errors.TimeoutException
import org.apache.kafka.common.serialization.StringSerializer
import org.citygrid.devstack.Devstack
import org.citygrid.devstack.FreePorts
import org.citygrid.devstack.KafkaRecords
import org.citygrid.devstack.kafka.KafkaBroker
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit

/**
 * A private broker with a second listener (EDGE) advertised at a {@link CuttableLink}'s port: a client that
 * bootstraps through the link stays behind it, so cutting the link cuts that client off while the broker's other
 * clients carry on.
 */
class CutOffKafkaClientSpec extends Specification {
    @Shared
    int edgePort = FreePorts.pick()
    @Shared
    CuttableLink link = CuttableLink.to(edgePort)
    @Shared
    KafkaBroker broker = KafkaBroker.builder(Devstack.freshDirectory('kafka-cut-off'))
            .extraListener('EDGE', edgePort, link.port())
            .build()

    def setupSpec() {
        broker.start()
        broker.createTopics('cut.intake')
    }

    def cleanupSpec() {
        broker.stop()
        link.close()
    }

    def cleanup() {
        link.restore()
    }

    def "metadata fetched through the link names the link, not the broker's own port"() {
        expect:
        Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): link.address()]).withCloseable {
            it.describeCluster().nodes().get(30, TimeUnit.SECONDS)*.port()
        } == [link.port()]
    }

    def "while the link is cut, the client behind it gets no acknowledgement and the broker's direct clients still do"() {
        given:
        KafkaProducer<String, String> behind = producer(link.address())
        behind.send(new ProducerRecord('cut.intake', 'k', 'before')).get(30, TimeUnit.SECONDS)

        when:
        link.cut()
        behind.send(new ProducerRecord('cut.intake', 'k', 'during')).get(30, TimeUnit.SECONDS)

        then:
        ExecutionException e = thrown()
        e.cause instanceof TimeoutException

        and:
        KafkaRecords.producer(broker).withCloseable {
            it.send(new ProducerRecord('cut.intake', 'direct', 'during the cut')).get(30, TimeUnit.SECONDS)
        }

        cleanup:
        behind?.close(java.time.Duration.ZERO)
    }

    def "after the link is restored, a client behind it gets through again"() {
        given:
        link.cut()

        when:
        link.restore()

        then:
        producer(link.address()).withCloseable {
            it.send(new ProducerRecord('cut.intake', 'k', 'after')).get(30, TimeUnit.SECONDS)
        }.topic() == 'cut.intake'
    }

    /**
     * Timeouts short enough for the cut to show well within the 30 s the specs wait, and long enough for the sends
     * that must succeed (a fresh idempotent producer on a loaded machine) never to hit them.
     */
    private static KafkaProducer<String, String> producer(String bootstrap) {
        new KafkaProducer<String, String>([
                (ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)     : bootstrap,
                (ProducerConfig.ACKS_CONFIG)                  : 'all',
                (ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)    : true,
                (ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)    : 5000,
                (ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)   : 15000,
                (ProducerConfig.MAX_BLOCK_MS_CONFIG)          : 15000,
                (ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)  : StringSerializer.name,
                (ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG): StringSerializer.name,
        ] as Map<String, Object>)
    }
}
