package org.citygrid.devstack

import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.citygrid.devstack.kafka.KafkaBroker
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.TimeUnit

class KafkaBrokerSpec extends Specification {

    @Shared
    KafkaBroker broker = Devstack.sharedKafka()

    def "the shared broker is one per JVM, running on loopback"() {
        expect:
        Devstack.sharedKafka().is(broker)
        broker.running
        broker.bootstrapServers() ==~ /127\.0\.0\.1:\d+/
    }

    def "the broker is a one-node cluster"() {
        expect:
        Admin.create(broker.clientProperties()).withCloseable {
            it.describeCluster().nodes().get(10, TimeUnit.SECONDS).size()
        } == 1
    }

    def "a produced record is consumed"() {
        given:
        broker.createTopics('spec.plain')

        when:
        KafkaRecords.producer(broker).withCloseable {
            it.send(new ProducerRecord('spec.plain', 'grid-1', 'manhole cover tilted')).get(30, TimeUnit.SECONDS)
        }

        then:
        KafkaRecords.readAll(broker, 'spec.plain', 1) == ['manhole cover tilted']
    }

    def "creating a topic that exists is not an error"() {
        when:
        broker.createTopics('spec.twice')
        broker.createTopics('spec.twice')

        then:
        noExceptionThrown()
    }

    def "read_committed consumers see committed transactions and never aborted ones"() {
        given:
        broker.createTopics('spec.tx')
        def producer = KafkaRecords.producer(broker, [
                (ProducerConfig.TRANSACTIONAL_ID_CONFIG)   : 'spec-tx',
                (ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG): true])
        producer.initTransactions()

        when:
        producer.beginTransaction()
        producer.send(new ProducerRecord('spec.tx', 'k', 'committed-1'))
        producer.send(new ProducerRecord('spec.tx', 'k', 'committed-2'))
        producer.commitTransaction()
        producer.beginTransaction()
        producer.send(new ProducerRecord('spec.tx', 'k', 'aborted'))
        producer.flush()
        producer.abortTransaction()
        producer.beginTransaction()
        producer.send(new ProducerRecord('spec.tx', 'k', 'committed-3'))
        producer.commitTransaction()
        producer.close()

        then:
        KafkaRecords.readAll(broker, 'spec.tx', 3, 'read_committed') == ['committed-1', 'committed-2', 'committed-3']

        and: 'the aborted record is in the log: read_uncommitted shows it'
        KafkaRecords.readAll(broker, 'spec.tx', 4, 'read_uncommitted').contains('aborted')
    }
}
