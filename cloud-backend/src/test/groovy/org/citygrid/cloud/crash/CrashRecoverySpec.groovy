package org.citygrid.cloud.crash

import java.nio.file.Files
import java.time.Duration
import java.time.Instant
import org.apache.kafka.clients.producer.ProducerRecord
import org.citygrid.cloud.TopicSetup
import org.citygrid.cloud.keys.CaseIds
import org.citygrid.cloud.testkit.CaseCycleChild
import org.citygrid.cloud.testkit.CommittedRecords
import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Channel
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.wire.WireCodec
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * Kills the case cycle (SIGKILL, in its own JVM) in the middle of a burst of reports and commands,
 * starts it again on the same state directory, and counts: every report became exactly one case,
 * every case's events run 1, 2, 3... without a gap or a repeat, and every command has exactly one
 * outcome (its events, or its rejection). Then kills it again while an SLA alarm is pending, and
 * sees the alarm go off after the restart: the clocks live in a state store, not in memory.
 */
@Stepwise
class CrashRecoverySpec extends Specification {

    static final int REPORTS = 150
    static final Actor HANDLER = Actor.handler('handler-1', 'WATER_SUPPLY')

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('crash', [CITYGRID_DUPLICATE_DISTANCE_M: '0.5', CITYGRID_SESSION_TIMEOUT: 'PT6S'])

    @Shared
    List<java.nio.file.Path> logs = []

    @Shared
    Process child

    @Shared
    Map<String, String> caseOfReport = [:]

    @Shared
    List<String> commandIds = []

    def setupSpec() {
        TopicSetup.ensure(live.settings.bootstrapServers(), live.topics, live.settings.partitions(), live.settings.replication())
    }

    def cleanupSpec() {
        child?.destroyForcibly()?.waitFor()
    }

    def "a burst of reports and commands, with the case cycle killed half-way and started again"() {
        given:
        child = startChild()
        def start = Instant.now()

        when:
        (0..<REPORTS).each { i ->
            if (i == REPORTS.intdiv(2)) {
                child.destroyForcibly().waitFor()
            }
            sendReport(i, start + Duration.ofMillis(i))
            if (i >= 10) {
                sendAccept(i - 10)
            }
        }
        (REPORTS - 10..<REPORTS).each { sendAccept(it) }
        child = startChild()

        then: 'both runs reached RUNNING'
        logs.size() == 2
        logs.every { it.toFile().text.contains('STATE RUNNING') }
    }

    def "every report became exactly one case, with its events in order and none twice"() {
        when:
        def events = live.eventually(Duration.ofSeconds(120)) {
            def seen = readEvents()
            caseOfReport.values().every { id -> seen[id]?.any { it.change() instanceof org.citygrid.model.cases.CaseChange.Dispatched } } ? seen : null
        }

        then:
        events.keySet() == caseOfReport.values() as Set
        events.findAll { caseId, list -> list*.version() != (1L..list.size()) as List }.keySet() == [] as Set
        events.findAll { caseId, list -> list.first().commandId() != "intake:${reportOf(caseId)}".toString() }.keySet() == [] as Set
    }

    def "every command has exactly one outcome"() {
        when:
        def outcomes = live.eventually(Duration.ofSeconds(60)) {
            def byCommand = outcomesByCommand()
            commandIds.every { byCommand.containsKey(it) } ? byCommand : null
        }

        then: 'an Accept that overtook its report is refused as UNKNOWN_CASE: commands and intake travel separately'
        commandIds.findAll { outcomes[it].size() != 1 } == []
        commandIds.collect { outcomes[it].first() }.unique() - ['Accepted', 'rejected UNKNOWN_CASE'] == []
    }

    def "an SLA clock set before a crash goes off after the restart"() {
        given: 'a fire (2 hours to handle, round the clock) reported long enough ago that its deadline is 60 s away'
        // 60 s: time for the warning to be decided and seen, and the kill made, before the deadline on a loaded machine
        def at = Instant.now() - Duration.ofHours(2) + Duration.ofSeconds(60)
        def position = new GeoPoint(116.4050, 39.9115)
        String intakeId = 'crash-fire-1'
        String caseId = CaseIds.forReport(TestGrids.B1, at, intakeId)
        live.producer.send(new ProducerRecord<>(live.topics.intake(), null, at.toEpochMilli(), intakeId,
                WireCodec.intake().write(IntakeRecord.report(intakeId, Channel.PATROL, 'crash-spec', at, 'E0411', position,
                        'smoke', 'worker-1', false, [])))).get()
        assert live.eventually { slaChanges(caseId) == ['DeadlineApproaching'] }

        when: 'the case cycle dies with the overdue alarm pending, and comes back'
        child.destroyForcibly().waitFor()
        def beforeRestart = slaChanges(caseId)
        child = startChild()

        then:
        beforeRestart == ['DeadlineApproaching']
        live.eventually(Duration.ofSeconds(180)) { slaChanges(caseId).contains('Overdue') }
        slaChanges(caseId).count('Overdue') == 1
        readEvents()[caseId]*.version() == (1L..readEvents()[caseId].size()) as List
    }

    // ---- helpers

    private List<String> slaChanges(String caseId) {
        (readEvents()[caseId] ?: []).findAll { it.actor().id() == 'system:sla' }.collect { it.change().class.simpleName }
    }

    private Process startChild() {
        def log = Files.createTempFile('case-cycle-child', '.log')
        logs << log
        CaseCycleChild.start(childEnvironment(), log)
    }

    private Map<String, String> childEnvironment() {
        live.environment(CITYGRID_DUPLICATE_DISTANCE_M: '0.5', CITYGRID_SESSION_TIMEOUT: 'PT6S')
    }

    private void sendReport(int i, Instant at) {
        String intakeId = "crash-report-${i}"
        caseOfReport[intakeId] = live.burstReport(intakeId, i, at)
    }

    private void sendAccept(int i) {
        String caseId = caseOfReport["crash-report-${i}".toString()]
        String commandId = "crash-accept-${i}"
        commandIds << commandId
        live.producer.send(new ProducerRecord<>(live.topics.commands(), caseId,
                WireCodec.commands().write(CaseCommand.of(commandId, caseId, HANDLER, Instant.now(), new CaseAction.Accept()))))
    }

    private String reportOf(String caseId) {
        caseOfReport.find { it.value == caseId }.key
    }

    private Map<String, List<CaseEvent>> readEvents() {
        new CommittedRecords(live).eventsByCase()
    }

    private Map<String, List<String>> outcomesByCommand() {
        new CommittedRecords(live).outcomesByCommand()
    }
}
