package org.citygrid.bench.api

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.sql.Connection
import java.sql.DriverManager
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.Executors
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicLong
import org.citygrid.api.map.MapLayer
import org.citygrid.api.ogcapi.BenchQueries
import org.citygrid.api.ogcapi.MapKeys
import org.citygrid.api.testkit.ReadModelSchema
import org.citygrid.devstack.Devstack

/**
 * Map services under load with one million cases in PostGIS: bbox items and vector tiles over HTTP
 * (map key check, SQL, the JSON envelope or the tile bytes, Netty), next to the very same SQL issued
 * straight over JDBC in the same run, with the same random boxes and tiles. The ratio is the cost of
 * the service around the query. Run with ./gridcity bench map [clients] [seconds].
 */
class MapBench {

    static final String DATABASE = 'map_bench'
    static final int CASES = 1_000_000
    /** The cases are spread uniformly over this box (central Beijing, about 34 x 44 km). */
    static final double MIN_LON = 116.20, MIN_LAT = 39.75, MAX_LON = 116.60, MAX_LAT = 40.15

    static void main(String[] args) {
        BenchRun.runAndExit(args, MapBench.&bench)
    }

    static void bench(String[] args) {
        int clients = args.length > 0 ? args[0] as int : 4
        int seconds = args.length > 1 ? args[1] as int : 10
        String jdbcUrl = Devstack.sharedPostgis().createDatabase(DATABASE)
        fill(jdbcUrl)
        EmbeddedServer server = BenchRun.startApi('datasources.default.url': jdbcUrl)
        ApplicationContext context = server.applicationContext
        try {
            String base = server.URL.toString()
            String key = context.getBean(MapKeys).issue('bench').key()
            def features = context.getBean(org.citygrid.api.ogcapi.FeatureStore)
            def tiles = context.getBean(org.citygrid.api.tiles.TileStore)
            def http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
            def httpGet = { String path ->
                def r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header(MapKeys.HEADER, key).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                if (r.statusCode() >= 300) {
                    throw new IllegalStateException("${path}: ${r.statusCode()} ${new String(r.body())}")
                }
                r.body().length
            }
            // [name, http call, jdbc call]; each call draws its own random box or tile
            def scenarios = [
                    ['items, bbox 0.01° (~600 cases), limit 100',
                     { -> def b = box(0.01d); httpGet("/ogcapi/collections/cases/items?limit=100&bbox=${b.join(',')}") },
                     { -> def b = box(0.01d); BenchQueries.firstPage(features, MapLayer.CASES, b, 100) }],
                    ['items, bbox 0.04° (~10,000 cases), limit 1000',
                     { -> def b = box(0.04d); httpGet("/ogcapi/collections/cases/items?limit=1000&bbox=${b.join(',')}") },
                     { -> def b = box(0.04d); BenchQueries.firstPage(features, MapLayer.CASES, b, 1000) }],
                    ['tile z14 (~3,000 cases)',
                     { -> def t = tile(14); httpGet("/tiles/cases/${t[0]}/${t[1]}/${t[2]}.mvt") },
                     { -> def t = tile(14); tiles.tile(MapLayer.CASES, t[0], t[1], t[2]) }],
                    ['tile z12 (~50,000 cases)',
                     { -> def t = tile(12); httpGet("/tiles/cases/${t[0]}/${t[1]}/${t[2]}.mvt") },
                     { -> def t = tile(12); tiles.tile(MapLayer.CASES, t[0], t[1], t[2]) }],
            ]
            println "map services benchmark: ${String.format('%,d', CASES)} cases, ${clients} clients, ${seconds} s per run " +
                    "after ${Math.max(1, seconds.intdiv(2))} s warm-up, JDK ${Runtime.version()}"
            println String.format('%-46s %9s %9s %9s %9s %9s', 'scenario', 'HTTP/s', 'p50 ms', 'JDBC/s', 'p50 ms', 'HTTP/JDBC')
            scenarios.each { s ->
                def viaHttp = run(s[1] as Closure, clients, seconds)
                def viaJdbc = run(s[2] as Closure, clients, seconds)
                println String.format('%-46s %9.1f %9.2f %9.1f %9.2f %8.0f%%', s[0], viaHttp.rps, viaHttp.p50,
                        viaJdbc.rps, viaJdbc.p50, 100 * viaHttp.rps / viaJdbc.rps)
            }
        } finally {
            context.close()
        }
    }

    /** A random lon/lat box of {@code size} degrees inside the filled area. */
    static List<Double> box(double size) {
        def r = ThreadLocalRandom.current()
        double lon = MIN_LON + r.nextDouble() * (MAX_LON - MIN_LON - size)
        double lat = MIN_LAT + r.nextDouble() * (MAX_LAT - MIN_LAT - size)
        [lon, lat, lon + size, lat + size]
    }

