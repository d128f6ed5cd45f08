package org.citygrid.demo

import java.nio.file.Files
import org.citygrid.demo.api.ApiClient
import org.citygrid.demo.api.DemoAccounts
import org.citygrid.demo.data.DemoSecrets
import org.citygrid.demo.testing.Await
import org.citygrid.demo.testing.DemoProcess
import org.citygrid.devstack.Lifeline
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

/**
 * LIVE, three to four minutes: the whole demo (broker, PostGIS, cloud-backend, mobile-api, two edge nodes, the
 * simulator) started as ./gridcity demo starts it, from the modules' builds (./gridcity test writes their class path
 * files), twice on one data folder. The first run makes a case of a simulated sensor alarm, shows a person their own
 * accounts, goes on when its simulator is killed, and takes every service with it when it is SIGKILLed itself. The
 * second run (without the simulator) starts on the ports the first one held, and stops everything when mobile-api is
 * killed.
 */
@Stepwise
class DemoLiveSpec extends Specification {
    static final int START_SECONDS = 300
    static final int CASE_SECONDS = 180

    @Shared DemoProcess demo = new DemoProcess('live')
    @Shared ApiClient api = new ApiClient(URI.create("http://127.0.0.1:${demo.api}"))
    @Shared String caseId
    /** Signed in as resident-demo just before the first run is killed: the second run must still take it. */
    @Shared String residentToken

    def cleanupSpec() {
        demo.cleanup()
    }

    def "a fresh demo turns a simulated sensor alarm into a case the operator sees through the API"() {
        given:
        demo.start(['--fresh', '--rate', '8'])
        demo.awaitConsole('CityGrid demo is running', START_SECONDS)

        when: 'the simulator has raised an alarm and the case cycle has made a case of it'
        caseId = Await.row(demo.jdbcUrl(),
                "SELECT case_id FROM grid.cases WHERE channel = 'SENSOR' ORDER BY reported_at LIMIT 1", CASE_SECONDS,
                { assert demo.process.alive: "the demo exited:\n${demo.consoleText()}" }) {
            'simulator log:\n' + Files.readAllLines(demo.dataDir.resolve('logs/simulator.log')).takeRight(10).join('\n')
        }

        then:
        def view = api.get("/api/v1/cases/$caseId", signIn('operator'))
        view.status() == 200
        view.body().path('channel').asText() == 'SENSOR'
    }

    def "a person is shown accounts of their own, which the simulator never acts as, next to the console"() {
        given:
        def password = DemoSecrets.loadOrCreate(demo.dataDir.resolve('secrets.json')).peoplePassword()
        def yours = DemoAccounts.read(demo.dataDir.resolve('your-accounts.json'))
        def simulated = DemoAccounts.read(demo.dataDir.resolve('accounts.json'))

        expect: 'printed with the password, under the console address'
        def console = demo.consoleText()
        console.contains("  map console    http://127.0.0.1:${demo.api}/console   sign in as operator / $password\n")
        console.contains("  try it         resident-demo (resident), worker-demo (grid worker), acceptor-demo (acceptor), " +
                "dispatcher-demo (dispatcher), shift-leader-demo (shift leader), leader-demo (leader) / $password\n")
        yours*.username() == ['resident-demo', 'worker-demo', 'acceptor-demo', 'dispatcher-demo', 'shift-leader-demo',
                               'leader-demo']
        simulated.every { !it.username().endsWith('-demo') }

        and: 'they sign in; the resident has reported nothing, and the worker has their grids'
        api.get('/api/v1/reports', signIn('resident-demo')).body().size() == 0
        api.get('/api/v1/worker/grids', signIn('worker-demo')).body()*.asText() == yours[1].gridCodes()

        and: 'each post of the centres signs in to a desk of its own'
        ['acceptor-demo', 'dispatcher-demo', 'shift-leader-demo', 'leader-demo'].collect {
            api.get('/api/v1/desk', signIn(it)).status()
        } == [200, 200, 200, 200]

        and: "the phone app's address is printed exactly when mobile-api serves a page there"
        // mobile-api answers /app with a redirect to /app/, which a browser (and the demo's probe) follows
        def app = api.get('/app/', null)
        console.contains("  phone app      http://127.0.0.1:${demo.api}/app") == (app.status() == 200)
    }

    def "the demo prints where each service says how it is, and the case cycle's metrics answer there"() {
        given:
        def console = demo.consoleText()
        def cloud = (console =~ /  case cycle     (http:\S+\/health), metrics (http:\S+\/metrics)\n/)

        expect:
        console.contains("  health         http://127.0.0.1:${demo.api}/manage/health, metrics " +
                "http://127.0.0.1:${demo.api}/manage/prometheus (with the administrator's token)\n")
        cloud.find()

        and: 'the printed addresses answer: health says how the case cycle is, metrics carry its series'
        def http = java.net.http.HttpClient.newHttpClient()
        def get = { String url ->
            http.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
        }
        get(cloud.group(1)).body().contains('"status"')
        get(cloud.group(2)).body().contains('citygrid_cloud_health')
    }

