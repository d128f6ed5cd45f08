package org.citygrid.api.ogcapi

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.model.cases.Role
import spock.lang.Shared

/**
 * Who may read the map services: the centres' posts with their token (the operator endpoints' rule: not
 * administrators, who issue keys instead) and holders of a read-only map key; nobody else.
 */
@MicronautTest
class MapAccessSpec extends MapSpec {

    static final List<String> ROLES = ['RESIDENT', 'GRID_WORKER', 'HANDLER', 'OPERATOR', 'ADMIN',
                                       'ACCEPTOR', 'SHIFT_LEADER', 'DISPATCHER', 'LEADER']
    /** The posts of the two centres (and the legacy operator, who holds them): the centres' map. */
    static final List<String> CENTRE = ['OPERATOR', 'ACCEPTOR', 'SHIFT_LEADER', 'DISPATCHER', 'LEADER']

    static final List<String> PATHS = ['/ogcapi', '/ogcapi/collections/cases/items', '/tiles/cases/0/0/0.mvt']

    @Shared
    Map<String, String> tokens = [:]
    @Shared
    String key

    def setup() {
        if (tokens.isEmpty()) {
            ROLES.each { tokens[it] = user(Role.valueOf(it)).accessToken }
            key = mapKey()
        }
    }

    def "#who on #path gets #expected"() {
        when:
        def r = switch (who) {
            case 'anonymous' -> fetch(path)
            case 'map key in the header' -> fetch(path, key)
            case 'map key as ?key=' -> fetch("$path?key=$key")
            case 'a wrong map key' -> fetch(path, 'not-a-key-at-all')
            case 'a disabled map key' -> fetch(path, disabledKey())
            default -> fetch(path, null, tokens[who])
        }

        then:
        r.status == expected
        if (expected >= 400) {
            assert r.contentType == 'application/problem+json'
            assert r.json.status == expected
        }

        where:
        [who, path] << [['anonymous', *ROLES,
                         'map key in the header', 'map key as ?key=', 'a wrong map key', 'a disabled map key'], PATHS]
                .combinations()
        expected = (CENTRE + ['map key in the header', 'map key as ?key=']).contains(who) ? 200
                : ['anonymous', 'a wrong map key', 'a disabled map key'].contains(who) ? 401 : 403
    }

    def "a map key opens nothing outside the map services"() {
        expect:
        fetch('/api/v1/accounts/me', key).status == 401
        fetch("/api/v1/operator/overdue?key=$key").status == 401
    }

    def "only an administrator issues map keys, and the answer shows the key once"() {
        when:
        def byAdmin = exchange(HttpRequest.POST('/api/v1/admin/map-keys', [client: 'QGIS desk'])
                .bearerAuth(tokens.ADMIN))
        def byOperator = exchange(HttpRequest.POST('/api/v1/admin/map-keys', [client: 'QGIS desk'])
                .bearerAuth(tokens.OPERATOR))

        then:
        byAdmin.status.code == 201
        byAdmin.body().client == 'QGIS desk'
        fetch('/ogcapi', byAdmin.body().key as String).status == 200
        rows('SELECT key_sha256 FROM api.map_keys WHERE id = ?', [byAdmin.body().id])[0].key_sha256 != byAdmin.body().key
        byOperator.status.code == 403
    }

    private String disabledKey() {
        def issued = context.getBean(MapKeys).issue('former desk')
        rows('UPDATE api.map_keys SET disabled = true WHERE id = ? RETURNING id', [issued.id()])
        issued.key()
    }

    private List<Map<String, Object>> rows(String sql, List params) {
        MapData.instance.withConnection { c ->
            def s = c.prepareStatement(sql)
            params.eachWithIndex { p, i -> s.setObject(i + 1, p) }
            def rs = s.executeQuery()
            def out = []
            while (rs.next()) {
                out << (1..rs.metaData.columnCount).collectEntries { [(rs.metaData.getColumnLabel(it)): rs.getObject(it)] }
            }
            out
        }
    }
}
