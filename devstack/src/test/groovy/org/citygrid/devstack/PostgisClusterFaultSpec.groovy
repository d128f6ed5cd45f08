package org.citygrid.devstack

import org.citygrid.devstack.postgres.PostgisCluster
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.sql.DriverManager

/** A private cluster, since these features kill and stop it; each feature writes its own table. */
class PostgisClusterFaultSpec extends Specification {

    @Shared
    PostgisCluster cluster = Devstack.privatePostgis('postgis-fault')
    @Shared
    String url

    def setupSpec() {
        cluster.start()
        url = cluster.createDatabase('fault')
    }

    def cleanupSpec() {
        cluster.stop()
    }

    def "committed rows survive kill -9 of the postmaster and a restart on the same port"() {
        given:
        insertReports('report_kill', 100)

        when:
        cluster.kill()

        then:
        !cluster.running

        when:
        cluster.restart()

        then:
        cluster.running
        cluster.jdbcUrl('fault') == url
        count('SELECT count(*) FROM report_kill') == 100
    }

    def "stop and start keep the rows"() {
        given:
        insertReports('report_stop', 10)

        when:
        cluster.stop()

        then:
        !cluster.running

        when:
        cluster.start()

        then:
        count('SELECT count(*) FROM report_stop') == 10
    }

    def "the server's output goes to a log in the cluster's directory"() {
        expect:
        cluster.logFile().parent == cluster.directory()
        Files.readString(cluster.logFile()).contains('database system is ready to accept connections')
    }

    private void insertReports(String table, int count) {
        sql("CREATE TABLE $table (id int PRIMARY KEY, at geometry(Point, 4326))")
        sql("INSERT INTO $table SELECT i, ST_SetSRID(ST_MakePoint(116 + i / 1000.0, 39.9), 4326) FROM generate_series(1, $count) i")
    }

    private void sql(String statement) {
        DriverManager.getConnection(url).withCloseable { c -> c.createStatement().withCloseable { it.execute(statement) } }
    }

    private long count(String query) {
        DriverManager.getConnection(url).withCloseable { c ->
            c.createStatement().withCloseable { s -> def rs = s.executeQuery(query); rs.next(); rs.getLong(1) }
        }
    }
}
