package org.citygrid.cloud.ledger

import static org.citygrid.cloud.testkit.Http.metric

import java.time.Duration
import java.time.Instant
import java.util.concurrent.ConcurrentHashMap
import org.apache.kafka.clients.producer.ProducerRecord
import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.keys.CaseIds
import org.citygrid.cloud.keys.CommunityPartitioner
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.cloud.testkit.CommittedRecords
import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseDecider
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.cases.Role
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.wire.WireCodec
import org.citygrid.model.wire.WireJson
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * The cases store holds the folded case, on the real broker: a case an earlier version stored as its event list is
 * restored from the changelog and goes on; and issue 13's flood, 1,000 reports of one spot with 2,000-character
 * descriptions merged into one case, leaves every record of the cases changelog under the documented 64 KiB
 * while the case cycle stays RUNNING. /metrics is scraped during the flood.
 */
@Stepwise
class BoundedCaseStoreSpec extends Specification {

    static final int FLOOD = 1000
    static final int STORED_CASE_BOUND = 64 * 1024
    static final int SNAPSHOT_BOUND = 16 * 1024
    /** Now, so that no deadline of the spec's cases passes while it runs. */
    static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
    static final Actor HANDLER = Actor.handler('handler-w1', 'WATER_SUPPLY')

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('bounded_store')

    @Shared @AutoCleanup
    CaseCycleApp app

    @Shared
    String oldCase

    @Shared
    String changelog

    def setupSpec() {
        live.loadGrids()
        changelog = "${live.settings.applicationId()}-${CaseStore.STORE}-changelog".toString()
        oldCase = CaseIds.forReport(TestGrids.B1, T0, 'old-format-1')
        // what the store held before: the whole event list, as the earlier version's changelog has it
        live.createTopic(changelog, live.settings.partitions(), ['cleanup.policy': 'compact'])
        live.send(changelog, CommunityPartitioner.partition(oldCase, live.settings.partitions()), oldCase,
                WireJson.mapper().writeValueAsBytes([events: dispatchedCase(oldCase)]))
        app = CaseCycleApp.start(live.settings, new TestGrids(), true)
    }

    def "a case stored as its event list by the earlier version is restored from the changelog and goes on, stored folded"() {
        when:
        live.command(oldCase, HANDLER, new CaseAction.Accept())

        then:
        def events = live.eventually(Duration.ofSeconds(120)) { new CommittedRecords(live).eventsByCase()[oldCase] }
        events.collect { "${it.version()} ${it.change().class.simpleName}".toString() } == ['4 Accepted']
        def stored = live.eventually { latest(oldCase)?.with { new String(it, 'UTF-8').startsWith('{"v":1,') ? it : null } }
        with(WireCodec.cases().read(stored)) {
            version() == 4
            state().name() == 'IN_PROGRESS'
        }
    }

    def "1,000 reports of one spot with 2,000-character descriptions become one bounded case; the case cycle stays RUNNING"() {
        given:
        def scrapes = new ConcurrentHashMap<String, List<Double>>().withDefault { [].asSynchronized() }
        def scraper = Thread.start { scrape(scrapes) }

        when:
        FLOOD.times { i ->
            live.producer.send(new ProducerRecord<>(live.topics.intake(), "flood-${i}".toString(), WireCodec.intake().write(floodReport(i))))
        }
        live.producer.flush()
        long sent = System.nanoTime()
        def row = live.eventually(Duration.ofSeconds(240)) {
            live.sql { it.firstRow("SELECT case_id, duplicates, cardinality(followers) AS followers FROM grid.cases WHERE duplicates = ?", [FLOOD - 1]) }
        }

        then:
        println "the flood reached the read model ${(System.nanoTime() - sent).intdiv(1_000_000)} ms after it was sent"
        app.streams().state().name() == 'RUNNING'
        row.followers == 100
        def sizes = new CommittedRecords(live).values(changelog).collect { it?.length ?: 0 }
        def snapshots = new CommittedRecords(live).values(live.topics.cases()).collect { it.length }
        println "largest cases changelog record: ${sizes.max()} bytes of ${sizes.size()}; largest snapshot: ${snapshots.max()} bytes"
        // the store's record cache writes the case once per commit, not once per merged report: every value the
        // store held at a commit is in the changelog, and there are far fewer of them than reports
        sizes.size() > 2 && sizes.size() < FLOOD
        sizes.max() < STORED_CASE_BOUND
        snapshots.max() < SNAPSHOT_BOUND

        and: '/metrics, scraped every second meanwhile, moved'
        moved(scrapes['citygrid_cloud_case_events_total{type="DuplicateMerged"}'])
        moved(scrapes['citygrid_cloud_projection_records_total'])
        moved(scrapes.find { k, v -> k.startsWith('kafka_stream_thread_process_total{') }?.value)
        scrapes['citygrid_cloud_projection_lag_records'].size() > 0
        live.eventually { metric(app.httpPort(), 'citygrid_cloud_cases{state="REPORTED"}') >= 1 ? true : null }
        metric(app.httpPort(), 'citygrid_cloud_health') == 2

        cleanup:
        scraper?.interrupt()
    }

