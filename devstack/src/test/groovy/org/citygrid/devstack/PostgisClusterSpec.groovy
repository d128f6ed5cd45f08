package org.citygrid.devstack

import org.citygrid.devstack.postgres.PostgisCluster
import org.citygrid.devstack.postgres.PostgisDatabases
import spock.lang.Shared
import spock.lang.Specification

import java.sql.DriverManager

class PostgisClusterSpec extends Specification {

    @Shared
    PostgisCluster cluster = Devstack.sharedPostgis()
    @Shared
    String url = cluster.createDatabase('postgis_spec')

    def "the database has PostGIS with the functions the read model and the tiles use"() {
        expect:
        query("SELECT postgis_full_version()").startsWith('POSTGIS="3')
        query("SELECT count(*) FROM pg_proc WHERE proname IN ('st_contains', 'st_asmvt')") as int >= 2
        query("""SELECT ST_Contains(ST_GeomFromText('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))', 4326),
                                    ST_SetSRID(ST_MakePoint(5, 5), 4326))""") == true
    }

    def "ST_AsMVT encodes a tile"() {
        when:
        byte[] tile = query("""
            SELECT ST_AsMVT(t, 'cases') FROM (
              SELECT 1 AS id, ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(116.39, 39.91), 4326), 3857),
                                           ST_TileEnvelope(10, 843, 388)) AS geom) t""")

        then:
        tile.length > 0
    }

    def "a geometry goes in and comes back unchanged"() {
        given:
        execute("CREATE TABLE IF NOT EXISTS grid (code text PRIMARY KEY, area geometry(Polygon, 4326))")
        String wkt = 'POLYGON((116.39 39.9,116.4 39.9,116.4 39.91,116.39 39.91,116.39 39.9))'

        when:
        execute("INSERT INTO grid VALUES ('110101001001001', ST_GeomFromText('$wkt', 4326)) ON CONFLICT DO NOTHING")

        then:
        query("SELECT ST_AsText(area) FROM grid WHERE code = '110101001001001'") == wkt
        query("SELECT ST_SRID(area) FROM grid WHERE code = '110101001001001'") == 4326
    }

    def "creating a database twice returns the same URL"() {
        expect:
        cluster.createDatabase('postgis_spec') == url
        url == "jdbc:postgresql://127.0.0.1:${cluster.port()}/postgis_spec?user=postgres"
    }

    def "a missing extension is reported with the Debian package that provides it"() {
        when:
        DriverManager.getConnection(url).withCloseable {
            PostgisDatabases.createExtension(it, 'citygrid_no_such_extension', 'postgresql-15-citygrid')
        }

        then:
        def e = thrown(DevstackException)
        e.message.contains('citygrid_no_such_extension is not installed')
        e.message.contains('install postgresql-15-citygrid')
    }

    def "database names are plain identifiers"() {
        when:
        cluster.createDatabase('x; DROP DATABASE postgres')

        then:
        thrown(IllegalArgumentException)
    }

    private Object query(String sql) {
        DriverManager.getConnection(url).withCloseable { c ->
            c.createStatement().withCloseable { s ->
                def rs = s.executeQuery(sql)
                rs.next()
                rs.getObject(1)
            }
        }
    }

    private void execute(String sql) {
        DriverManager.getConnection(url).withCloseable { c -> c.createStatement().withCloseable { it.execute(sql) } }
    }
}
