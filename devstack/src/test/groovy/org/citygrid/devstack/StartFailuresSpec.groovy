package org.citygrid.devstack

import org.citygrid.devstack.kafka.KafkaBroker
import org.citygrid.devstack.postgres.PostgisCluster
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/** A service that cannot start says why, naming what to fix, instead of failing somewhere in a child. */
class StartFailuresSpec extends Specification {

    def "a broker data directory that is a file is refused at once, naming it"() {
        given:
        Path file = aFile('kafka-not-a-dir')

        when:
        KafkaBroker.in(file)

        then:
        def e = thrown(DevstackException)
        e.message.contains(file.toString())
        e.message.contains('not a directory')
    }

    def "a cluster data directory that is a file is refused at once, naming it"() {
        given:
        Path file = aFile('postgres-not-a-dir')

        when:
        PostgisCluster.in(file)

        then:
        def e = thrown(DevstackException)
        e.message.contains(file.toString())
        e.message.contains('not a directory')
    }

    def "a broker port in use is reported with the port"() {
        given:
        def taken = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        def broker = KafkaBroker.builder(Devstack.freshDirectory('kafka-port-taken'))
                .brokerPort(taken.localPort).build()

        when:
        broker.start()

        then:
        def e = thrown(DevstackException)
        e.message.contains("127.0.0.1:${taken.localPort}: the port is in use")
        !broker.running

        cleanup:
        taken.close()
    }

    def "a cluster port in use is reported with the port"() {
        given:
        def taken = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        def cluster = PostgisCluster.builder(Devstack.freshDirectory('postgres-port-taken'))
                .port(taken.localPort).build()

        when:
        cluster.start()

        then:
        def e = thrown(DevstackException)
        e.message.contains("127.0.0.1:${taken.localPort}: the port is in use")
        !cluster.running

        cleanup:
        taken.close()
    }

    def "a broker that does not answer within its start timeout is killed, and the message shows its log"() {
        given: 'a timeout no JVM can start a broker in'
        def broker = KafkaBroker.builder(Devstack.freshDirectory('kafka-timeout'))
                .startTimeout(Duration.ofMillis(1)).build()

        when:
        broker.start()

        then:
        def e = thrown(DevstackException)
        e.message.contains('did not answer')
        e.message.contains("last lines of ${broker.logFile()}")
        e.message.contains('devstack: starting broker on')
        !broker.running
    }

    def "a data directory holding something else than a cluster is refused, not overwritten"() {
        given:
        def dir = Devstack.freshDirectory('postgres-foreign')
        Files.createDirectories(dir.resolve('data'))
        Files.writeString(dir.resolve('data/notes.txt'), 'not a cluster')
        def foreign = PostgisCluster.in(dir)

        when:
        foreign.start()

        then:
        def e = thrown(DevstackException)
        e.message.contains('holds no PostgreSQL cluster')
        Files.readString(dir.resolve('data/notes.txt')) == 'not a cluster'
    }

    private static Path aFile(String name) {
        Path file = Files.createDirectories(Devstack.baseDirectory()).resolve(name)
        Files.writeString(file, 'x')
        file
    }
}
