package org.citygrid.edge.faults

import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import java.nio.file.Files
import java.nio.file.Path
import org.apache.kafka.clients.admin.Admin
import org.citygrid.devstack.kafka.KafkaCluster
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.edge.testkit.IntakeTopic
import org.citygrid.edge.testkit.TiltStream
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * A node forwarding to a three-broker cluster (replication 3, min.insync.replicas 2), as docs/deploy.md sets one
 * up, while the broker leading its topic is killed with SIGKILL: the other brokers take over the partition, and
 * every alarm edge arrives, exactly once after dedup by intake id, with the node's default producer settings.
 */
class ClusterFailoverSpec extends Specification {

    static final String TOPIC = 'grid.intake'

    @Shared
    Path clusterDir = Files.createTempDirectory('edge-cluster')
    @Shared
    KafkaCluster cluster = KafkaCluster.start(clusterDir, 3)
    @TempDir
    Path dir
    @AutoCleanup
    EdgeFixture edge
    @AutoCleanup
    IntakeTopic topic
    @AutoCleanup('destroy')
    Endpoint device = plainEndpoint()

    def setupSpec() {
        cluster.createTopics(TOPIC)
    }

    def cleanupSpec() {
        cluster?.close()
        clusterDir.toFile().deleteDir()
    }

    def "the broker leading the node's topic killed in the middle of a stream: every alarm edge arrives"() {
        given:
        edge = EdgeFixture.start(dir, [kafka: [bootstrapServers: cluster.bootstrapServers(), topic: TOPIC]])
        topic = new IntakeTopic(cluster.bootstrapServers(), TOPIC)
        int leader = leaderOfTopic()

        when:
        def sent = TiltStream.post(device, edge, 0, 20)
        cluster.node(leader).kill()
        sent += TiltStream.post(device, edge, 20, 20)

        then: 'the outbox drains with one broker still down'
        new PollingConditions(timeout: 90, delay: 0.5).eventually {
            assert edge.node.outbox().depth() == 0
        }
        !cluster.node(leader).running
        leaderOfTopic() != leader

        and: 'the consumer has every edge; repeats, if any, are the same record under the same id'
        def consumed = topic.readUntilAll(sent)
        consumed*.record()*.intakeId().toSet() == sent.toSet()
        IntakeTopic.repeatsAreResends(consumed)
    }

    private int leaderOfTopic() {
        Admin.create(['bootstrap.servers': cluster.bootstrapServers()] as Map<String, Object>).withCloseable { admin ->
            admin.describeTopics([TOPIC]).allTopicNames().get()[TOPIC].partitions().first().leader().id()
        }
    }
}
