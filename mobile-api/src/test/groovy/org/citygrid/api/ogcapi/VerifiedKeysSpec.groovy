package org.citygrid.api.ogcapi

import org.citygrid.api.testkit.SettableClock
import spock.lang.Specification

import java.time.Duration

/** The cache of verified map keys on its own: expiry by the clock, the size bound, forgetting a revoked key. */
class VerifiedKeysSpec extends Specification {

    def clock = new SettableClock()

    def "a verified key is remembered until its cache time has passed, and not a moment longer"() {
        given:
        def keys = new VerifiedKeys(clock, Duration.ofSeconds(30), 10)
        keys.put('hash-a', 'map-a')

        when:
        clock.advance(Duration.ofSeconds(29))
        def before = keys.get('hash-a')
        clock.advance(Duration.ofSeconds(1))
        def after = keys.get('hash-a')

        then:
        before == Optional.of('map-a')
        after.isEmpty()
        keys.size() == 0
    }

    def "when full, expired entries go first, then the one closest to expiry"() {
        given:
        def keys = new VerifiedKeys(clock, Duration.ofSeconds(30), 2)
        keys.put('hash-old', 'map-old')
        clock.advance(Duration.ofSeconds(10))
        keys.put('hash-new', 'map-new')

        when: 'full of live entries'
        keys.put('hash-third', 'map-third')

        then:
        keys.size() == 2
        keys.get('hash-old').isEmpty()
        keys.get('hash-new').present
        keys.get('hash-third').present

        when: 'hash-new has expired when the next key comes'
        clock.advance(Duration.ofSeconds(25))
        keys.put('hash-fourth', 'map-fourth')

        then:
        keys.size() == 2
        keys.get('hash-new').isEmpty()
        keys.get('hash-third').present
        keys.get('hash-fourth').present
    }

    def "a revoked key is forgotten at once, whatever hash it was cached under"() {
        given:
        def keys = new VerifiedKeys(clock, Duration.ofSeconds(30), 10)
        keys.put('hash-a', 'map-a')
        keys.put('hash-b', 'map-b')

        when:
        keys.forget('map-a')

        then:
        keys.get('hash-a').isEmpty()
        keys.get('hash-b') == Optional.of('map-b')
    }

    def "a cache time of zero keeps nothing"() {
        given:
        def keys = new VerifiedKeys(clock, Duration.ZERO, 10)

        when:
        keys.put('hash-a', 'map-a')

        then:
        keys.get('hash-a').isEmpty()
    }
}
