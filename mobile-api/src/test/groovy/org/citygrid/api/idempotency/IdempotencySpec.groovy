package org.citygrid.api.idempotency

import org.citygrid.api.errors.Conflict
import org.citygrid.api.errors.Invalid
import org.citygrid.api.errors.Malformed
import org.citygrid.api.testkit.InMemoryStores
import org.citygrid.api.testkit.SettableClock
import org.citygrid.model.wire.WireJson
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Idempotency-Key rules on plain objects (ReportsSpec and BadInputSpec replay keys through HTTP and PostGIS). */
class IdempotencySpec extends Specification {

    InMemoryStores.Idempotency store = new InMemoryStores.Idempotency()
    SettableClock clock = new SettableClock(Instant.parse('2026-03-02T02:00:00Z'))
    Idempotency idempotency = new Idempotency(store, WireJson.mapper(), clock)
    List<String> seeds = []

    Idempotency.Reply run(String owner, String key, Object request) {
        idempotency.once(owner, key, request) { String seed ->
            seeds << seed
            Idempotency.Answer.accepted("/api/v1/things/${seed}".toString(), [id: seed, status: 'SUBMITTED'])
        }
    }

    def "the first request runs; a retry with the same body gets its answer without running again"() {
        when:
        def first = run('resident-1', 'key-1', [text: 'loose cover'])
        def again = run('resident-1', 'key-1', [text: 'loose cover'])

        then:
        seeds.size() == 1
        first.status() == 202
        !first.replayed()
        again.replayed()
        again.status() == 202
        again.location() == first.location()
        WireJson.mapper().valueToTree(again.body()) == WireJson.mapper().valueToTree(first.body())
    }

    def "the seed depends on caller and key only, so a retry after a crash builds the same ids"() {
        when:
        run('resident-1', 'key-1', [text: 'a'])
        store.entries.clear()
        run('resident-1', 'key-1', [text: 'a'])
        run('resident-2', 'key-1', [text: 'a'])

        then:
        seeds[0] == seeds[1]
        seeds[0] != seeds[2]
        seeds[0] ==~ /[0-9a-f]{16}/
    }

    def "the same key with a different body is refused with 422 and nothing runs"() {
        given:
        run('resident-1', 'key-1', [text: 'a'])

        when:
        run('resident-1', 'key-1', [text: 'b'])

        then:
        def error = thrown(Invalid)
        error.reason() == 'idempotency-key-reused'
        seeds.size() == 1
    }

    def "a key still in flight is a 409 for 30 s, then a retry takes over under the same seed"() {
        given:
        store.claim('resident-1', 'key-1', sha256Of([text: 'a']), clock.instant())

        when:
        run('resident-1', 'key-1', [text: 'a'])

        then:
        def error = thrown(Conflict)
        error.reason() == 'idempotency-key-in-flight'

        when:
        clock.advance(Duration.ofSeconds(31))
        def reply = run('resident-1', 'key-1', [text: 'a'])

        then:
        !reply.replayed()
        seeds.size() == 1
    }

    def "work that fails gives the key back for a retry"() {
        when:
        idempotency.once('resident-1', 'key-1', [text: 'a']) { throw new IllegalStateException('broker down') }

        then:
        thrown(IllegalStateException)
        store.entries.isEmpty()

        when:
        run('resident-1', 'key-1', [text: 'a'])

        then:
        seeds.size() == 1
    }

    def "a key that is #what is refused with 400 #reason"() {
        when:
        run('resident-1', key, [text: 'a'])

        then:
        def error = thrown(Malformed)
        error.reason() == reason
        seeds.isEmpty()

        where:
        what            | key                || reason
        'missing'       | null               || 'idempotency-key-missing'
        'blank'         | ' '                || 'idempotency-key-missing'
        'too long'      | 'k' * 129          || 'idempotency-key-invalid'
        'not a token'   | 'key with spaces'  || 'idempotency-key-invalid'
    }

    /** What the store keeps of a request: its canonical JSON's SHA-256. */
    static String sha256Of(Object request) {
        def mapper = WireJson.mapper().copy().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
        org.citygrid.model.hash.Sha256.hex(mapper.writeValueAsString(mapper.valueToTree(request)))
    }
}
