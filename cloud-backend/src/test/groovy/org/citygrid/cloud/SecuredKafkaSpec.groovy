package org.citygrid.cloud

import java.nio.file.Files
import java.nio.file.Path
import org.citygrid.cloud.config.CaseCycleSettings
import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.devstack.FreePorts
import org.citygrid.devstack.kafka.KafkaBroker
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * cloud-backend on a cluster that wants SASL: a broker of its own whose client listener takes SASL/PLAIN only,
 * and CITYGRID_KAFKA_CONFIG giving the case cycle its credentials. The broker's PLAINTEXT listener is there for
 * the broker's own needs; the case cycle is never told of it.
 */
class SecuredKafkaSpec extends Specification {

    @Shared
    Path dir = Files.createTempDirectory('secured-kafka')

    @Shared
    int saslPort = FreePorts.pick()

    @Shared @AutoCleanup
    KafkaBroker broker

    def setupSpec() {
        broker = KafkaBroker.builder(dir.resolve('broker'))
                .saslPlainListener('SECURED', saslPort, [citygrid: 'city-secret'])
                .build()
                .start()
    }

    def "with its client file, the case cycle runs on a SASL listener: a report becomes a case in the read model"() {
        given:
        def live = new LiveCaseCycle('secured_kafka', [CITYGRID_KAFKA_BOOTSTRAP: "127.0.0.1:${saslPort}".toString(),
                                                       CITYGRID_KAFKA_CONFIG   : clientFile('city-secret').toString()])
        live.loadGrids()
        def app = CaseCycleApp.start(live.settings, new TestGrids(), true)

        when:
        live.report('secured-report-1', 'C0101', TestGrids.HERE)

        then:
        // also covers the exactly-once application's first start on a new broker
        live.eventually(java.time.Duration.ofSeconds(120)) { live.sql { it.firstRow('SELECT count(*) AS n FROM grid.cases').n == 1 } }

        cleanup:
        app?.close()
        live?.close()
    }

    def "with a wrong password, the case cycle refuses to start and says why"() {
        given:
        def settings = CaseCycleSettings.from([CITYGRID_KAFKA_BOOTSTRAP: "127.0.0.1:${saslPort}".toString(),
                                               CITYGRID_KAFKA_CONFIG   : clientFile('guessed').toString()].&get)

        when:
        CaseCycleApp.start(settings, new TestGrids(), false)

        then:
        def e = thrown(IllegalStateException)
        e.message.startsWith("cannot create the case-cycle topics on 127.0.0.1:${saslPort}".toString())
        e.message.contains('Authentication failed')
    }

    private Path clientFile(String password) {
        def file = Files.createTempFile(dir, 'client', '.properties')
        Files.writeString(file, """\
            security.protocol=SASL_PLAINTEXT
            sasl.mechanism=PLAIN
            sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="citygrid" password="${password}";
            """.stripIndent())
        file
    }
}
