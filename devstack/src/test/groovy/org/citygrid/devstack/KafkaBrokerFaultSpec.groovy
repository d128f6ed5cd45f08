package org.citygrid.devstack

import org.apache.kafka.clients.producer.ProducerRecord
import org.citygrid.devstack.kafka.KafkaBroker
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.util.concurrent.TimeUnit

/** A private broker, since these features kill and stop it; each feature writes its own topic. */
class KafkaBrokerFaultSpec extends Specification {

    @Shared
    KafkaBroker broker = Devstack.privateKafka('kafka-fault')

    def setupSpec() {
        broker.start()
    }

    def cleanupSpec() {
        broker.stop()
    }

    def "records acknowledged by all replicas survive kill -9 and a restart on the same address"() {
        given:
        String address = broker.bootstrapServers()
        produce('fault.kill', 20)

        when:
        broker.kill()

        then:
        !broker.running

        when:
        broker.restart()

        then:
        broker.running
        broker.bootstrapServers() == address
        KafkaRecords.readAll(broker, 'fault.kill', 20) == values(20)
    }

    def "a graceful stop and start keeps the records"() {
        given:
        produce('fault.stop', 5)

        when:
        broker.stop()

        then:
        !broker.running

        when:
        broker.start()

        then:
        KafkaRecords.readAll(broker, 'fault.stop', 5) == values(5)
    }

    def "the broker's output goes to a log in its directory"() {
        expect:
        broker.logFile().parent == broker.directory()
        Files.readString(broker.logFile()).contains('Kafka Server started')
    }

    private void produce(String topic, int count) {
        broker.createTopics(topic)
        KafkaRecords.producer(broker).withCloseable { producer ->
            values(count).eachWithIndex { value, i ->
                producer.send(new ProducerRecord(topic, "k$i".toString(), value)).get(30, TimeUnit.SECONDS)
            }
        }
    }

    private static List<String> values(int count) {
        (1..count).collect { "v$it".toString() }
    }
}
