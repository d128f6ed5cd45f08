package org.citygrid.cloud.deadletters

import static org.citygrid.cloud.testkit.Http.health
import static org.citygrid.cloud.testkit.Http.metric

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.ledger.InputLimit
import org.citygrid.cloud.testkit.CommittedRecords
import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.intake.IntakeRejection
import org.citygrid.model.wire.WireCodec
import org.citygrid.model.wire.WireJson
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * No single record stops a reader, on the real broker and PostGIS: issue 13's NUL patrol report replayed (produced
 * straight onto grid.intake, as a device that bypassed the edge's text check would), and records the read model
 * and the case cycle cannot take, each set aside on grid.dead-letters with its reason while the records after it
 * go through. The case cycle runs with its projection, as deployed.
 */
@Stepwise
class PoisonRecordSpec extends Specification {

    static final Duration WAIT = Duration.ofSeconds(120)

    // each report of the spec at its own spot inside the test grids, more than the merge distance from the others

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('poison')

    @Shared @AutoCleanup
    CaseCycleApp app

    @Shared
    List<Integer> exits = []

    def setupSpec() {
        live.loadGrids()
        app = CaseCycleApp.start(live.settings, new TestGrids(), true, { exits << it })
    }

    def "a patrol report whose text holds NUL is on the map without it, and the report after it gets there too"() {
        when:
        live.send(live.topics.intake(), 'nul-1', ('{"v":1,"intakeId":"nul-1","channel":"PATROL","source":"edge-dc01",'
                + '"observedAt":"2026-03-02T01:00:00Z","categoryCode":"C0101","position":{"lon":116.4010,"lat":39.9110},'
                + '"description":"x\\u0000y","reporterId":"worker-1"}').bytes)
        live.report('after-nul', 'C0101', TestGrids.east(TestGrids.HERE, 300))

        then:
        def rows = live.eventually(WAIT) {
            live.sql { it.rows("SELECT description, state FROM grid.cases ORDER BY reported_at") }.with { it.size() == 2 ? it : null }
        }
        rows*.description as Set == ['xy', 'seen on patrol'] as Set
        rows*.state.every { it == 'DISPATCHED' }
        live.sql { it.firstRow("SELECT change->'details'->>'description' AS d FROM grid.case_events WHERE type = 'Reported' AND command_id = 'intake:nul-1'") }.d == 'xy'
        live.deadLetters() == []
        health(app.httpPort()).status == 'UP'
    }

    def "an event PostgreSQL refuses is set aside with the database's reason, and the projection goes on"() {
        given:
        def refused = new CaseEvent('110101001001001-260302-dead0001', 1, Instant.parse('+300000-01-01T00:00:00Z'),
                Actor.system('case-cycle'), 'intake:far-future', new CaseChange.Reported(new ReportDetails('far-future',
                Channel.PATROL, 'C0101', TestGrids.A1, TestGrids.HERE, 'from the far future', 'worker-1', false,
                Instant.parse('2026-03-02T01:00:00Z'), []), Instant.parse('+300000-01-01T01:00:00Z')))

        when:
        live.send(live.topics.caseEvents(), refused.caseId(), WireCodec.events().write(refused))
        live.report('after-refused', 'C0101', TestGrids.east(TestGrids.HERE, 100))

        then:
        live.eventually(WAIT) { live.sql { it.firstRow("SELECT 1 AS found FROM grid.case_events WHERE command_id = 'intake:after-refused'") } }
        def letter = live.eventually(WAIT) { live.deadLetters().find { it.recordKey() == refused.caseId() } }
        letter.consumer() == 'readmodel'
        letter.topic() == live.topics.caseEvents()
        letter.reason().startsWith('PostgreSQL refused it: ')
        letter.reason().contains('SQLSTATE 22')
        letter.attempts() == 3
        new String(letter.payload(), 'UTF-8') == WireCodec.events().writeString(refused)
        live.sql { it.firstRow("SELECT count(*) AS n FROM grid.case_events WHERE case_id = ?", [refused.caseId()]) }.n == 0
    }

    def "a snapshot that cannot be read is set aside as unreadable"() {
        when:
        live.send(live.topics.cases(), '110101001001001-260302-dead0002', 'not a snapshot'.bytes)
        live.report('after-unreadable', 'C0101', TestGrids.east(TestGrids.HERE, 200))

        then:
        live.eventually(WAIT) { live.sql { it.firstRow("SELECT 1 AS found FROM grid.case_events WHERE command_id = 'intake:after-unreadable'") } }
        with(live.eventually(WAIT) { live.deadLetters().find { it.recordKey() == '110101001001001-260302-dead0002' } }) {
            consumer() == 'readmodel'
            reason().startsWith('cannot read it: ')
            attempts() == 1
        }
    }

