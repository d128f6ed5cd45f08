package org.citygrid.cloud.scaleout

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.common.ConsumerGroupState
import org.citygrid.cloud.TopicSetup
import org.citygrid.cloud.testkit.CaseCycleChild
import org.citygrid.cloud.testkit.CommittedRecords
import org.citygrid.cloud.testkit.LiveCaseCycle
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * Two cloud-backend instances of one case cycle, as docs/deploy.md deploys them: the same application id,
 * partitions and projection group, a state directory each, each in its own JVM with its projection. They share
 * the partitions; one is killed (SIGKILL) in the middle of a burst and the other takes its tasks over; the
 * killed one comes back on its state directory and takes its share back. Every report must become exactly one
 * case, on the topic and in the read model.
 */
@Stepwise
class TwoInstancesSpec extends Specification {

    static final int PARTITIONS = 6
    static final int BURST = 200

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('two_instances', [CITYGRID_PARTITIONS      : PARTITIONS.toString(),
                                                             CITYGRID_DUPLICATE_DISTANCE_M: '0.5',
                                                             CITYGRID_SESSION_TIMEOUT : 'PT6S',
                                                             CITYGRID_STANDBY_REPLICAS: '1'])

    @Shared
    Map<String, Process> instances = [:]

    @Shared
    Map<String, String> caseOfReport = [:]

    def setupSpec() {
        live.loadGrids()
        TopicSetup.ensure(live.settings)
    }

    def cleanupSpec() {
        instances.values().each { it.destroyForcibly().waitFor() }
    }

    def "two instances of one application id share the case cycle's partitions"() {
        when:
        instances.a = startInstance('a')
        instances.b = startInstance('b')

        then: 'each holds some of the intake partitions, and together all of them'
        sharedBy(2).size() == 2
    }

    def "one instance killed in the middle of a burst: every report became exactly one case, events in order"() {
        given:
        def start = Instant.now()

        when:
        (0..<BURST).each { i ->
            if (i == BURST.intdiv(2)) {
                instances.a.destroyForcibly().waitFor()
            }
            caseOfReport["scale-report-${i}".toString()] = live.burstReport("scale-report-${i}", i, start + Duration.ofMillis(i))
        }
        def events = live.eventually(Duration.ofSeconds(120)) { new CommittedRecords(live).dispatchedAll(caseOfReport.values()) }

        then:
        events.keySet() == caseOfReport.values() as Set
        events.findAll { caseId, list -> list*.version() != (1L..list.size()) as List } == [:]
    }

    def "the surviving instance took over every partition"() {
        expect:
        sharedBy(1).size() == 1
    }

    def "the two projections together wrote every case and every event into the read model once"() {
        given:
        def onTopic = new CommittedRecords(live).eventsByCase().findAll { it.key in caseOfReport.values() }

        expect:
        live.eventually(Duration.ofSeconds(60)) {
            live.sql { it.firstRow("SELECT count(*) AS n FROM grid.cases WHERE case_id = ANY(?)", [ids()]).n } == BURST
        }
        live.eventually(Duration.ofSeconds(60)) {
            live.sql { it.firstRow("SELECT count(*) AS n FROM grid.case_events WHERE case_id = ANY(?)", [ids()]).n } ==
                    onTopic.values().sum { it.size() }
        }
    }

    def "the killed instance comes back on its state directory and takes its share back"() {
        when:
        instances.a = startInstance('a')

        then:
        sharedBy(2).size() == 2
    }

    def "after the rejoin, new reports are decided once each"() {
        given:
        def start = Instant.now()
        Map<String, String> more = (BURST..<BURST + 40).collectEntries { i ->
            [("scale-report-${i}".toString()): live.burstReport("scale-report-${i}", i, start + Duration.ofMillis(i))]
        }

        when:
        def events = live.eventually(Duration.ofSeconds(90)) { new CommittedRecords(live).dispatchedAll(more.values()) }

        then:
        events.keySet() == more.values() as Set
        events.findAll { caseId, list -> list*.version() != (1L..list.size()) as List } == [:]
    }

    // ---- helpers

    private Process startInstance(String name) {
        Path state = live.settings.stateDir().resolve(name)
        Files.createDirectories(state)
        def log = Files.createTempFile("case-cycle-${name}", '.log')
        CaseCycleChild.start(environment(state), log, true)
    }

    private Map<String, String> environment(Path state) {
        live.environment(CITYGRID_STATE_DIR: state.toString(), CITYGRID_PARTITIONS: PARTITIONS.toString(),
                CITYGRID_DUPLICATE_DISTANCE_M: '0.5', CITYGRID_SESSION_TIMEOUT: 'PT6S', CITYGRID_STANDBY_REPLICAS: '1')
    }

    private String[] ids() {
        caseOfReport.values() as String[]
    }

    /**
     * The intake partitions by member, once {@code members} members hold them all between them (each at least one);
     * empty if that does not happen within 90 s.
     */
    private Map<String, List<Integer>> sharedBy(int members) {
        live.eventually(Duration.ofSeconds(90)) {
            def owners = intakeOwners()
            owners.size() == members && owners.values().flatten().sort() == (0..<PARTITIONS) as List ? owners : null
        } ?: [:]
    }

    /** The intake partitions each live member of the application's group holds, by member; empty while it rebalances. */
    private Map<String, List<Integer>> intakeOwners() {
        Admin.create(live.settings.kafkaClient()).withCloseable { admin ->
            def group = admin.describeConsumerGroups([live.settings.applicationId()]).all().get()[live.settings.applicationId()]
            if (group.state() != ConsumerGroupState.STABLE) {
                return [:]
            }
            group.members().collectEntries { member ->
                [(member.consumerId()): member.assignment().topicPartitions()
                        .findAll { it.topic() == live.topics.intake() }*.partition()]
            }.findAll { !it.value.isEmpty() } as Map<String, List<Integer>>
        }
    }
}
