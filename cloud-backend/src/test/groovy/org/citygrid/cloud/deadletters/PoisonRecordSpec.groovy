package org.citygrid.cloud.deadletters

import static org.citygrid.cloud.testkit.Http.health
import static org.citygrid.cloud.testkit.Http.metric

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.wire.WireCodec
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
