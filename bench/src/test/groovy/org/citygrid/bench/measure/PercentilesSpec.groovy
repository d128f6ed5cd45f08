package org.citygrid.bench.measure

import spock.lang.Specification

class PercentilesSpec extends Specification {
    def "percentiles are nearest-rank values of the samples, in milliseconds"() {
        when:
        def p = Percentiles.ofNanos((1..100).collect { it * 1_000_000L }.reverse())

        then:
        p.count() == 100
        p.p50() == 50d
        p.p95() == 95d
        p.p99() == 99d
    }

    def "a single sample is every percentile"() {
        expect:
        Percentiles.ofNanos([7_500_000L]) == new Percentiles(1, 7.5d, 7.5d, 7.5d)
    }

    def "no samples give no percentiles, shown as a dash"() {
        expect:
        Percentiles.ofNanos([]).isEmpty()
        Percentiles.ms(Percentiles.ofNanos([]).p50()) == '-'
    }
}
