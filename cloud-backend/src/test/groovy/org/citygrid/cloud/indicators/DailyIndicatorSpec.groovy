package org.citygrid.cloud.indicators

import static org.citygrid.model.cases.Channel.PATROL

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.Role
import spock.lang.AutoCleanup
import spock.lang.Specification

/** Daily indicator tallies, summed per Beijing day and key, published when the buffer flushes. */
class DailyIndicatorSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-02T02:00:00Z')

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(T0, [CITYGRID_INDICATOR_FLUSH: 'PT5S'])

    def "a case closed on time counts under its street on the day: #counter = #count"() {
        given:
        closeOneCaseOnTime()

        when:
        cycle.clockTo(T0 + Duration.ofMinutes(1), Duration.ofSeconds(5))

        then:
        cycle.indicators()['2026-03-02/area/STREET/110101001'].tally().counts()[counter] == count

        where:
        counter                                           || count
        org.citygrid.model.indicator.Counter.REPORTED       || 1
        org.citygrid.model.indicator.Counter.FILED          || 1
        org.citygrid.model.indicator.Counter.DISPATCHED     || 1
        org.citygrid.model.indicator.Counter.CLOSED         || 1
        org.citygrid.model.indicator.Counter.CLOSED_ON_TIME || 1
    }

    def "tallies wait for the flush instead of going out fact by fact"() {
        when:
        closeOneCaseOnTime()

        then:
        cycle.indicators().isEmpty()
    }

    def "the department and the handler get their own tallies"() {
        given:
        closeOneCaseOnTime()

        when:
        cycle.clockTo(T0 + Duration.ofMinutes(1), Duration.ofSeconds(5))

        then:
        def tallies = cycle.indicators()
        tallies['2026-03-02/department//WATER_SUPPLY'].tally().counts().keySet().containsAll(
                [org.citygrid.model.indicator.Counter.HANDLED, org.citygrid.model.indicator.Counter.CLOSED])
        tallies['2026-03-02/person//handler-1'].tally().counts()[org.citygrid.model.indicator.Counter.HANDLED_ON_TIME] == 1
    }

    private void closeOneCaseOnTime() {
        cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', at: T0)
        def caseId = cycle.caseIds().first()
        def handler = Actor.handler('handler-1', 'WATER_SUPPLY')
        cycle.command(caseId, handler, new CaseAction.Accept(), T0 + Duration.ofSeconds(1))
        cycle.command(caseId, handler, new CaseAction.ReportHandled('done', CaseCycleRig.PHOTO), T0 + Duration.ofSeconds(2))
        cycle.command(caseId, Actor.of('worker-2', Role.GRID_WORKER), new CaseAction.Check(true, 'ok', CaseCycleRig.PHOTO), T0 + Duration.ofSeconds(3))
        cycle.command(caseId, Actor.of('operator-1', Role.OPERATOR), new CaseAction.Close('done'), T0 + Duration.ofSeconds(4))
    }
}
