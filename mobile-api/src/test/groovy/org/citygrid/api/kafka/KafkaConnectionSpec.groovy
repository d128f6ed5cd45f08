package org.citygrid.api.kafka

import io.micronaut.context.exceptions.ConfigurationException
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** How the API's Kafka clients are told where and how to connect: CITYGRID_KAFKA_BOOTSTRAP and CITYGRID_KAFKA_CONFIG. */
class KafkaConnectionSpec extends Specification {

    @TempDir
    Path dir

    def "without a client file, the clients get the bootstrap servers only"() {
        expect:
        new KafkaConnection('k1:9092,k2:9092', '').client() == ['bootstrap.servers': 'k1:9092,k2:9092']
    }

    def "the client file's settings reach the clients, under the configured bootstrap servers"() {
        given:
        def file = dir.resolve('client.properties')
        Files.writeString(file, '''\
            # the city's cluster
            security.protocol=SASL_SSL
            sasl.mechanism = SCRAM-SHA-512
            ssl.truststore.location=/etc/citygrid/truststore.p12
            '''.stripIndent())

        when:
        def client = new KafkaConnection('k1:9093', file.toString()).client()

        then:
        client == ['sasl.mechanism'         : 'SCRAM-SHA-512', 'security.protocol': 'SASL_SSL',
                   'ssl.truststore.location': '/etc/citygrid/truststore.p12', 'bootstrap.servers': 'k1:9093']
    }

    def "a client file that sets #key is refused at start, naming it"() {
        given:
        def file = dir.resolve('client.properties')
        Files.writeString(file, "${key}=${value}\nsecurity.protocol=SSL\n")

        when:
        new KafkaConnection('k1:9093', file.toString())

        then:
        def e = thrown(ConfigurationException)
        e.message.contains("sets [${key}], which mobile-api sets itself")

        where:
        key                 | value
        'bootstrap.servers' | 'elsewhere:9092'
        'acks'              | '1'
        'isolation.level'   | 'read_uncommitted'
        'group.id'          | 'mine'
    }

    def "a client file that cannot be read is named in the error"() {
        given:
        def missing = dir.resolve('nowhere.properties')

        when:
        new KafkaConnection('k1:9093', missing.toString())

        then:
        def e = thrown(ConfigurationException)
        e.message.startsWith("CITYGRID_KAFKA_CONFIG names ${missing}, which cannot be read".toString())
    }
}
