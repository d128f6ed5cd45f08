package org.citygrid.api.kafka

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.TestStack
import org.citygrid.devstack.FreePorts
import org.citygrid.devstack.kafka.KafkaBroker
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireCodec

/**
 * The API on a cluster that wants SASL: a broker of its own whose only listener for the API takes SASL/PLAIN,
 * and CITYGRID_KAFKA_CONFIG (citygrid.kafka.config-file) giving the API its credentials.
 */
@MicronautTest
class SecuredKafkaSpec extends ApiSpec {

    static final String PASSWORD = 'api-secret'

    static KafkaBroker broker
    static int saslPort
    static Path clientFile

    @Override
    Map<String, String> getProperties() {
        if (broker == null) {
            saslPort = FreePorts.pick()
            def dir = Files.createTempDirectory('api-secured-kafka')
            broker = KafkaBroker.builder(dir.resolve('broker'))
                    .saslPlainListener('SECURED', saslPort, [citygrid: PASSWORD])
                    .build()
                    .start()
            broker.createTopics(TestStack.INTAKE, TestStack.COMMANDS)
            clientFile = dir.resolve('client.properties')
            Files.writeString(clientFile, """\
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="citygrid" password="${PASSWORD}";
                """.stripIndent())
        }
        super.getProperties() + ['citygrid.kafka.bootstrap-servers': "127.0.0.1:${saslPort}".toString(),
                                 'citygrid.kafka.config-file'      : clientFile.toString()]
    }

    def cleanupSpec() {
        broker?.close()
        broker = null
    }

    def "a resident's report reaches grid.intake through the SASL listener"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        def response = post(resident, '/api/v1/reports', [categoryCode: 'C0101', description: '井盖松动',
                                                          position    : [lon: 116.40325, lat: 39.91449, crs: 'wgs84']])

        then:
        response.status.code == 202
        def intake = intakeRecords().collect { WireCodec.intake().read(it) }
        intake*.intakeId() == [response.body().id]
    }

    /** What is on grid.intake, read as a client with the same credentials. */
    private List<byte[]> intakeRecords() {
        def consumer = new KafkaConsumer<String, byte[]>(new KafkaConnection("127.0.0.1:${saslPort}", clientFile.toString()).client(),
                new StringDeserializer(), new ByteArrayDeserializer())
        try {
            def partitions = consumer.partitionsFor(TestStack.INTAKE).collect { new TopicPartition(TestStack.INTAKE, it.partition()) }
            consumer.assign(partitions)
            consumer.seekToBeginning(partitions)
            def end = consumer.endOffsets(partitions)
            List<byte[]> values = []
            for (int i = 0; i < 100 && partitions.any { consumer.position(it) < end[it] }; i++) {
                consumer.poll(Duration.ofMillis(200)).each { values << it.value() }
            }
            values
        } finally {
            consumer.close()
        }
    }
}
