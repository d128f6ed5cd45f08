package org.citygrid.api.testkit

import java.sql.Connection
import java.sql.DriverManager
import org.citygrid.devstack.Devstack

/**
 * The real broker and PostGIS database every spec of this module shares (one of each per test JVM,
 * from devstack), and the application properties that point the API at them.
 */
@Singleton(lazy = true, strict = false)
class TestStack {

    static final String DATABASE = 'mobile_api'
    static final String INTAKE = 'grid.intake'
    static final String COMMANDS = 'grid.commands'
    static final String REJECTIONS = 'grid.command-rejections'
    static final String CASE_EVENTS = 'grid.case-events'
    static final String NOTIFICATIONS = 'grid.notifications'
    static final String INTAKE_REJECTIONS = 'grid.intake-rejections'
    static final String DEAD_LETTERS = 'grid.dead-letters'

    final String jdbcUrl
    final String bootstrapServers
    /** The JWT signing key of this test JVM: random, as production's must be (mobile-api refuses a known one). */
    final String jwtSecret = randomSecret()

    private TestStack() {
        def kafka = Devstack.sharedKafka()
        kafka.createTopics(INTAKE, COMMANDS, REJECTIONS, CASE_EVENTS, NOTIFICATIONS, INTAKE_REJECTIONS, DEAD_LETTERS)
        bootstrapServers = kafka.bootstrapServers()
        jdbcUrl = Devstack.sharedPostgis().createDatabase(DATABASE)
        ReadModelSchema.create(jdbcUrl)
    }

    Map<String, String> properties() {
        [
                // application.yml's 8080 would beat the test environment's random port, and other
                // builds and demos on this machine use 8080
                'micronaut.server.port'             : '-1',
                // the test client's default 10 s is shorter than the 15 s a write may wait for Kafka's acknowledgement
                'micronaut.http.client.read-timeout': '30s',
                'datasources.default.url'           : jdbcUrl,
                'datasources.default.username'      : 'postgres',
                'datasources.default.password'      : '',
                'citygrid.kafka.bootstrap-servers'  : bootstrapServers,
                'micronaut.security.token.jwt.signatures.secret.generator.secret': jwtSecret,
                'micronaut.security.token.jwt.generator.refresh-token.secret'    : jwtSecret,
                // every spec signs in from 127.0.0.1: only the rate-limit specs lower these
                'citygrid.rate-limits.sign-in.limit': '100000',
                'citygrid.rate-limits.reports.limit': '100000',
                'citygrid.rate-limits.case-actions.limit': '100000',
                'citygrid.rate-limits.photos.limit': '100000',
                'citygrid.rate-limits.photos-per-day': '100000',
                'citygrid.rate-limits.open311-posts.limit': '100000',
                'citygrid.rate-limits.public-reads.limit': '100000',
                'citygrid.rate-limits.sign-ups.limit': '100000',
                // the rejection consumer joins a consumer group, which costs seconds per context:
                // only the spec about rejections turns it on
                'citygrid.rejections.enabled'       : 'false',
                'citygrid.push.intents.enabled'     : 'false',
                'citygrid.live.enabled'             : 'false',
                'citygrid.intake-rejections.enabled': 'false',
                'citygrid.dead-letters.index.enabled': 'false',
                // a spec runs no longer than the first housekeeping run waits; HousekeepingSpec runs it itself
                'citygrid.housekeeping.first-after' : '1h',
                // small, so that the too-large case needs no megabytes in the test
                'citygrid.photos.max-bytes'         : '4096',
        ]
    }

    /** 32 random bytes, hex: a key like the one an operator makes with {@code openssl rand -hex 32}. */
    static String randomSecret() {
        byte[] bytes = new byte[32]
        new java.security.SecureRandom().nextBytes(bytes)
        bytes.encodeHex().toString()
    }

    def <T> T withConnection(Closure<T> work) {
        withConnection(jdbcUrl, work)
    }

    /** {@code work} on a connection to another database of the test cluster, closed after. */
    static <T> T withConnection(String url, Closure<T> work) {
        Connection c = DriverManager.getConnection(url)
        try {
            return work(c)
        } finally {
            c.close()
        }
    }

    /** Rows of a query as maps, for assertions on what was (or was not) stored. */
    List<Map<String, Object>> rows(String sql, List params = []) {
        withConnection { Connection c ->
            def s = c.prepareStatement(sql)
            params.eachWithIndex { p, i -> s.setObject(i + 1, p) }
            def rs = s.executeQuery()
            def meta = rs.metaData
            def out = []
            while (rs.next()) {
                out << (1..meta.columnCount).collectEntries { [(meta.getColumnLabel(it)): rs.getObject(it)] }
            }
            out
        }
    }
}
