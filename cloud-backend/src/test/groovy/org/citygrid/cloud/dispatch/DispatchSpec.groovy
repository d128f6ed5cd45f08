package org.citygrid.cloud.dispatch

import static org.citygrid.cloud.testkit.TestGrids.HERE
import static org.citygrid.cloud.testkit.TestGrids.east
import static org.citygrid.model.cases.Channel.PATROL

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.model.cases.CaseState
import spock.lang.AutoCleanup
import spock.lang.Specification

class DispatchSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-02T02:00:00Z')

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(T0)

    def "without a row in the responsibility table a case goes to the category's first department"() {
        when:
        cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', at: T0)

        then:
        def snapshot = cycle.snapshot(cycle.caseIds().first())
        snapshot.state() == CaseState.DISPATCHED
        snapshot.department() == 'WATER_SUPPLY'
        snapshot.assignee() == null
    }

    def "a territorial department is resolved to the case's street"() {
        when:
        cycle.report(channel: PATROL, category: 'E0102', reporter: 'worker-1', at: T0)

        then:
        cycle.snapshot(cycle.caseIds().first()).department() == 'STREET_OFFICE:110101001'
    }

    def "the row for the #level wins over less specific rows"() {
        given:
        ['*': 'SANITATION', '110101': 'DRAINAGE', '110101001': 'HOUSING', '110101001001': 'GAS_SUPPLY',
         (TestGrids.A1): 'TELECOM'].findAll { area, dept -> area in rows }.each { area, dept ->
            cycle.responsibility('C0101', area, [[department: dept]])
        }

        when:
        cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', at: T0)

        then:
        cycle.snapshot(cycle.caseIds().first()).department() == department

        where:
        level       | rows                                                               || department
        'city'      | ['*']                                                              || 'SANITATION'
        'county'    | ['*', '110101']                                                    || 'DRAINAGE'
        'street'    | ['*', '110101', '110101001']                                       || 'HOUSING'
        'community' | ['*', '110101', '110101001', '110101001001']                       || 'GAS_SUPPLY'
        'grid'      | ['*', '110101', '110101001', '110101001001', TestGrids.A1]         || 'TELECOM'
    }

    def "handlers of a department take tasks in turn, by how many they hold"() {
        given:
        cycle.responsibility('C0101', '*', [[department: 'WATER_SUPPLY', handlers: ['handler-a', 'handler-b']]])

        when: 'four separate problems are reported'
        [0, 60, 120, 180].eachWithIndex { metres, i ->
            cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', position: east(HERE, metres),
                    at: T0 + Duration.ofMinutes(i))
        }

        then:
        def assignees = cycle.caseIds().collect { cycle.snapshot(it).assignee() }
        assignees.countBy { it } == ['handler-a': 2, 'handler-b': 2]
    }

    def "a row deleted from the table no longer applies"() {
        given:
        cycle.responsibility('C0101', '*', [[department: 'DRAINAGE']])
        cycle.driver.createInputTopic('grid.responsibility', new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()).pipeInput('C0101@*', (byte[]) null)

        when:
        cycle.report(channel: PATROL, category: 'C0101', reporter: 'worker-1', at: T0)

        then:
        cycle.snapshot(cycle.caseIds().first()).department() == 'WATER_SUPPLY'
    }
}
