package org.citygrid.demo.drills

import java.time.Duration
import spock.lang.PendingFeature
import spock.lang.Shared
import spock.lang.Specification

/**
 * LIVE, about 100 seconds: the postgis-away fault drill at a small size ({@link SmallDrill}), run once for both
 * features. PostgreSQL is stopped under the sensors' load, stays away for 10 s and starts again on the same data;
 * the broker, the edge node and cloud-backend keep running throughout.
 */
class PostgisAwayDrillSpec extends Specification {
    @Shared
    SmallDrill drill = new SmallDrill(Fault.POSTGIS_AWAY, Duration.ofSeconds(10))
    @Shared
    DrillCount count

    def setupSpec() {
        count = drill.run()
    }

    def "the case cycle does not need the read model: one transition per acknowledged edge on grid.case-events while PostgreSQL is away"() {
        expect: 'PostgreSQL really went away under load, and no service was restarted'
        count.acknowledgedBeforeFault() > 0
        count.acknowledgedAfterFault() > 0
        drill.log('logs/cloud-backend.log').contains('read model write failed')
        drill.log('logs/cloud-backend.log').count('=== demo: starting cloud-backend') == 1

        and:
        count.lostBeforeReadModel() == 0
        count.duplicatedBeforeReadModel() == 0
        count.downstream().caseCycle().casesWithGaps() == 0
    }

    @PendingFeature(reason = '''the projection meets the backlog the outage left in one batch, with a raise and a clear
        of one sensor: SensorRows' rewritten multi-row upsert fails ("cannot affect row a second time") and the batch
        is retried for ever (docs/drills.md)''')
    def "the read model catches up after PostgreSQL was away: every acknowledged edge's transition once"() {
        expect:
        count.lost() == 0
        count.duplicated() == 0
        drill.output().contains('PASS: no acknowledged event or case transition was lost or duplicated')
    }
}
