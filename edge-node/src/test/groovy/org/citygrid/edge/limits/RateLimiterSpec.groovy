package org.citygrid.edge.limits

import org.citygrid.edge.config.EdgeConfig
import spock.lang.Specification

/** The per-device token bucket on a clock the spec moves. */
class RateLimiterSpec extends Specification {

    long now = 0
    RateLimiter limiter = new RateLimiter(new EdgeConfig.RateLimit(2, 3), { now })

    /** Requests at these milliseconds: 'ok', or the Max-Age of the refusal. */
    List<String> at(List<Integer> millis, String device = 'mc-0042') {
        millis.collect { ms ->
            now = ms * 1_000_000L
            try {
                limiter.take(device)
                'ok'
            } catch (TooManyRequests e) {
                "wait ${e.retryAfterSeconds()} s".toString()
            }
        }
    }

    def "2 per second with a burst of 3: #pattern"() {
        expect:
        at(millis) == answers

        where:
        pattern                                       | millis                       || answers
        'three at once pass, the fourth waits'        | [0, 0, 0, 0]                 || ['ok', 'ok', 'ok', 'wait 1 s']
        'half a second later one token is back'       | [0, 0, 0, 500, 500]          || ['ok', 'ok', 'ok', 'ok', 'wait 1 s']
        'a steady 2 per second never waits'           | (0..20).collect { it * 500 } || ['ok'] * 21
        'a quiet spell refills no more than the burst' | [0, 0, 0, 60_000, 60_000, 60_000, 60_000] || ['ok'] * 6 + ['wait 1 s']
        'a refused request takes no token'            | [0, 0, 0, 0, 0, 500]         || ['ok', 'ok', 'ok', 'wait 1 s', 'wait 1 s', 'ok']
    }

    def "Max-Age is the whole seconds until a token is back: #rate per second"() {
        given:
        limiter = new RateLimiter(new EdgeConfig.RateLimit(rate, 1), { now })

        expect:
        at([0, 0]) == ['ok', "wait $seconds s".toString()]

        where:
        rate | seconds
        0.1  | 10
        0.25 | 4
        1    | 1
        50   | 1
    }

    def "each device has its own bucket"() {
        expect:
        at([0, 0, 0, 0], 'mc-0042') == ['ok', 'ok', 'ok', 'wait 1 s']
        at([0], 'wl-0007') == ['ok']
    }

    def "the refusal says which device, what its limit is and when to come back"() {
        when:
        at([0, 0, 0])
        limiter.take('mc-0042')

        then:
        def e = thrown(TooManyRequests)
        e.message == 'device mc-0042 may make 2 requests per second (3 at once); retry in 1 s'
    }

    def "an edge.json without rateLimit gets 20 per second with a burst of 40"() {
        expect:
        with(EdgeConfig.RateLimit.defaults()) {
            requestsPerSecond() == 20d
            burst() == 40
        }
    }
}
