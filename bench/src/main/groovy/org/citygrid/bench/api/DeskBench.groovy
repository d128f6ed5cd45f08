package org.citygrid.bench.api

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import org.citygrid.api.accounts.AccountService
import org.citygrid.api.console.Browser
import org.citygrid.api.desk.DeskPosts
import org.citygrid.api.desk.DeskQueue
import org.citygrid.api.desk.DeskStore
import org.citygrid.api.testkit.ReadModelSchema
import org.citygrid.devstack.Devstack
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.cases.Role
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.wire.WireCodec

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.sql.Connection
import java.sql.DriverManager
import java.time.Instant

/**
 * The desk with 100,000 open cases in PostGIS: the time from sign-in to a usable desk (the queue
 * counts and the first queue's page with each case's allowed steps drawn), in Chromium and over
 * HTTP, against the same queue SQL issued straight to the store in the same run. The ratios are the
 * cost of the API and of the page around the queries. Run with ./gridcity bench desk [rounds].
 */
class DeskBench {

    static final String DATABASE = 'desk_bench'
    static final int CASES = 100_000

    static void main(String[] args) {
        BenchRun.runAndExit(args, DeskBench.&bench)
    }

    static void bench(String[] args) {
        int rounds = args.length > 0 ? args[0] as int : 10
        String jdbcUrl = Devstack.sharedPostgis().createDatabase(DATABASE)
        fill(jdbcUrl)
        EmbeddedServer server = BenchRun.startApi('datasources.default.url': jdbcUrl)
        ApplicationContext context = server.applicationContext
        Browser browser = null
        try {
            String base = server.URL.toString()
            context.getBean(AccountService).create('bench-operator', 'correct horse battery', '值班员甲', Role.OPERATOR, null, null, [])
            def store = context.getBean(DeskStore)
            List<DeskQueue> queues = DeskPosts.queuesOf('OPERATOR').orElseThrow()
            def http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()

            // the store's SQL: every queue's count and the first page of the first queue
            def sql = { ->
                def summaries = store.summaries(queues, null, Instant.now())
                store.page(summaries.find { it.count() > 0 }.queue(), queues, null, Instant.now(), 0, 20)
            }
            // what the page asks for: sign-in, the desk, the first queue's page (with allowed steps)
            def overHttp = { ->
                def token = new groovy.json.JsonSlurper().parseText(send(http, HttpRequest.newBuilder(URI.create(base + '/api/v1/auth/sign-in'))
                        .header('Content-Type', 'application/json')
                        .POST(HttpRequest.BodyPublishers.ofString('{"username":"bench-operator","password":"correct horse battery"}')).build())).access_token
                def desk = new groovy.json.JsonSlurper().parseText(send(http, get(base + '/api/v1/desk', token)))
                def first = desk.queues.find { it.count > 0 }.queue
                send(http, get(base + "/api/v1/desk/queues/${first}?page=0&size=20", token))
            }
            browser = new Browser('desk-bench')
            def inBrowser = { ->
                browser.driver.manage().deleteAllCookies()
                browser.driver.get(base + '/console/')
                browser.js('sessionStorage.clear()')
                browser.waitFor(60) { browser.js('return document.body.dataset.ready') == 'true' }
                long t0 = System.nanoTime()
                browser.signIn('bench-operator', 'correct horse battery')
                browser.waitFor(120) { (browser.js("return document.getElementById('desk-list').dataset.items") as int) > 0 }
                System.nanoTime() - t0
            }

            println "desk benchmark: ${String.format('%,d', CASES)} open cases, ${rounds} rounds each after 2 warm-up rounds, JDK ${Runtime.version()}"
            def viaSql = time(sql, rounds)
            def viaHttp = time(overHttp, rounds)
            inBrowser()
            inBrowser()
            def browserTimes = (1..rounds).collect { inBrowser() / 1e6 }.sort()
            def viaBrowser = [p50: browserTimes[(int) (rounds / 2)], min: browserTimes[0]]
            println String.format('%-58s %9s %9s %9s', 'path', 'p50 ms', 'min ms', 'vs SQL')
            [['store SQL: 9 queue counts + first page (JDBC)', viaSql], ['HTTP: sign-in + GET /desk + first queue page', viaHttp],
             ['Chromium: sign-in to the first queue drawn', viaBrowser]].each { name, r ->
                println String.format('%-58s %9.1f %9.1f %8.1fx', name, r.p50, r.min, r.p50 / viaSql.p50)
            }
        } finally {
            browser?.quit()
            context.close()
        }
    }

