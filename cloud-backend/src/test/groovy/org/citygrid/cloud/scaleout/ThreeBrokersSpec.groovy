package org.citygrid.cloud.scaleout

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.common.config.ConfigResource
import org.apache.kafka.streams.KafkaStreams
import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.TopicSetup
import org.citygrid.cloud.testkit.CommittedRecords
import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.devstack.kafka.KafkaCluster
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * The case cycle on a three-broker cluster set up as docs/deploy.md asks (replication 3, min.insync.replicas 2,
 * exactly-once): one broker is killed with SIGKILL in the middle of a burst of reports, leading partitions the
 * case cycle reads and writes. Every report must still become exactly one case with its events in order, and
 * the broker, started again, must catch up until every partition has three replicas in sync.
 */
@Stepwise
class ThreeBrokersSpec extends Specification {

    static final int BURST = 150

    @Shared
    Path dir = Files.createTempDirectory('three-brokers')
    @Shared
    KafkaCluster cluster = KafkaCluster.start(dir, 3)
    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('three_brokers', [CITYGRID_KAFKA_BOOTSTRAP     : cluster.bootstrapServers(),
                                                            CITYGRID_REPLICATION         : '3',
                                                            CITYGRID_PARTITIONS          : '3',
                                                            CITYGRID_DUPLICATE_DISTANCE_M: '0.5'])
    @Shared
    CaseCycleApp app
    @Shared
    Map<String, String> caseOfReport = [:]
    @Shared
    int killed

    def setupSpec() {
        live.loadGrids()
        TopicSetup.ensure(live.settings)
        app = CaseCycleApp.start(live.settings, new TestGrids(), true)
        assert live.eventually(Duration.ofSeconds(120)) { app.streams().state() == KafkaStreams.State.RUNNING }
    }

    def cleanupSpec() {
        app?.close()
        cluster?.close()
        dir.toFile().deleteDir()
    }

    def "every partition of the case cycle's topics has a replica on each broker, and two must be in sync"() {
        expect:
        [live.topics.intake(), live.topics.caseEvents(), live.topics.cases()].every { topic ->
            partitions(topic).every { it.replicas().size() == 3 && it.isr().size() == 3 }
        }
        minInSync(live.topics.caseEvents()) == '2'
    }

    def "a broker killed in the middle of a burst: every report became exactly one case, its events in order"() {
        given: 'the broker leading the first intake partition'
        killed = partitions(live.topics.intake()).first().leader().id()
        def start = Instant.now()

        when:
        (0..<BURST).each { i ->
            if (i == BURST.intdiv(2)) {
                cluster.node(killed).kill()
            }
            caseOfReport["brokers-report-${i}".toString()] = live.burstReport("brokers-report-${i}", i, start + Duration.ofMillis(i))
        }
        def events = live.eventually(Duration.ofSeconds(180)) { new CommittedRecords(live).dispatchedAll(caseOfReport.values()) }

        then:
        events?.keySet() == caseOfReport.values() as Set
        events.findAll { caseId, list -> list*.version() != (1L..list.size()) as List } == [:]
        app.streams().state() == KafkaStreams.State.RUNNING
    }

    def "the read model has every case once"() {
        expect:
        live.eventually(Duration.ofSeconds(60)) {
            live.sql { it.firstRow('SELECT count(*) AS n FROM grid.cases WHERE case_id = ANY(?)', [caseOfReport.values() as String[]]).n } == BURST
        }
    }

    def "the killed broker, started again, catches up until every partition has three replicas in sync"() {
        when:
        cluster.node(killed).start()

        then:
        live.eventually(Duration.ofSeconds(120)) {
            [live.topics.intake(), live.topics.caseEvents(), live.topics.cases()].every { topic ->
                partitions(topic).every { it.isr().size() == 3 }
            }
        }
    }

    private List<org.apache.kafka.common.TopicPartitionInfo> partitions(String topic) {
        Admin.create(live.settings.kafkaClient()).withCloseable { admin ->
            admin.describeTopics([topic]).allTopicNames().get()[topic].partitions()
        }
    }

    private String minInSync(String topic) {
        Admin.create(live.settings.kafkaClient()).withCloseable { admin ->
            def resource = new ConfigResource(ConfigResource.Type.TOPIC, topic)
            admin.describeConfigs([resource]).all().get()[resource].get('min.insync.replicas').value()
        }
    }
}
