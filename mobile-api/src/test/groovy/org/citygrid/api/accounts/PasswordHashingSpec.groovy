package org.citygrid.api.accounts

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.RawHttp
import org.citygrid.model.cases.Role

import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Password hashing on a bounded pool: a flood of sign-ins and sign-ups is answered 503 with
 * Retry-After beyond what the pool takes, instead of hashing everything at once (19 MiB each). A pool
 * of one thread and a queue of one, so that a small flood shows it.
 */
@MicronautTest
class PasswordHashingSpec extends ApiSpec {

    @Inject
    EmbeddedServer server

    @Override
    Map<String, String> getProperties() {
        super.properties + ['citygrid.passwords.threads': '1', 'citygrid.passwords.queue': '1']
    }

    def "24 sign-ins and sign-ups at once: what the pool cannot take is refused with 503 and Retry-After, the rest proceed"() {
        given:
        def person = user(Role.RESIDENT)
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(24)

        when: 'sixteen sign-ins and eight sign-ups are sent together'
        def futures = (1..24).collect { n ->
            pool.submit({
                start.await()
                n <= 16 ? RawHttp.post(server.URL, '127.0.0.1', '/api/v1/auth/sign-in',
                        [username: person.username, password: person.password])
                        : RawHttp.post(server.URL, '127.0.0.1', '/api/v1/accounts/residents',
                        [username: "flood-${n}-${System.nanoTime()}".toString(), password: 'a long enough secret',
                         displayName: 'Flood', communityCode: '110101001001'])
            } as java.util.concurrent.Callable<RawHttp>)
        }
        start.countDown()
        def answers = futures*.get(60, TimeUnit.SECONDS)
        pool.shutdown()
        def busy = answers.findAll { it.status == 503 }

        then: 'each was either done or refused as busy: nothing else'
        answers.every { it.status in [200, 201, 503] }
        answers.count { it.status in [200, 201] } >= 2
        !busy.isEmpty()
        busy.every {
            it.header('Retry-After') == '2' && it.json.type == 'urn:citygrid:problem:password-hashing-busy' &&
                    it.json.detail.contains('请 2 秒后重试')
        }

        and: 'once the flood is over, the person signs in'
        RawHttp.post(server.URL, '127.0.0.1', '/api/v1/auth/sign-in',
                [username: person.username, password: person.password]).status == 200
    }
}