    def "a simulator that ends by itself is reported at once, with its exit code and log, and the demo goes on"() {
        given:
        long simulator = demo.pid('simulator')

        when: 'someone kills it'
        ProcessHandle.of(simulator).get().destroyForcibly()

        then:
        new PollingConditions(timeout: 30, delay: 0.2).eventually {
            assert demo.consoleText().contains('[demo] simulator ended by itself (exit code 137 = signal 9 (SIGKILL')
        }
        def console = demo.consoleText()
        console.contains("last lines of ${demo.dataDir.resolve('logs/simulator.log')}:")
        console.contains('    ' + Await.read(demo.dataDir.resolve('logs/simulator.log')).readLines().last())
        console.contains('[demo] the rest keeps running without simulator: no more simulated sensor readings or people.')

        and: 'the system is still there'
        demo.process.alive
        api.get("/api/v1/cases/$caseId", signIn('operator')).status() == 200
    }

    def "a demo killed with SIGKILL takes every service with it: their lifelines end them, and every port is free"() {
        given:
        residentToken = signIn('resident-demo')
        Map<String, Long> started = demo.pids()

        when:
        long t0 = System.nanoTime()
        demo.kill()

        then:
        started.keySet() == ['cloud-backend', 'mobile-api', 'edge-1', 'edge-2', 'simulator', 'broker', 'postgres'] as Set
        new PollingConditions(timeout: 90, delay: 0.5).eventually {
            assert started.findAll { ProcessHandle.of(it.value).map { it.alive }.orElse(false) }.isEmpty()
            assert demo.portsInUse().isEmpty()
        }
        println "DemoLiveSpec: every service and port of the killed demo gone in " +
                "${(System.nanoTime() - t0).intdiv(1_000_000)} ms"

        and: 'each service said why it ended'
        ['cloud-backend', 'mobile-api', 'edge-1', 'edge-2'].every {
            Files.readString(demo.dataDir.resolve("logs/${it}.log")).contains(Lifeline.CLOSED)
        }
        Files.readString(demo.dataDir.resolve('kafka/broker.log')).contains(Lifeline.CLOSED)
    }

    def "a new start on the same folder succeeds, keeping the case and the signed-in person"() {
        when: 'without the simulator this time: it holds no port, and the checks below need no traffic'
        demo.start(['--no-simulator'])
        demo.awaitConsole('CityGrid demo is running', START_SECONDS)

        then:
        api.get("/api/v1/cases/$caseId", signIn('operator')).body().path('caseId').asText() == caseId
        api.get('/api/v1/reports', residentToken).status() == 200
    }

    def "a service the demo cannot go on without ends by itself: the demo says which, stops everything newest first and exits with 3"() {
        when:
        ProcessHandle.of(demo.pid('mobile-api')).get().destroyForcibly()
        int code = demo.awaitExit(120, 'the kill of mobile-api')

        then:
        code == 3
        def console = demo.consoleText()
        console.contains('[demo] mobile-api ended by itself (exit code 137 = signal 9 (SIGKILL')
        console.contains("last lines of ${demo.dataDir.resolve('logs/mobile-api.log')}:")
        console.contains('[demo] the demo cannot go on without mobile-api: stopping everything (exit code 3)')

        and: 'every service stopped, newest first'
        def order = ['stopping edge-2', 'stopping edge-1', 'mobile-api had already ended (exit code 137)',
                     'stopping cloud-backend', 'PostgreSQL stopped', 'Kafka broker stopped'].collect { console.indexOf(it) }
        order.every { it >= 0 }
        order == order.sort(false)
        demo.portsInUse().isEmpty()
        Files.list(demo.dataDir.resolve('run')).withCloseable { it.count() } == 0

        and: 'the data stays for the next run'
        console.contains("stopped; the data stays in ${demo.dataDir}")
        Files.exists(demo.dataDir.resolve('kafka/data/meta.properties'))
        Files.exists(demo.dataDir.resolve('postgis/data/PG_VERSION'))
        Files.exists(demo.dataDir.resolve('edge-1/devices.json'))
    }

    private String signIn(String username) {
        def account = (DemoAccounts.read(demo.dataDir.resolve('accounts.json')) +
                DemoAccounts.read(demo.dataDir.resolve('your-accounts.json'))).find { it.username() == username }
        api.signIn(account.username(), account.password())
    }
}
