package org.citygrid.cloud.readmodel

import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.metrics.CaseCycleMetrics
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.Role
import org.citygrid.model.intake.AlarmState
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.time.Duration

/**
 * The case cycle against a real Kafka broker and PostGIS: a manhole-tilt alarm goes all the way
 * to a closed case, and every step is found in the read model.
 */
@Stepwise
class SensorToClosedSpec extends Specification {

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('sensor_to_closed')

    @Shared @AutoCleanup
    CaseCycleApp app

    @Shared
    String caseId

    def setupSpec() {
        live.loadGrids()
        app = CaseCycleApp.start(live.settings, new TestGrids(), true)
        live.send(live.topics.responsibility(), 'C0101@*', '{"v":1,"departments":[{"department":"WATER_SUPPLY","handlers":["handler-w1"]}]}'.bytes)
    }

    def "a sensor alarm becomes a dispatched case in the read model"() {
        when:
        live.sensorAlarm('mc-it-1', 'mc-it-1:ep-1', AlarmState.RAISED)

        then:
        // the first wait also covers the exactly-once application's start on a fresh broker
        def row = live.eventually(Duration.ofSeconds(120)) { live.sql { it.firstRow("SELECT * FROM grid.cases WHERE state = 'DISPATCHED'") } }
        row.department == 'WATER_SUPPLY'
        row.assignee == 'handler-w1'
        row.grid_code == TestGrids.A1

        cleanup:
        caseId = row?.case_id
    }

    def "the sensor is on the map, alarmed, pointing at its case"() {
        expect:
        def sensor = live.eventually { live.sql { it.firstRow("SELECT * FROM grid.sensors WHERE device_id = 'mc-it-1' AND case_id IS NOT NULL") } }
        sensor.alarm_state == 'RAISED'
        sensor.case_id == caseId
        sensor.grid_code == TestGrids.A1
    }

    def "the case is handled, checked and closed by commands"() {
        given:
        def handler = Actor.handler('handler-w1', 'WATER_SUPPLY')

        when:
        live.command(caseId, handler, new CaseAction.Accept())
        live.command(caseId, handler, new CaseAction.ReportHandled('cover replaced', CaseCycleRig.PHOTO))
        // the clear travels on grid.intake, the commands on grid.commands: each waits for the step before it,
        // or the case cycle may see them in another order (and refuse a clear of a closed case)
        assert live.eventually { hasEvent('Handled') }
        live.sensorAlarm('mc-it-1', 'mc-it-1:ep-1', AlarmState.CLEARED)
        assert live.eventually { hasEvent('AlarmCleared') }
        live.command(caseId, Actor.of('worker-2', Role.GRID_WORKER), new CaseAction.Check(true, 'firm', CaseCycleRig.PHOTO))
        live.command(caseId, Actor.of('operator-1', Role.OPERATOR), new CaseAction.Close('done'))

        then:
        def row = live.eventually { live.sql { it.firstRow("SELECT * FROM grid.cases WHERE case_id = ? AND state = 'CLOSED'", [caseId]) } }
        row.version == 8
        row.closed_at != null
    }

    def "every step is in case_events, in order"() {
        expect:
        live.eventually { live.sql { it.firstRow('SELECT count(*) AS n FROM grid.case_events WHERE case_id = ?', [caseId]).n == 8 } }
        live.sql { it.rows('SELECT version, type FROM grid.case_events WHERE case_id = ? ORDER BY version', [caseId]) }
                .collect { it.type } == ['Reported', 'Filed', 'Dispatched', 'Accepted', 'Handled', 'AlarmCleared', 'CheckPassed', 'Closed']
    }

    def "the indicators count the case as filed and closed"() {
        expect: 'summed over the days: a run across midnight in Beijing counts the report on one day and the close on the next'
        def counts = live.eventually { countyCounts().CLOSED ? countyCounts() : null }
        counts.REPORTED == 1
        counts.FILED == 1
        counts.CLOSED == 1
    }

    private Map<String, Integer> countyCounts() {
        def rows = live.sql { it.rows("SELECT counts::text AS c FROM grid.indicators WHERE dimension = 'area' AND level = 'COUNTY' AND code = '110101'") }
        Map<String, Integer> sum = [:].withDefault { 0 }
        rows.each { row -> new groovy.json.JsonSlurper().parseText(row.c).each { k, v -> sum[k] += v as int } }
        sum
    }

    private boolean hasEvent(String type) {
        live.sql { it.firstRow('SELECT count(*) AS n FROM grid.case_events WHERE case_id = ? AND type = ?', [caseId, type]).n > 0 }
    }

    def "projecting every topic again from the start changes no row"() {
        given:
        def before = readModel()
        def replaySettings = live.settingsWith(CITYGRID_PROJECTION_GROUP: 'readmodel-sensor_to_closed-replay')
        def replay = new Projection(replaySettings.projection(), live.database, new CaseCycleMetrics())
        def thread = Thread.start { replay.run() }

        when:
        def done = live.eventually {
            live.caughtUp('readmodel-sensor_to_closed-replay',
                    [live.topics.caseEvents(), live.topics.cases(), live.topics.intake(), live.topics.indicators()])
        }
        replay.close()
        thread.join()

        then:
        done
        readModel() == before
    }

    private Map readModel() {
        live.sql {
            [cases      : it.rows('SELECT case_id, version, state FROM grid.cases ORDER BY case_id')*.values()*.toList(),
             events     : it.firstRow('SELECT count(*) AS n FROM grid.case_events').n,
             sensors    : it.rows('SELECT device_id, alarm_state, case_id FROM grid.sensors ORDER BY device_id')*.values()*.toList(),
             indicators : it.rows('SELECT day, dimension, level, code, events FROM grid.indicators ORDER BY 1, 2, 3, 4')*.values()*.toList()]
        }
    }
}
