package org.citygrid.cloud.config

import java.nio.file.Files
import java.time.Duration
import org.citygrid.cloud.streams.CaseCycleTopology
import spock.lang.Specification
import spock.lang.TempDir

/** cloud-backend's settings as an operator writes them: environment variables and a Kafka client file. */
class CaseCycleSettingsSpec extends Specification {

    @TempDir
    java.nio.file.Path dir

    def "with nothing set, the defaults for one machine"() {
        when:
        def settings = CaseCycleSettings.defaults()

        then:
        settings.bootstrapServers() == 'localhost:9092'
        settings.partitions() == 6
        settings.standbyReplicas() == 0
        settings.sessionTimeout() == Duration.ofSeconds(45)
        settings.kafkaClientConfig() == [:]
        settings.kafkaClient() == ['bootstrap.servers': 'localhost:9092']
        settings.httpPort() == 0
        settings.httpBind() == '127.0.0.1'
        !settings.notificationsV1()
    }

    def "a malformed #name is refused with its name and an example"() {
        when:
        CaseCycleSettings.from { it == name ? value : null }

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "${name} is '${value}', which is not a valid ${expected}".toString()

        where:
        name                        | value  || expected
        'CITYGRID_PARTITIONS'       | 'six'  || 'number such as 6'
        'CITYGRID_REPLICATION'      | '3.5'  || 'number such as 1'
        'CITYGRID_STANDBY_REPLICAS' | 'one'  || 'number such as 0'
        'CITYGRID_SLA_WARN_SHARE'   | '20%'  || 'number such as 0.2'
        'CITYGRID_SESSION_TIMEOUT'  | '45s'  || 'ISO-8601 duration such as PT45S'
        'CITYGRID_COMMIT_INTERVAL'  | '100'  || 'ISO-8601 duration such as PT0.1S'
        'CITYGRID_HTTP_PORT'        | 'web'  || 'number such as 0'
        'CITYGRID_NOTIFICATIONS_V1' | 'soon' || 'switch: true or false'
    }

    def "the Kafka client file's settings reach every client, under the configured bootstrap servers"() {
        given:
        def file = dir.resolve('client.properties')
        Files.writeString(file, '''\
            # a secured cluster
            security.protocol=SASL_SSL
            sasl.mechanism=SCRAM-SHA-512
            ssl.truststore.location = /etc/citygrid/truststore.p12
            '''.stripIndent())

        when:
        def settings = CaseCycleSettings.from([CITYGRID_KAFKA_CONFIG: file.toString(), CITYGRID_KAFKA_BOOTSTRAP: 'k1:9093'].&get)

        then:
        settings.kafkaClient() == ['security.protocol'         : 'SASL_SSL', 'sasl.mechanism': 'SCRAM-SHA-512',
                                   'ssl.truststore.location'   : '/etc/citygrid/truststore.p12', 'bootstrap.servers': 'k1:9093']
        CaseCycleTopology.streamsProperties(settings)['security.protocol'] == 'SASL_SSL'
        CaseCycleTopology.streamsProperties(settings)['processing.guarantee'] == 'exactly_once_v2'
    }

    def "a Kafka client file that sets #key is refused: #why"() {
        given:
        def file = dir.resolve('client.properties')
        Files.writeString(file, "${key}=${value}\n")

        when:
        CaseCycleSettings.from([CITYGRID_KAFKA_CONFIG: file.toString()].&get)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains("sets [${key}], which cloud-backend sets itself")

        where:
        key                    | value            || why
        'bootstrap.servers'    | 'other:9092'     || 'CITYGRID_KAFKA_BOOTSTRAP says where'
        'processing.guarantee' | 'at_least_once'  || 'exactly-once is what keeps transitions from doubling'
        'isolation.level'      | 'read_uncommitted' || 'the projection must not see aborted transactions'
        'application.id'       | 'mine'           || 'CITYGRID_APPLICATION_ID says it'
    }

    def "a Kafka client file that cannot be read is named in the error"() {
        given:
        def missing = dir.resolve('nowhere.properties')

        when:
        CaseCycleSettings.from([CITYGRID_KAFKA_CONFIG: missing.toString()].&get)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith("CITYGRID_KAFKA_CONFIG names ${missing}, which cannot be read".toString())
    }
}
