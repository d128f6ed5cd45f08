package org.citygrid.demo.simulator

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.util.concurrent.TimeUnit
import org.citygrid.demo.Console
import org.citygrid.demo.city.EdgeSites
import org.citygrid.demo.data.DataFolder
import org.citygrid.demo.services.ChildService
import org.citygrid.demo.services.ModuleClassPath
import org.citygrid.demo.services.Readiness
import org.citygrid.demo.services.ServiceSpec
import org.citygrid.demo.testing.DemoProcess
import org.citygrid.demo.testing.Ports
import org.citygrid.sample.SampleCityGenerator
import spock.lang.Specification

/**
 * The simulator's sensors against a real edge node (run from edge-node's build, without Kafka: it keeps what
 * it accepts in its outbox), authenticating with the keys the demo wrote into the node's registry.
 */
class SensorsOverDtlsSpec extends Specification {
    Path dir = DemoProcess.ROOT.resolve('demo/target/demo-specs/sensors-over-dtls')
    ChildService edge
    SensorFleet fleet
    int plain

    def setup() {
        dir.toFile().deleteDir()
        def data = DataFolder.open(dir, false)
        def site = new EdgeSites(new SampleCityGenerator(1, 200).generate(), data).prepare(1, 3)[0]
        int plain = Ports.freeUdpPair()
        EdgeSites.writeConfig(site, plain, plain + 1, '127.0.0.1:9')
        // no broker in this spec: the node runs without forwarding
        def config = new ObjectMapper().readTree(site.configFile().toFile())
        config.remove('kafka')
        new ObjectMapper().writeValue(site.configFile().toFile(), config)
        def spec = new ServiceSpec('edge-1', 'edge-node', 'org.citygrid.edge.EdgeNodeMain', ['-Xmx128m'],
                [site.configFile().toString()], [:], Readiness.LogLine.matching('^edge-node ready'), data.log('edge-1'))
        edge = new ChildService(spec, ModuleClassPath.of(DemoProcess.ROOT, 'edge-node', spec.mainClass()),
                data.pidFile('edge-1'), new Console(new PrintStream(new ByteArrayOutputStream()))).start(Duration.ofSeconds(120))
        def options = SimulatorOptions.parse(['--edge', "coaps://127.0.0.1:${plain + 1}=${site.devicesFile()}".toString(),
                                              '--rate', '20', '--patrol-every', '0'])
        fleet = new SensorFleet(options, new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC()).connect()
        this.plain = plain
    }

    def cleanup() {
        fleet?.close()
        edge?.stop()
    }

    def "every registered sensor connects over DTLS with its key, and the first one's alarm is raised at the node"() {
        when:
        fleet.start()

        then:
        fleet.size() == 3
        awaitHealth { h -> h.path('accepted').path('alarmsRaised').asInt() >= 1 }
        fleet.counters().contains('refused 0')
    }

    /** Polls the node's /health over plain CoAP (the demo's edge nodes open it for development). */
    private boolean awaitHealth(Closure<Boolean> condition) {
        // an endpoint of our own: Californium's default one would write a properties file into the module folder
        def executor = java.util.concurrent.Executors.newScheduledThreadPool(1)
        def endpoint = new CoapDevices(executor, executor).endpoint(false, null, null)
        def client = CoapDevices.client("coap://127.0.0.1:$plain/health", endpoint)
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
            def last = null
            while (System.nanoTime() < deadline) {
                def response = client.get()
                if (response != null) {
                    last = new ObjectMapper().readTree(response.getPayload())
                    if (condition(last)) {
                        return true
                    }
                }
                Thread.sleep(500)
            }
            throw new AssertionError("the edge node's /health never matched; last: $last")
        } finally {
            client.shutdown()
            endpoint.destroy()
            executor.shutdownNow()
        }
    }
}