    /** A random XYZ tile at zoom z whose north-west corner lies inside the filled area. */
    static List<Integer> tile(int z) {
        def b = box(0)
        org.citygrid.api.ogcapi.MapData.tileOf(b[0], b[1], z)
    }

    /**
     * One million cases and 1,600 grids, made by generate_series in the database (devstack starts every
     * run on an empty cluster, so this runs each time: about a minute).
     */
    static void fill(String jdbcUrl) {
        Connection c = DriverManager.getConnection(jdbcUrl)
        try {
            ReadModelSchema.create(jdbcUrl)
            println "filling database ${DATABASE} with ${String.format('%,d', CASES)} cases (generate_series)"
            long t0 = System.nanoTime()
            c.createStatement().execute("""
                INSERT INTO grid.cases (case_id, version, state, terminal, category_code, grid_code, community_code,
                  street_code, county_code, position, channel, description, reporter_id, anonymous, deadlines, overdue,
                  late_stages, escalation_level, rework_count, return_count, duplicates, followers, cleared_episodes,
                  reported_at, updated_at, evidence, snapshot, projected_at)
                SELECT '110101001001' || lpad((i % 999 + 1)::text, 3, '0') || '-260302-' || lpad(to_hex(i), 8, '0'),
                  1, (ARRAY['REPORTED','FILED','DISPATCHED','IN_PROGRESS','HANDLED','CLOSED'])[i % 6 + 1], i % 6 = 5,
                  'C0101', '110101001001' || lpad((i % 999 + 1)::text, 3, '0'), '110101001001', '110101001', '110101',
                  ST_SetSRID(ST_MakePoint(${MIN_LON} + random() * ${MAX_LON - MIN_LON}, ${MIN_LAT} + random() * ${MAX_LAT - MIN_LAT}), 4326),
                  'RESIDENT', 'bench case', 'resident-bench', false, '{}', '{}', '{}', 0, 0, 0, 0, '{}', '{}',
                  timestamptz '2026-01-01T00:00:00Z' + i * interval '5 seconds',
                  timestamptz '2026-01-01T00:00:00Z' + i * interval '5 seconds', '[]', '{}', now()
                FROM generate_series(1, ${CASES}) AS i""")
            c.createStatement().execute("""
                INSERT INTO grid.grids (code, county_code, street_code, community_code, name_zh, geom, loaded_at)
                SELECT '110101001' || lpad(gx::text, 3, '0') || lpad(gy::text, 3, '0'), '110101', '110101001',
                  '110101001' || lpad(gx::text, 3, '0'), 'bench',
                  ST_Multi(ST_MakeEnvelope(${MIN_LON} + gx * 0.01, ${MIN_LAT} + gy * 0.01, ${MIN_LON} + gx * 0.01 + 0.01,
                    ${MIN_LAT} + gy * 0.01 + 0.01, 4326)), now()
                FROM generate_series(0, 39) gx, generate_series(0, 39) gy""")
            c.createStatement().execute('ANALYZE grid.cases')
            c.createStatement().execute('ANALYZE grid.grids')
            println String.format('filled in %.0f s', (System.nanoTime() - t0) / 1e9)
        } finally {
            c.close()
        }
    }

    static Map run(Closure call, int clients, int seconds) {
        measure(call, clients, Math.max(1, seconds.intdiv(2)))
        measure(call, clients, seconds)
    }

    static Map measure(Closure call, int clients, int seconds) {
        def latencies = new ConcurrentLinkedQueue<Long>()
        def errors = new ConcurrentLinkedQueue<Throwable>()
        def stop = new AtomicBoolean()
        def pool = Executors.newFixedThreadPool(clients)
        long start = System.nanoTime()
        clients.times {
            pool.submit {
                while (!stop.get()) {
                    long t0 = System.nanoTime()
                    try {
                        call()
                    } catch (Throwable t) {
                        errors << t
                        stop.set(true)
                    }
                    latencies << System.nanoTime() - t0
                }
            }
        }
        Thread.sleep(seconds * 1000L)
        stop.set(true)
        pool.shutdown()
        pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)
        if (!errors.isEmpty()) {
            throw new IllegalStateException('a call failed', errors.peek())
        }
        double elapsed = (System.nanoTime() - start) / 1e9
        def sorted = latencies.toList().sort()
        [rps: sorted.size() / elapsed, p50: sorted[(int) (sorted.size() * 0.5)] / 1e6]
    }
}
