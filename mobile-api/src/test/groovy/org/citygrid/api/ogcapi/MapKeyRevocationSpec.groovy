package org.citygrid.api.ogcapi

import io.micronaut.http.HttpRequest
import io.micronaut.test.annotation.MockBean
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.SettableClock
import org.citygrid.model.cases.Role

import java.time.Clock
import java.time.Duration

/**
 * Map keys are cached once verified (citygrid.map-keys.cache-time, 30 s by default): revoking one
 * through this instance takes effect at once; disabling it in the database (as another instance's
 * revocation does) within the cache time.
 */
@MicronautTest
class MapKeyRevocationSpec extends MapSpec {

    static final SettableClock CLOCK = new SettableClock()
    static final String PATH = '/ogcapi/collections/cases/items'

    @MockBean(Clock)
    Clock clock() {
        CLOCK
    }

    def "a key revoked by an administrator through this instance is refused at once, though it was cached"() {
        given: 'a key in use, so verified and cached'
        def issued = context.getBean(MapKeys).issue('desk to revoke')
        assert fetch(PATH, issued.key()).status == 200

        when:
        def revoked = exchange(HttpRequest.DELETE("/api/v1/admin/map-keys/${issued.id()}").bearerAuth(user(Role.ADMIN).accessToken))

        then:
        revoked.status.code == 204
        fetch(PATH, issued.key()).status == 401
        fetch("${PATH}?key=${issued.key()}").status == 401
    }

    def "a key disabled in the database is believed for the cache time, then refused"() {
        given: 'a key in use, so verified and cached'
        def issued = context.getBean(MapKeys).issue('desk disabled elsewhere')
        assert fetch(PATH, issued.key()).status == 200

        when: 'another instance revokes it: only the row changes'
        MapData.instance.withConnection { c ->
            def s = c.prepareStatement('UPDATE api.map_keys SET disabled = true WHERE id = ?')
            s.setString(1, issued.id())
            s.executeUpdate()
        }

        then: 'this instance still has it cached'
        fetch(PATH, issued.key()).status == 200

        when:
        CLOCK.advance(Duration.ofSeconds(30))

        then:
        fetch(PATH, issued.key()).status == 401
    }

    def "revoking a key that does not exist is 404 with a problem body"() {
        when:
        def r = exchange(HttpRequest.DELETE('/api/v1/admin/map-keys/map-nothing').bearerAuth(user(Role.ADMIN).accessToken))

        then:
        r.status.code == 404
        r.contentType == 'application/problem+json'
    }
}
