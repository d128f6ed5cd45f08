package org.citygrid.demo

import java.sql.DriverManager
import java.time.Duration
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.NewTopic
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.kafka.common.serialization.StringSerializer
import org.citygrid.demo.testing.Await
import org.citygrid.demo.testing.DemoProcess
import org.citygrid.demo.testing.Ports
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * The broker and the PostGIS cluster of the demo keep their data in the data folder from one run to the next:
 * a second DemoMain on the same folder (a new JVM, new devstack objects) finds the first one's records and rows.
 */
@Stepwise
class DataKeptSpec extends Specification {
    static final List<String> INFRASTRUCTURE_ONLY = ['--without', 'cloud-backend,mobile-api,edge-nodes,simulator']

    DemoProcess demo = new DemoProcess('data-kept')

    def cleanup() {
        demo.cleanup()
    }

    def "a first run takes a record and a row, and stops on SIGINT saying the data stays"() {
        given:
        demo.start(['--fresh'] + INFRASTRUCTURE_ONLY)
        demo.awaitConsole('CityGrid demo is running', 180)

        when:
        produce(demo.kafka, 'demo.kept', 'the first run')
        DriverManager.getConnection(demo.jdbcUrl()).withCloseable { c ->
            c.createStatement().execute("CREATE TABLE kept (what text); INSERT INTO kept VALUES ('the first run')")
        }
        int code = demo.interrupt()

        then:
        code == 130
        demo.consoleText().contains('stopped; the data stays in ' + demo.dataDir)

        and: 'nothing listens on its ports any more'
        [demo.kafka, demo.postgres].every { Ports.tcpFree(it) }
    }

    def "a second run on the same folder has them"() {
        given:
        demo.start(INFRASTRUCTURE_ONLY)
        demo.awaitConsole('CityGrid demo is running', 180)

        expect:
        consume(demo.kafka, 'demo.kept') == ['the first run']
        Await.rows(demo.jdbcUrl(), 'SELECT what FROM kept') == ['the first run']

        cleanup:
        demo.interrupt()
    }

    static void produce(int port, String topic, String value) {
        def props = ['bootstrap.servers': "127.0.0.1:$port".toString()]
        Admin.create(props).withCloseable { it.createTopics([new NewTopic(topic, 1, (short) 1)]).all().get() }
        new KafkaProducer<String, String>(props, new StringSerializer(), new StringSerializer()).withCloseable {
            it.send(new ProducerRecord(topic, 'k', value)).get()
        }
    }

    static List<String> consume(int port, String topic) {
        def props = ['bootstrap.servers': "127.0.0.1:$port".toString(), 'group.id': 'data-kept-spec',
                     'auto.offset.reset': 'earliest']
        new KafkaConsumer<String, String>(props, new StringDeserializer(), new StringDeserializer()).withCloseable { c ->
            c.subscribe([topic])
            def values = []
            for (int i = 0; i < 60 && values.isEmpty(); i++) {
                c.poll(Duration.ofSeconds(1)).each { values << it.value() }
            }
            values
        }
    }
}
