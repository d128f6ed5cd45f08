package org.citygrid.devstack

import org.citygrid.devstack.postgres.PostgisCluster
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.sql.DriverManager

class PostgisClusterFaultSpec extends Specification {

    @Shared
    PostgisCluster cluster = Devstack.privatePostgis('postgis-fault')

    def cleanupSpec() {
        cluster.stop()
    }

    def "committed rows survive kill -9 of the postmaster and a restart on the same port"() {
        given:
        cluster.start()
        String url = cluster.createDatabase('fault')
        sql(url, "CREATE TABLE report (id int PRIMARY KEY, at geometry(Point, 4326))")
        sql(url, "INSERT INTO report SELECT i, ST_SetSRID(ST_MakePoint(116 + i / 1000.0, 39.9), 4326) FROM generate_series(1, 100) i")

        when:
        cluster.kill()

        then:
        !cluster.running

        when:
        cluster.restart()

        then:
        cluster.running
        cluster.jdbcUrl('fault') == url
        count(url, 'SELECT count(*) FROM report') == 100
    }

    def "stop and start keep the cluster, which is not initialised twice"() {
        given:
        String url = cluster.jdbcUrl('fault')

        when:
        cluster.stop()

        then:
        !cluster.running

        when:
        cluster.start()

        then:
        count(url, 'SELECT count(*) FROM report') == 100
        Files.readString(cluster.logFile()).contains('database system is ready to accept connections')
    }

    def "a data directory that is a file fails at once, naming it"() {
        given:
        def file = Files.createDirectories(Devstack.baseDirectory()).resolve('postgres-not-a-dir')
        Files.writeString(file, 'x')

        when:
        PostgisCluster.in(file)

        then:
        def e = thrown(DevstackException)
        e.message.contains(file.toString())
        e.message.contains('not a directory')
    }

    def "a data directory holding something else than a cluster is refused, not overwritten"() {
        given:
        def dir = Devstack.baseDirectory().resolve('postgres-foreign')
        Files.createDirectories(dir.resolve('data'))
        Files.writeString(dir.resolve('data/notes.txt'), 'not a cluster')
        def foreign = PostgisCluster.in(dir)

        when:
        foreign.start()

        then:
        def e = thrown(DevstackException)
        e.message.contains('holds no PostgreSQL cluster')
        Files.readString(dir.resolve('data/notes.txt')) == 'not a cluster'
    }

    private static void sql(String url, String statement) {
        DriverManager.getConnection(url).withCloseable { c -> c.createStatement().withCloseable { it.execute(statement) } }
    }

    private static long count(String url, String query) {
        DriverManager.getConnection(url).withCloseable { c ->
            c.createStatement().withCloseable { s -> def rs = s.executeQuery(query); rs.next(); rs.getLong(1) }
        }
    }
}
