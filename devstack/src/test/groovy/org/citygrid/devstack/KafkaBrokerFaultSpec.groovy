package org.citygrid.devstack

import org.apache.kafka.clients.producer.ProducerRecord
import org.citygrid.devstack.kafka.KafkaBroker
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.util.concurrent.TimeUnit

class KafkaBrokerFaultSpec extends Specification {

    @Shared
    KafkaBroker broker = Devstack.privateKafka('kafka-fault')

    def cleanupSpec() {
        broker.stop()
    }

    def "records acknowledged by all replicas survive kill -9 and a restart on the same address"() {
        given:
        broker.start()
        String address = broker.bootstrapServers()
        broker.createTopics('fault.acks-all')
        KafkaRecords.producer(broker).withCloseable { producer ->
            (1..20).each { producer.send(new ProducerRecord('fault.acks-all', "k$it".toString(), "v$it".toString())).get(30, TimeUnit.SECONDS) }
        }

        when:
        broker.kill()

        then:
        !broker.running

        when:
        broker.restart()

        then:
        broker.running
        broker.bootstrapServers() == address
        KafkaRecords.readAll(broker, 'fault.acks-all', 20) == (1..20).collect { "v$it".toString() }
    }

    def "a graceful stop and start keeps the data too"() {
        when:
        broker.stop()

        then:
        !broker.running

        when:
        broker.start()

        then:
        KafkaRecords.readAll(broker, 'fault.acks-all', 20).size() == 20
    }

    def "the broker's output goes to a log in its directory"() {
        expect:
        broker.logFile().parent == broker.directory()
        Files.readString(broker.logFile()).contains('Kafka Server started')
    }

    def "a data directory that is a file fails at once, naming it"() {
        given:
        def file = Files.createDirectories(Devstack.baseDirectory()).resolve('kafka-not-a-dir')
        Files.writeString(file, 'x')

        when:
        KafkaBroker.in(file)

        then:
        def e = thrown(DevstackException)
        e.message.contains(file.toString())
        e.message.contains('not a directory')
    }
}
