package org.citygrid.api.accounts

import org.citygrid.api.errors.Unauthenticated
import org.citygrid.api.testkit.InMemoryAccounts
import org.citygrid.api.testkit.SettableClock
import org.citygrid.model.cases.Role
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Sessions on plain objects: rotation, reuse, the grace for a client's own second request, expiry. */
class SessionsSpec extends Specification {

    SettableClock clock = new SettableClock(Instant.parse('2026-03-02T02:00:00Z'))
    InMemoryAccounts.Accounts accounts = new InMemoryAccounts.Accounts()
    InMemoryAccounts.Tokens tokens = new InMemoryAccounts.Tokens()
    Account person = new Account('resident-1', 'wang', 'hash', Role.RESIDENT, 'Wang', null, '110101001001', [], false)

    def setup() {
        accounts.insert(person, clock.instant())
    }

    Sessions sessions(Duration grace = Duration.ZERO) {
        new Sessions(tokens, accounts, clock, Duration.ofDays(30), grace)
    }

    String refusal(Closure work) {
        try {
            work()
            'none'
        } catch (Unauthenticated e) {
            e.reason()
        }
    }

    def "each renewal replaces the key with a new one of the same family"() {
        given:
        def s = sessions()
        def first = s.start(person)

        when:
        def second = s.renew(first)
        def third = s.renew(second.key())

        then:
        [first, second.key(), third.key()].toSet().size() == 3
        tokens.bySha.values()*.familyId().toSet().size() == 1
        third.account() == person
    }

    def "a replaced key used again revokes the family, and every later key of it"() {
        given:
        def s = sessions()
        def first = s.start(person)
        def second = s.renew(first).key()
        def third = s.renew(second).key()
        def otherSignIn = s.start(person)

        expect:
        refusal { s.renew(first) } == 'refresh-token-reused'
        refusal { s.renew(third) } == 'refresh-token-revoked'
        refusal { s.renew(otherSignIn) } == 'none'
    }

    def "with a grace, the same key sent twice within it gets a second new key; after it, the family ends"() {
        given:
        def s = sessions(Duration.ofSeconds(10))
        def first = s.start(person)
        def renewed = s.renew(first).key()

        when: 'the client\'s second request, five seconds later'
        clock.advance(Duration.ofSeconds(5))
        def again = s.renew(first).key()

        then:
        again != renewed
        refusal { s.renew(renewed) } == 'none'

        when: 'the same key a minute later'
        clock.advance(Duration.ofMinutes(1))

        then:
        refusal { s.renew(first) } == 'refresh-token-reused'
        refusal { s.renew(again) } == 'refresh-token-revoked'
    }

    def "a key is refused from the moment it is 30 days old; #what"() {
        given:
        def s = sessions()
        def key = s.start(person)
        clock.advance(age)

        expect:
        refusal { s.renew(key) } == outcome

        where:
        what                   | age                                || outcome
        'at 30 days less 1 s'  | Duration.ofDays(30).minusSeconds(1) || 'none'
        'at 30 days'           | Duration.ofDays(30)                 || 'refresh-token-expired'
    }

    def "an unknown key, a disabled account and signing out are refused with their reasons"() {
        given:
        def s = sessions()
        def key = s.start(person)
        def other = s.start(person)

        expect:
        refusal { s.renew('no-such-key') } == 'refresh-token-invalid'

        when:
        accounts.byId[person.id()] = new Account(person.id(), person.username(), 'hash', Role.RESIDENT, 'Wang', null,
                '110101001001', [], true)

        then:
        refusal { s.renew(key) } == 'account-disabled'

        when:
        s.endAll(person.id())

        then:
        refusal { s.renew(other) } == 'refresh-token-revoked'
    }
}
