package org.citygrid.bench.api

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import org.citygrid.api.accounts.AccountService
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.cases.Role

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Load benchmark: the authenticated handler task list and report creation, next to a plain
 * Micronaut endpoint in the same server, against devstack's real broker and PostGIS.
 * Run with ./gridcity bench api [clients] [seconds].
 */
class ApiBench {

    static void main(String[] args) {
        BenchRun.runAndExit(args, ApiBench.&bench)
    }

    static void bench(String[] args) {
        int clients = args.length > 0 ? args[0] as int : 8
        int seconds = args.length > 1 ? args[1] as int : 10
        EmbeddedServer server = BenchRun.startApi('bench.plain': 'true', 'citygrid.push.case-events.enabled': 'false')
        ApplicationContext context = server.applicationContext
        try {
            String base = server.URL.toString()
            println "server up at ${base}; filling the read model"
            // a department with 50 open tasks among 500 other cases
            String dept = "BENCH_${System.nanoTime()}"
            50.times { ReadModelFixture.insertCase(state: 'DISPATCHED', department: dept, deadline: java.time.Instant.parse('2026-03-03T00:00:00Z').plusSeconds(it * 60)) }
            500.times { ReadModelFixture.insertCase(state: 'DISPATCHED', department: "OTHER_${it % 20}".toString()) }
            String handler = token(context, base, Role.HANDLER, dept)
            String resident = token(context, base, Role.RESIDENT, null)
            def report = JsonOutput.toJson([categoryCode: 'C0101', description: 'bench',
                                            position: [lon: 116.40325, lat: 39.91449, crs: 'gcj02']])
            println 'signed in; measuring'
            def http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
            def scenarios = [
                    'plain Micronaut endpoint'          : { -> HttpRequest.newBuilder(URI.create("${base}/bench/plain")).GET().build() },
                    'handler task list (JWT + PostGIS)' : { -> HttpRequest.newBuilder(URI.create("${base}/api/v1/handler/tasks"))
                            .header('Authorization', "Bearer ${handler}").GET().build() },
                    'report creation (JWT + Kafka + DB)': { -> HttpRequest.newBuilder(URI.create("${base}/api/v1/reports"))
                            .header('Authorization', "Bearer ${resident}").header('Content-Type', 'application/json')
                            .header('Idempotency-Key', UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(report)).build() },
            ]
            println "mobile-api benchmark: ${clients} clients, ${seconds} s per scenario after ${Math.max(1, seconds.intdiv(2))} s warm-up, JDK ${Runtime.version()}"
            def results = scenarios.collectEntries { name, request -> [(name): run(http, request, clients, seconds)] }
            double plain = results['plain Micronaut endpoint'].rps
            println String.format('%-38s %10s %9s %9s %9s', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'vs plain')
            results.each { name, r ->
                println String.format('%-38s %10.0f %9.2f %9.2f %8.1f%%', name, r.rps, r.p50, r.p99, 100 * r.rps / plain)
            }
        } finally {
            context.close()
        }
    }

    static String token(ApplicationContext context, String base, Role role, String department) {
        String username = "bench-${role.name().toLowerCase()}-${System.nanoTime()}"
        context.getBean(AccountService).create(username, 'bench password 123', 'Bench', role, department,
                role == Role.RESIDENT ? '110101001001' : null, [])
        def http = HttpClient.newHttpClient()
        def response = http.send(HttpRequest.newBuilder(URI.create("${base}/api/v1/auth/sign-in"))
                .header('Content-Type', 'application/json')
                .POST(HttpRequest.BodyPublishers.ofString(JsonOutput.toJson([username: username, password: 'bench password 123'])))
                .build(), HttpResponse.BodyHandlers.ofString())
        new JsonSlurper().parseText(response.body()).access_token
    }

    static Map run(HttpClient http, Closure<HttpRequest> request, int clients, int seconds) {
        measure(http, request, clients, Duration.ofSeconds(Math.max(1, seconds.intdiv(2))))
        measure(http, request, clients, Duration.ofSeconds(seconds))
    }

    static Map measure(HttpClient http, Closure<HttpRequest> request, int clients, Duration length) {
        def latencies = new ConcurrentLinkedQueue<Long>()
        def failures = new java.util.concurrent.atomic.AtomicLong()
        def stop = new AtomicBoolean()
        def pool = Executors.newVirtualThreadPerTaskExecutor()
        long start = System.nanoTime()
        clients.times {
            pool.submit {
                while (!stop.get()) {
                    long t0 = System.nanoTime()
                    def r = http.send(request(), HttpResponse.BodyHandlers.discarding())
                    if (r.statusCode() >= 300) {
                        failures.incrementAndGet()
                    }
                    latencies << System.nanoTime() - t0
                }
            }
        }
        Thread.sleep(length.toMillis())
        stop.set(true)
        pool.shutdown()
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)
        double elapsed = (System.nanoTime() - start) / 1e9
        def sorted = latencies.toList().sort()
        if (failures.get() > 0) {
            println "  (${failures.get()} answers were not 2xx)"
        }
        [rps: sorted.size() / elapsed, p50: sorted[(int) (sorted.size() * 0.5)] / 1e6, p99: sorted[(int) (sorted.size() * 0.99)] / 1e6]
    }
}
