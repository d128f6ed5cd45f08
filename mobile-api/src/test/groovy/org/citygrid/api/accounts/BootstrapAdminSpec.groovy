package org.citygrid.api.accounts

import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import org.citygrid.api.testkit.ReadModelSchema
import org.citygrid.api.testkit.TestStack
import org.citygrid.devstack.Devstack
import spock.lang.Specification


/**
 * A fresh installation gets its first administrator from CITYGRID_ADMIN_PASSWORD
 * (citygrid.bootstrap-admin.password). Each feature starts the API on a database of its own,
 * because the shared one already has administrators made by other specs.
 */
class BootstrapAdminSpec extends Specification {

    def "a fresh installation started with an administrator password has an administrator who can sign in"() {
        given:
        def server = start('bootstrap_admin_set', ['citygrid.bootstrap-admin.username': 'chief',
                                                  'citygrid.bootstrap-admin.password': 'first administrator secret'])
        def http = server.applicationContext.createBean(HttpClient, server.URL)

        when:
        def tokens = http.toBlocking().retrieve(HttpRequest.POST('/api/v1/auth/sign-in',
                [username: 'chief', password: 'first administrator secret']), Map)
        def me = http.toBlocking().retrieve(HttpRequest.GET('/api/v1/accounts/me').bearerAuth(tokens.access_token), Map)

        then:
        me.username == 'chief'
        me.role == 'ADMIN'

        cleanup:
        http?.close()
        server?.stop()
    }

    def "without an administrator password no administrator is created"() {
        given:
        def url = database('bootstrap_admin_unset')

        when:
        def server = start(url, [:])

        then:
        accounts(url, 'ADMIN') == 0

        cleanup:
        server?.stop()
    }

    def "an administrator name held by another account leaves the API starting, without an administrator"() {
        given: 'a resident signed up as chief2 before the administrator password was set'
        def url = database('bootstrap_admin_taken')
        def first = start(url, [:])
        def http = first.applicationContext.createBean(HttpClient, first.URL)
        http.toBlocking().exchange(HttpRequest.POST('/api/v1/accounts/residents', [username: 'chief2',
                password: 'a resident password', displayName: 'Not the chief', communityCode: '110101001001']))
        http.close()
        first.stop()

        when:
        def server = start(url, ['citygrid.bootstrap-admin.username': 'chief2',
                                 'citygrid.bootstrap-admin.password': 'first administrator secret'])

        then:
        server.running
        accounts(url, 'ADMIN') == 0
        accounts(url, 'RESIDENT') == 1

        cleanup:
        server?.stop()
    }

    private static EmbeddedServer start(String databaseOrUrl, Map<String, Object> extra) {
        String url = databaseOrUrl.startsWith('jdbc:') ? databaseOrUrl : database(databaseOrUrl)
        def properties = new LinkedHashMap<String, Object>(TestStack.instance.properties())
        properties['datasources.default.url'] = url
        properties['micronaut.server.port'] = -1
        properties.putAll(extra)
        ApplicationContext.run(EmbeddedServer, properties)
    }

    private static String database(String name) {
        String url = Devstack.sharedPostgis().createDatabase(name)
        ReadModelSchema.create(url)
        url
    }

    private static long accounts(String url, String role) {
        TestStack.withConnection(url) { c ->
            def s = c.prepareStatement('SELECT count(*) FROM api.accounts WHERE role = ?')
            s.setString(1, role)
            def rs = s.executeQuery()
            rs.next()
            rs.getLong(1)
        }
    }
}
