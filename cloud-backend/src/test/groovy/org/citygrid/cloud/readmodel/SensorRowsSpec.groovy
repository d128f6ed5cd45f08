package org.citygrid.cloud.readmodel

import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.model.cases.Channel
import org.citygrid.model.intake.AlarmState
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.intake.SensorAlarm
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

/** grid.sensors as the projection writes it, in batches, on real PostGIS. */
class SensorRowsSpec extends Specification {

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('sensor_rows')

    def setupSpec() {
        live.loadGrids()
    }

    def "a raise and its clear of one sensor in one batch leave the sensor cleared"() {
        given: 'the projection is behind, so its next batch holds both edges of an episode'
        def t = Instant.parse('2026-11-23T08:00:00Z')
        def raise = alarm('mc-batch-1', 'ep-1', AlarmState.RAISED, t)
        def clear = alarm('mc-batch-1', 'ep-1', AlarmState.CLEARED, t.plusSeconds(90))

        when:
        write([raise, clear])

        then:
        def row = live.sql { it.firstRow("SELECT alarm_state, intake_id, observed_at FROM grid.sensors WHERE device_id = 'mc-batch-1'") }
        row.alarm_state == 'CLEARED'
        row.intake_id == clear.intakeId()
    }

    def "an older edge later in the batch does not undo a newer one"() {
        given:
        def t = Instant.parse('2026-11-23T09:00:00Z')
        def newer = alarm('mc-batch-2', 'ep-2', AlarmState.RAISED, t.plusSeconds(60))
        def older = alarm('mc-batch-2', 'ep-1', AlarmState.CLEARED, t)

        when:
        write([newer, older])

        then:
        live.sql { it.firstRow("SELECT alarm_state FROM grid.sensors WHERE device_id = 'mc-batch-2'") }.alarm_state == 'RAISED'
    }

    private void write(List<IntakeRecord> alarms) {
        def c = live.database.connect()
        try {
            SensorRows.upsert(c, alarms)
            c.commit()
        } finally {
            c.close()
        }
    }

    private static IntakeRecord alarm(String device, String episode, AlarmState state, Instant at) {
        new IntakeRecord("edge-it:${device}:${episode}:${state}", Channel.SENSOR, 'edge-it', at, null, 'manhole-tilt',
                device, new SensorAlarm("${device}:${episode}", state, 'tilt', 21.0d, 'deg', 15d), TestGrids.HERE, '',
                device, false, [])
    }
}
