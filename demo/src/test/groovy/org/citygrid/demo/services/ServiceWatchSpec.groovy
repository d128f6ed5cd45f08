package org.citygrid.demo.services

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.citygrid.demo.Console
import org.citygrid.demo.testing.FakeService
import org.citygrid.devstack.Devstack
import org.citygrid.devstack.Processes
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * The demo's watch over its services, on stand-in services (and a real PostgreSQL): what a person reads on the
 * console when one ends by itself, and whether the demo goes on. DemoLiveSpec does the same with the real demo.
 */
class ServiceWatchSpec extends Specification {
    @TempDir Path tmp
    ByteArrayOutputStream out = new ByteArrayOutputStream()
    Console console = new Console(new PrintStream(out, true))
    List<Integer> exits = [].asSynchronized()
    List<ChildService> children = []
    ServiceWatch watch
    PollingConditions soon = new PollingConditions(timeout: 20, delay: 0.2)

    def cleanup() {
        watch?.stop()
        children*.stop()
    }

    ChildService fake(String name) {
        def child = new ChildService(FakeService.spec(name, 'ready', tmp.resolve('logs')), System.getProperty('java.class.path'), tmp.resolve("${name}.pid"), console)
        children << child
        child.start(Duration.ofSeconds(60))
    }

    ServiceWatch watching(List<ServiceWatch.Watched> watched) {
        watch = new ServiceWatch(watched, console, { exits << it }).start()
    }

    String printed() {
        out.toString()
    }

    def "a simulator that ends by itself is reported at once with its exit code and log, and the demo goes on"() {
        given:
        def simulator = fake('simulator')
        def edge = fake('edge-1')
        def api = fake('mobile-api')
        watching([ServiceWatch.of(api), ServiceWatch.of(edge),
                  ServiceWatch.optional(simulator, 'no more simulated sensor readings or people')])

        when: 'the edge node is stopped on purpose, as the exit hook or a drill stops it; then someone kills the simulator'
        edge.stop()
        Processes.killTree(ProcessHandle.of(simulator.pid().get()).get(), Duration.ofSeconds(10))

        then:
        soon.eventually {
            assert printed().contains('[demo] simulator ended by itself (exit code 137 = signal 9 (SIGKILL')
        }
        printed().contains("last lines of ${tmp.resolve('logs/simulator.log')}:\n    ")
        printed().contains('    ' + FakeService.READY)
        printed().contains('[demo] the rest keeps running without simulator: no more simulated sensor readings or'
                + ' people. Ctrl-C stops the demo.')

        and: 'the watch looked at the edge node after its stop, and said nothing of it; nothing else is stopped'
        !printed().contains('edge-1 ended')
        exits.empty
        api.isRunning()
    }

    def "a service the demo cannot go on without ends it, saying which and why, with exit code 3"() {
        given:
        def api = fake('mobile-api')
        watching([ServiceWatch.of(api)])

        when:
        Processes.killTree(ProcessHandle.of(api.pid().get()).get(), Duration.ofSeconds(10))

        then:
        soon.eventually { assert exits == [ServiceWatch.EXIT_CODE] }
        printed().contains('[demo] mobile-api ended by itself (exit code 137 = signal 9 (SIGKILL')
        printed().contains('    ' + FakeService.READY)
        printed().endsWith('[demo] the demo cannot go on without mobile-api: stopping everything (exit code 3)\n')
    }

    def "PostgreSQL, which is not the demo's child, is reported when its server process is gone"() {
        given:
        def postgis = Devstack.privatePostgis('service-watch').start()
        watching([ServiceWatch.of(postgis)])

        when:
        long postmaster = Long.parseLong(Files.readAllLines(postgis.directory().resolve('data/postmaster.pid')).first().strip())
        Processes.killTree(ProcessHandle.of(postmaster).get(), Duration.ofSeconds(30))

        then:
        soon.eventually { assert exits == [ServiceWatch.EXIT_CODE] }
        printed().contains("[demo] PostgreSQL ended by itself (its server process is gone; it is not the demo's child,"
                + " so there is no exit code); last lines of ${postgis.logFile()}")

        cleanup:
        postgis?.kill()
    }
}