    static String send(HttpClient http, HttpRequest request) {
        def r = http.send(request, HttpResponse.BodyHandlers.ofString())
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("${request.uri()}: ${r.statusCode()} ${r.body()}")
        }
        r.body()
    }

    static HttpRequest get(String url, String token) {
        HttpRequest.newBuilder(URI.create(url)).header('Authorization', 'Bearer ' + token).header('Accept', 'application/json').GET().build()
    }

    /** Milliseconds per call: the median and the fastest of {@code rounds}, after two warm-up calls. */
    static Map time(Closure call, int rounds) {
        2.times { call() }
        def ms = (1..rounds).collect {
            long t0 = System.nanoTime()
            call()
            (System.nanoTime() - t0) / 1e6
        }.sort()
        [p50: ms[(int) (rounds / 2)], min: ms[0]]
    }

    /**
     * 100,000 open cases over 400 grids of one street, in every open state, deadlines spread around now
     * (about one in five late), each with its report event in the history so the allowed steps are
     * computed as for real cases. Made by generate_series in the database: about a minute.
     */
    static void fill(String jdbcUrl) {
        Connection c = DriverManager.getConnection(jdbcUrl)
        try {
            ReadModelSchema.create(jdbcUrl)
            println "filling database ${DATABASE} with ${String.format('%,d', CASES)} open cases (generate_series)"
            long t0 = System.nanoTime()
            c.createStatement().execute("""
                INSERT INTO grid.grids (code, county_code, street_code, community_code, name_zh, name_en, street_name_zh,
                  street_name_en, community_name_zh, community_name_en, geom, loaded_at)
                SELECT '110101001' || lpad(gx::text, 3, '0') || lpad(gy::text, 3, '0'), '110101', '110101001',
                  '110101001' || lpad(gx::text, 3, '0'), '网格' || gx || '-' || gy, 'Grid ' || gx || '-' || gy, '东华门街道',
                  'Donghuamen', '社区' || gx, 'Community ' || gx,
                  ST_Multi(ST_MakeEnvelope(116.30 + gx * 0.005, 39.85 + gy * 0.005, 116.305 + gx * 0.005, 39.855 + gy * 0.005, 4326)), now()
                FROM generate_series(0, 19) gx, generate_series(0, 19) gy""")
            c.createStatement().execute("""
                INSERT INTO grid.cases (case_id, version, state, terminal, category_code, grid_code, community_code,
                  street_code, county_code, position, channel, description, reporter_id, anonymous, department, deadline,
                  deadlines, overdue, late_stages, escalation_level, rework_count, return_count, duplicates, followers,
                  cleared_episodes, reported_at, updated_at, evidence, snapshot, projected_at, pending_extension)
                SELECT g.code || '-261207-' || lpad(to_hex(i), 8, '0'), 1,
                  (ARRAY['REPORTED','REPORTED','FILED','DISPATCHED','IN_PROGRESS','SUSPENDED','HANDLED','CHECK_PASSED'])[i % 8 + 1],
                  false, 'C0101', g.code, g.community_code, '110101001', '110101', ST_PointOnSurface(g.geom),
                  (ARRAY['RESIDENT','PATROL','HOTLINE','SENSOR'])[i % 4 + 1], '井盖松动 ' || i, 'resident-bench', false,
                  CASE WHEN i % 8 BETWEEN 3 AND 7 THEN (ARRAY['DRAINAGE','WATER_SUPPLY','SANITATION'])[i % 3 + 1] END,
                  now() + ((i % 100) - 20) * interval '1 hour', '{}', '{}', '{}', 0, 0, 0, 0, '{}', '{}',
                  now() - (i % 1000) * interval '1 minute', now() - (i % 500) * interval '1 minute', '[]', '{}', now(),
                  CASE WHEN i % 40 = 4 THEN '{"extra":"PT8H","reason":"bench","requestedBy":"handler-bench"}'::jsonb END
                FROM generate_series(1, ${CASES}) AS i
                JOIN (SELECT code, community_code, geom, row_number() OVER (ORDER BY code) - 1 AS n FROM grid.grids) g
                  ON g.n = i % 400""")
            def report = new CaseEvent('CASE', 1, Instant.parse('2026-12-07T00:00:00Z'), Actor.system('case-cycle'), 'intake:bench',
                    new CaseChange.Reported(new ReportDetails('intake-bench', Channel.RESIDENT, 'C0101', '110101001000000',
                            new GeoPoint(116.30, 39.85), '井盖松动', 'resident-bench', false, Instant.parse('2026-12-07T00:00:00Z'), []),
                            Instant.parse('2026-12-07T01:00:00Z')))
            def template = WireCodec.events().writeString(report)
            def s = c.prepareStatement("""
                INSERT INTO grid.case_events (case_id, version, at, type, actor_id, actor_role, command_id, change, event)
                SELECT case_id, 1, reported_at, 'Reported', 'system:case-cycle', 'SYSTEM', 'intake:' || case_id,
                  (?::jsonb)->'change', jsonb_set(?::jsonb, '{caseId}', to_jsonb(case_id))
                FROM grid.cases""")
            s.setString(1, template)
            s.setString(2, template)
            s.execute()
            c.createStatement().execute('ANALYZE grid.cases')
            c.createStatement().execute('ANALYZE grid.case_events')
            println String.format('filled in %.0f s', (System.nanoTime() - t0) / 1e9)
        } finally {
            c.close()
        }
    }
}
