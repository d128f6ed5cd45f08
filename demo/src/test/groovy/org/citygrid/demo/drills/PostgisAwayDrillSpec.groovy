package org.citygrid.demo.drills

import java.time.Duration

/**
 * LIVE, about 80 seconds: the postgis-away fault drill at a small size ({@link SmallDrill}), run once for both
 * features. PostgreSQL is stopped under the sensors' load, stays away for 10 s and starts again on the same data;
 * the broker, the edge node and cloud-backend keep running throughout.
 */
class PostgisAwayDrillSpec extends LiveDrill {
    SmallDrill newDrill() {
        new SmallDrill(Fault.POSTGIS_AWAY, Duration.ofSeconds(10))
    }

    def "the case cycle does not need the read model: one transition per acknowledged edge on grid.case-events while PostgreSQL is away"() {
        expect: 'PostgreSQL really went away under load, and no service was restarted'
        edgesAcknowledgedBeforeAndAfterTheFault()
        drill.log('logs/cloud-backend.log').contains('read model write failed')
        drill.log('logs/cloud-backend.log').count('=== demo: starting cloud-backend') == 1

        and:
        caseCycleCountedEveryEdgeOnce()
    }

    def "the read model catches up after PostgreSQL was away: every acknowledged edge's transition once"() {
        expect:
        readModelCountedEveryEdgeOnce()
    }
}
