package org.citygrid.cloud.notify

import static org.citygrid.model.cases.Channel.PATROL

import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import spock.lang.Specification

/**
 * CITYGRID_NOTIFICATIONS_V1 turns the v1 records written beside each v2 notification on and off (docs/wire-formats.md,
 * notification v1). Off, grid.notifications carries the v2 records alone, the same as with it on: what mobile-api
 * reads once it has switched to v2, and five Kafka records fewer per report that is filed and dispatched.
 */
class NotificationsV1SwitchSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-02T02:00:00Z')

    def "CITYGRID_NOTIFICATIONS_V1=false drops the v1 records of a filed and dispatched report and changes nothing else on grid.notifications"() {
        when: 'the same patrol report (filed and dispatched at once) goes through a case cycle with v1 on and one with v1 off'
        def on = run('true')
        def off = run('false')

        then:
        on.changes == ['Reported', 'Filed', 'Dispatched']
        off.changes == on.changes
        on.v1.size() == 5
        off.v1 == []
        off.v2 == on.v2
        on.v2.size() == 3
    }

    private static Map run(String v1) {
        def cycle = new CaseCycleRig(T0, [CITYGRID_NOTIFICATIONS_V1: v1])
        try {
            cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', at: T0)
            def caseId = cycle.caseIds().first()
            [changes: cycle.changes(caseId),
             v2     : cycle.notifications(caseId).collect { n -> n.recipients().collect { "${it.what()} ${it.audience().kind()}" }.join(', ') },
             v1     : cycle.notificationsV1(caseId).collect { "v1 ${it.what ?: it.type}".toString() }]
        } finally {
            cycle.close()
        }
    }
}
