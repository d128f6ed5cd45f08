package org.citygrid.model.indicator

import static org.citygrid.model.indicator.Counter.*

import org.citygrid.model.wire.WireJson
import spock.lang.Specification

class IndicatorTallySpec extends Specification {

    static IndicatorTally tally(Map<Counter, Long> counts) { new IndicatorTally(counts) }

    static IndicatorTally random(Random r) {
        def counters = Counter.values()
        tally((1..r.nextInt(6)).collectEntries { [(counters[r.nextInt(counters.length)]): (long) r.nextInt(1000)] })
    }

    def "plus adds counter by counter"() {
        expect:
        tally([(FILED): 3L, (CLOSED): 2L]).plus(tally([(CLOSED): 5L, (REWORKED): 1L])) ==
                tally([(FILED): 3L, (CLOSED): 7L, (REWORKED): 1L])
    }

    def "a counter nothing was counted in reads zero"() {
        expect:
        IndicatorTally.of(FILED).get(CLOSED) == 0
    }

    def "zero counters are left out, so equal figures make equal tallies"() {
        expect:
        tally([(FILED): 3L, (CLOSED): 0L]) == tally([(FILED): 3L])
        tally([(FILED): 3L, (CLOSED): 0L]).counts().keySet() == [FILED] as Set
    }

    def "a negative counter is refused"() {
        when:
        tally([(FILED): -1L])

        then:
        thrown(IllegalArgumentException)
    }

    def "a tally cannot be changed through its counts"() {
        when:
        IndicatorTally.of(FILED).counts().put(CLOSED, 1L)

        then:
        thrown(UnsupportedOperationException)
    }

    def "the sum of no tallies is zero"() {
        expect:
        IndicatorTally.sum([]) == IndicatorTally.ZERO
        IndicatorTally.ZERO.isZero()
    }

    def "zero is the identity of plus (seed #seed)"() {
        given:
        def t = random(new Random(seed))

        expect:
        t.plus(IndicatorTally.ZERO) == t
        IndicatorTally.ZERO.plus(t) == t

        where:
        seed << (1..20)
    }

    def "plus is associative and commutative (seed #seed)"() {
        given:
        def r = new Random(seed)
        def (a, b, c) = [random(r), random(r), random(r)]

        expect:
        a.plus(b).plus(c) == a.plus(b.plus(c))
        a.plus(b) == b.plus(a)

        where:
        seed << (1..50)
    }

    def "a tally survives a round trip through JSON"() {
        given:
        def mapper = WireJson.mapper()
        def t = tally([(FILED): 3L, (HANDLING_WORKING_SECONDS): 7200L])

        when:
        def json = mapper.writeValueAsString(t)

        then:
        json == '{"counts":{"FILED":3,"HANDLING_WORKING_SECONDS":7200}}'
        mapper.readValue(json, IndicatorTally) == t
    }

    def "a key survives a round trip through JSON as #json"() {
        given:
        def mapper = WireJson.mapper()

        expect:
        mapper.writeValueAsString(key) == json
        mapper.readValue(json, IndicatorKey) == key

        where:
        key                                                           || json
        new IndicatorKey.Area(AreaLevel.STREET, '110101001')          || '{"dimension":"area","level":"STREET","code":"110101001"}'
        new IndicatorKey.Department('SANITATION')                     || '{"dimension":"department","code":"SANITATION"}'
        new IndicatorKey.Person('worker-1')                           || '{"dimension":"person","id":"worker-1"}'
        new IndicatorKey.Category('C0101')                            || '{"dimension":"category","code":"C0101"}'
    }
}
