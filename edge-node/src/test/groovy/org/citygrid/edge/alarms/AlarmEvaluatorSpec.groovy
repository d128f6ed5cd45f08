package org.citygrid.edge.alarms

import java.time.Instant
import org.citygrid.edge.senml.Reading
import spock.lang.Specification

/** Thresholds with hysteresis, debounce and minimum duration: each episode raises once and clears once. */
class AlarmEvaluatorSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-02T01:00:00Z')

    static AlarmRule rule(Map m = [:]) {
        new AlarmRule('level', 'm', 0, 10, AlarmRule.Direction.valueOf(m.direction ?: 'ABOVE'), m.raiseAt ?: 0.3,
                m.clearAt ?: 0.1, m.debounce ?: 1, m.minDurationSeconds ?: 0, 60)
    }

    /** Feeds (seconds, value) readings through the rule and returns the edges, e.g. ['R1@20', 'C1@50']. */
    static List<String> edges(AlarmRule rule, List<List<Number>> readings) {
        def state = EpisodeState.INITIAL
        def out = []
        readings.each { t, v ->
            def step = AlarmEvaluator.step(rule, state, new Reading('level', T0.plusSeconds(t as long), 'm', v as double))
            state = step.state()
            if (step.edge() != null) {
                out << "${step.edge().state().name()[0]}${step.edge().seq()}@${t}".toString()
            }
        }
        out
    }

    def "#behaviour"() {
        expect:
        edges(rule(settings), readings) == expected

        where:
        behaviour                                                         | settings                                      | readings                                                   || expected
        'a value at the raise threshold raises'                           | [:]                                           | [[0, 0.05], [10, 0.3]]                                     || ['R1@10']
        'staying high raises only once'                                   | [:]                                           | [[0, 0.5], [10, 0.6], [20, 0.9]]                           || ['R1@0']
        'between the thresholds nothing changes (hysteresis)'             | [:]                                           | [[0, 0.5], [10, 0.2], [20, 0.29], [30, 0.11]]              || ['R1@0']
        'falling to the clear threshold clears, once'                     | [:]                                           | [[0, 0.5], [10, 0.1], [20, 0.0], [30, 0.05]]               || ['R1@0', 'C1@10']
        'a second episode gets the next number'                           | [:]                                           | [[0, 0.5], [10, 0.0], [20, 0.7], [30, 0.0]]                || ['R1@0', 'C1@10', 'R2@20', 'C2@30']
        'debounce: one spike is not enough'                               | [debounce: 3]                                 | [[0, 0.9], [10, 0.0], [20, 0.9], [30, 0.9]]                || []
        'debounce: three consecutive high readings raise on the third'    | [debounce: 3]                                 | [[0, 0.9], [10, 0.9], [20, 0.9], [30, 0.9]]                || ['R1@20']
        'debounce applies to clearing too'                                | [debounce: 2]                                 | [[0, 0.9], [10, 0.9], [20, 0.0], [30, 0.5], [40, 0.0], [50, 0.0]] || ['R1@10', 'C1@50']
        'minimum duration: high for 50 s of a 60 s minimum does not raise'| [minDurationSeconds: 60]                      | [[0, 0.9], [25, 0.9], [50, 0.9], [55, 0.0]]                || []
        'minimum duration: high for 60 s raises at the 60th second'       | [minDurationSeconds: 60]                      | [[0, 0.9], [30, 0.9], [60, 0.9], [90, 0.9]]                || ['R1@60']
        'a low alarm raises at or below its threshold'                    | [direction: 'BELOW', raiseAt: 2, clearAt: 3]  | [[0, 5], [10, 2], [20, 2.5], [30, 3]]                      || ['R1@10', 'C1@30']
    }

    def "a rule whose clear threshold is on the wrong side of its raise threshold is refused"() {
        when:
        rule(raiseAt: 0.3, clearAt: 0.5)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('clearAt 0.5 is on the wrong side of raiseAt 0.3')
    }
}