    def "the case cycle sets aside what it cannot read from its own repartition topic, and goes on"() {
        given:
        def repartition = "${live.settings.applicationId()}-commands-by-community-repartition".toString()

        when:
        live.send(repartition, 0, '110101001001001-260302-dead0003', 'garbage'.bytes)
        live.report('after-garbage', 'C0101', TestGrids.east(TestGrids.HERE, 400))

        then:
        live.eventually(WAIT) { live.sql { it.firstRow("SELECT 1 AS found FROM grid.case_events WHERE command_id = 'intake:after-garbage'") } }
        with(live.eventually(WAIT) { live.deadLetters().find { it.recordKey() == '110101001001001-260302-dead0003' } }) {
            consumer() == live.settings.applicationId()
            topic() == repartition
            reason().startsWith('cannot read it: ')
            new String(payload(), 'UTF-8') == 'garbage'
        }
    }

    def "an intake record or a command over 16 KiB is refused as malformed with its size, one at the limit is taken, and the case cycle goes on"() {
        given: "a patrol report (of another category than the cases above, so none merges) padded with JSON whitespace to exactly the limit, and the same report one byte over it"
        def atLimit = padded('at-limit', TestGrids.east(TestGrids.HERE, 150), InputLimit.MAX_RECORD_BYTES)
        def over = padded('over-limit', TestGrids.east(TestGrids.HERE, 250), InputLimit.MAX_RECORD_BYTES + 1)
        def command = ('{"v":1,"commandId":"cmd-over-limit","caseId":"110101001001001-260302-big00001","note":"'
                + ('x' * InputLimit.MAX_RECORD_BYTES) + '"}').bytes

        when:
        live.send(live.topics.intake(), 'over-limit', over)
        live.send(live.topics.commands(), '110101001001001-260302-big00001', command)
        live.send(live.topics.intake(), 'at-limit', atLimit)
        live.report('after-over-limit', 'C0102', TestGrids.east(TestGrids.HERE, 350))

        then: 'the report at the limit and the one after the refusals are filed and on the map'
        live.eventually(WAIT) {
            live.sql { it.rows("SELECT command_id FROM grid.case_events WHERE type = 'Reported' AND command_id IN ('intake:at-limit', 'intake:after-over-limit')") }.size() == 2
        }

        and: 'the intake record over the limit is refused as MALFORMED, with its size and its payload as received'
        def refusals = new CommittedRecords(live).values(live.topics.intakeRejections()).collect { WireCodec.intakeRejections().read(it) }
        refusals*.intakeId() == ['over-limit']
        refusals[0].reason() == IntakeRejection.Reason.MALFORMED
        refusals[0].message() == "an intake record is at most 16384 bytes; this one is 16385"
        refusals[0].payload().bytes.length == InputLimit.MAX_RECORD_BYTES + 1

        and: 'the command over the limit is refused with its size, and no case came of it'
        def commandRefusal = new CommittedRecords(live).values(live.topics.commandRejections())
                .collect { WireJson.mapper().readValue(it, Map) }.find { it.commandId == 'cmd-over-limit' }
        commandRefusal.reason == 'INVALID_VALUE'
        commandRefusal.message == "a command is at most 16384 bytes; this one is ${command.length}".toString()
        live.sql { it.firstRow("SELECT count(*) AS n FROM grid.case_events WHERE command_id = 'intake:over-limit'") }.n == 0
        app.streams().state().name() == 'RUNNING'
        exits == []
    }

    /** A valid patrol report at {@code position}, padded with spaces before its closing brace to {@code size} bytes. */
    private static byte[] padded(String intakeId, GeoPoint position, int size) {
        String json = new String(WireCodec.intake().write(IntakeRecord.report(intakeId, Channel.PATROL, 'it', Instant.now(),
                'C0102', position, 'seen on patrol', 'worker-1', false, [])), 'UTF-8')
        String body = json.substring(0, json.length() - 1)
        byte[] bytes = (body + (' ' * (size - json.getBytes('UTF-8').length)) + '}').getBytes('UTF-8')
        assert bytes.length == size
        bytes
    }

    def "health says DEGRADED with the count, and /metrics counts the dead letters by consumer and kind"() {
        when:
        def now = health(app.httpPort())

        then:
        now.httpStatus == 200
        now.status == 'DEGRADED'
        now.deadLetters == 3
        now.streams.status == 'UP'
        now.projection.status == 'UP'
        metric(app.httpPort(), 'citygrid_cloud_dead_letters_total{consumer="readmodel",kind="refused-by-database"}') == 1
        metric(app.httpPort(), 'citygrid_cloud_dead_letters_total{consumer="readmodel",kind="unreadable"}') == 1
        metric(app.httpPort(), 'citygrid_cloud_dead_letters_total{consumer="case-cycle",kind="deserialization"}') == 1
        app.streams().state().name() == 'RUNNING'
        exits == []
    }
}