    private void scrape(Map<String, List<Double>> into) {
        def wanted = ['citygrid_cloud_case_events_total{type="DuplicateMerged"}', 'citygrid_cloud_projection_records_total',
                      'citygrid_cloud_projection_lag_records', 'kafka_stream_thread_process_total{']
        try {
            while (!Thread.currentThread().interrupted) {
                org.citygrid.cloud.testkit.Http.get(app.httpPort(), '/metrics').body().readLines().each { line ->
                    def series = wanted.find { line.startsWith(it) }
                    if (series != null && !line.startsWith('#')) {
                        int space = line.lastIndexOf(' ')
                        into[line.substring(0, space)] << Double.parseDouble(line.substring(space + 1))
                    }
                }
                Thread.sleep(1000)
            }
        } catch (InterruptedException ignored) {
            // the flood is over
        }
    }

    private static boolean moved(List<Double> samples) {
        samples != null && samples.size() >= 2 && samples.last() > samples.first()
    }

    /** Report {@code i} of the flood: its own reporter, a photo, 2,000 Chinese characters, all on one spot. */
    private static IntakeRecord floodReport(int i) {
        IntakeRecord.report("flood-${i}", Channel.RESIDENT, 'open311-client', T0 + Duration.ofSeconds(i), 'C0101',
                TestGrids.HERE, ('井盖松动' * 500), "resident-${i}", false, CaseCycleRig.PHOTO)
    }

    /** A case reported, filed and dispatched, as the decider decides it. */
    private static List<CaseEvent> dispatchedCase(String caseId) {
        def decider = new CaseDecider(CaseCycleRig.RULES)
        def details = new ReportDetails('old-format-1', Channel.RESIDENT, 'C0101', TestGrids.B1,
                TestGrids.east(TestGrids.HERE, 400), 'cover missing', 'resident-old', false, T0, [])
        def operator = Actor.of('operator-1', Role.OPERATOR)
        List<CaseEvent> events = []
        Case current = null
        [[Actor.system('case-cycle'), new CaseAction.Report(details)],
         [operator, new CaseAction.File('checked')],
         [operator, new CaseAction.Dispatch('WATER_SUPPLY', 'handler-w1', null)]].eachWithIndex { step, i ->
            def decision = decider.decide(current, CaseCommand.of("old-${i}", caseId, step[0] as Actor, T0 + Duration.ofMinutes(i), step[1] as CaseAction))
            assert decision.accepted()
            decision.events().each { events << it; current = current == null ? Case.open(it) : current.apply(it) }
        }
        events
    }

    /** The newest committed value of {@code key} on the cases changelog. */
    private byte[] latest(String key) {
        def consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(live.settings.kafkaClient() + [
                'isolation.level': 'read_committed'] as Map<String, Object>,
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())
        try {
            def tp = new org.apache.kafka.common.TopicPartition(changelog, CommunityPartitioner.partition(key, live.settings.partitions()))
            consumer.assign([tp])
            consumer.seekToBeginning([tp])
            long end = consumer.endOffsets([tp])[tp]
            byte[] last = null
            while (consumer.position(tp) < end) {
                consumer.poll(Duration.ofMillis(200)).each { if (it.key() == key) { last = it.value() } }
            }
            last
        } finally {
            consumer.close()
        }
    }
}
