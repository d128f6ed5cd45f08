package org.citygrid.demo.drills

import java.time.Instant
import spock.lang.Specification

/**
 * What the drill calls lost and duplicated, on made-up downstream readings: the drill's verdict must fail when
 * something is missing or doubled, and must not fail for the resends at-least-once forwarding is allowed.
 */
class DrillCountSpec extends Specification {
    static final Instant KILL = Instant.parse('2026-11-23T12:00:00Z')
    static final String RAISE = 'edge-1:s-1:ep-1:RAISED'
    static final String CLEAR = 'edge-1:s-1:ep-1:CLEARED'

    def "#situation: lost #lost, duplicated #duplicated"() {
        given:
        def edges = [new AcknowledgedEdge(RAISE, 's-1', 1, true, KILL.minusSeconds(1)),
                     new AcknowledgedEdge(CLEAR, 's-1', 1, false, KILL.plusSeconds(1))]
        def byCommand = transitions.collectEntries { id, types -> ['intake:' + id, types] }
        def snapshot = new Downstream.Snapshot(intake, intake.values().sum(0) as long, [:], byCommand, 1, 5, gaps,
                new Downstream.CaseCycleOutput(byCommand, 5, gaps))

        when:
        def count = DrillCount.of(new DrillCount.Readings(10, 10, 0, 0, 0), edges, KILL, 'edge-1', snapshot)

        then:
        count.lost() == lost
        count.duplicated() == duplicated
        count.passed() == (lost == 0 && duplicated == 0)

        where:
        situation                                     | intake                 | transitions                                                  | gaps || lost | duplicated
        'everything arrived once'                     | [(RAISE): 1, (CLEAR): 1] | [(RAISE): [Reported: 1], (CLEAR): [AlarmCleared: 1]]       | 0    || 0    | 0
        'the raise joined a nearby case'              | [(RAISE): 1, (CLEAR): 1] | [(RAISE): [DuplicateMerged: 1], (CLEAR): [AlarmCleared: 1]] | 0    || 0    | 0
        'forwarded twice, refused the second time'    | [(RAISE): 2, (CLEAR): 1] | [(RAISE): [Reported: 1], (CLEAR): [AlarmCleared: 1]]       | 0    || 0    | 0
        'the clear never reached grid.intake'         | [(RAISE): 1]           | [(RAISE): [Reported: 1]]                                     | 0    || 1    | 0
        'the raise is on the topic but made no case'  | [(RAISE): 1, (CLEAR): 1] | [(CLEAR): [AlarmCleared: 1]]                               | 0    || 1    | 0
        'the raise made two cases'                    | [(RAISE): 2, (CLEAR): 1] | [(RAISE): [Reported: 2], (CLEAR): [AlarmCleared: 1]]       | 0    || 0    | 1
        'the clear was applied twice'                 | [(RAISE): 1, (CLEAR): 2] | [(RAISE): [Reported: 1], (CLEAR): [AlarmCleared: 2]]       | 0    || 0    | 1
        'a case lost a transition in the read model'  | [(RAISE): 1, (CLEAR): 1] | [(RAISE): [Reported: 1], (CLEAR): [AlarmCleared: 1]]       | 1    || 1    | 0
    }

    def "an edge forwarded but never acknowledged (durable, unanswered at the kill) is listed, not counted as a fault"() {
        given:
        def other = 'edge-1:s-2:ep-1:RAISED'
        def snapshot = new Downstream.Snapshot([(RAISE): 1, (other): 1], 2, [:],
                [('intake:' + RAISE): [Reported: 1], ('intake:' + other): [Reported: 1]], 2, 2, 0,
                Downstream.CaseCycleOutput.NONE)

        when:
        def count = DrillCount.of(new DrillCount.Readings(1, 1, 0, 0, 0),
                [new AcknowledgedEdge(RAISE, 's-1', 1, true, KILL)], KILL, 'edge-1', snapshot)

        then:
        count.notAcknowledged() == [other] as Set
        count.passed()
    }

    def "a transition on the grid.case-events topic that never reached the read model is lost by the projection"() {
        given: 'both edges made their transition on the topic, only the raise is in the read model'
        def onTopic = [('intake:' + RAISE): [Reported: 1], ('intake:' + CLEAR): [AlarmCleared: 1]]
        def snapshot = new Downstream.Snapshot([(RAISE): 1, (CLEAR): 1], 2, [:],
                [('intake:' + RAISE): [Reported: 1]], 1, 1, 0, new Downstream.CaseCycleOutput(onTopic, 2, 0))

        when:
        def count = DrillCount.of(new DrillCount.Readings(2, 2, 0, 0, 0),
                [new AcknowledgedEdge(RAISE, 's-1', 1, true, KILL), new AcknowledgedEdge(CLEAR, 's-1', 1, false, KILL)],
                KILL, 'edge-1', snapshot)

        then:
        count.lost() == 1
        count.lostBeforeReadModel() == 0
        !count.passed()
    }

    def "a transition written twice to the grid.case-events topic is duplicated even when the read model shows it once"() {
        given:
        def snapshot = new Downstream.Snapshot([(RAISE): 1], 1, [:], [('intake:' + RAISE): [Reported: 1]], 1, 1, 0,
                new Downstream.CaseCycleOutput([('intake:' + RAISE): [Reported: 2]], 2, 0))

        when:
        def count = DrillCount.of(new DrillCount.Readings(1, 1, 0, 0, 0),
                [new AcknowledgedEdge(RAISE, 's-1', 1, true, KILL)], KILL, 'edge-1', snapshot)

        then:
        count.duplicatedBeforeReadModel() == 1
        count.duplicated() == 1
        !count.passed()
    }
}
