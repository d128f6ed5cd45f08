package org.citygrid.demo

import java.nio.file.Files
import java.sql.DriverManager
import java.util.concurrent.TimeUnit
import org.citygrid.demo.api.ApiClient
import org.citygrid.demo.api.DemoAccounts
import org.citygrid.demo.testing.DemoProcess
import org.citygrid.devstack.DevstackException
import org.citygrid.devstack.FreePorts
import spock.lang.Specification

/**
 * LIVE, about two minutes: the whole demo (broker, PostGIS, cloud-backend, mobile-api, two edge nodes, the
 * simulator) started as ./gridcity demo starts it, from the modules' builds (./gridcity test writes their class
 * path files), until a simulated sensor's alarm has become a case the API shows; then stopped with SIGINT.
 */
class DemoLiveSpec extends Specification {
    static final int START_SECONDS = 300
    static final int CASE_SECONDS = 180

    DemoProcess demo = new DemoProcess('live')

    def cleanup() {
        demo.cleanup()
    }

    def "a fresh demo turns a simulated sensor alarm into a case the API shows, and stops on SIGINT keeping its data"() {
        given:
        demo.start(['--fresh', '--rate', '8'])
        demo.awaitConsole('CityGrid demo is running', START_SECONDS)

        when: 'the simulator has raised an alarm and the case cycle has made a case of it'
        String caseId = awaitSensorCase()

        then: 'the operator sees it through the API'
        def accounts = DemoAccounts.read(demo.dataDir.resolve('accounts.json'))
        def operator = accounts.find { it.role() == 'OPERATOR' }
        def api = new ApiClient(URI.create("http://127.0.0.1:${demo.api}"))
        def view = api.get("/api/v1/cases/$caseId", api.signIn(operator.username(), operator.password()))
        view.status() == 200
        view.body().path('channel').asText() == 'SENSOR'

        when:
        int code = demo.interrupt()

        then: 'every service stopped, newest first'
        code == 130
        def console = demo.consoleText()
        console.indexOf('stopping simulator') < console.indexOf('stopping edge-1')
        console.indexOf('stopping edge-1') < console.indexOf('stopping mobile-api')
        console.indexOf('stopping mobile-api') < console.indexOf('stopping cloud-backend')
        console.indexOf('stopping cloud-backend') < console.indexOf('Kafka broker stopped')
        [demo.api, demo.kafka, demo.postgres].every { portIsFree(it) }
        Files.list(demo.dataDir.resolve('run')).withCloseable { it.count() } == 0

        and: 'the data stays for the next run'
        Files.exists(demo.dataDir.resolve('kafka/data/meta.properties'))
        Files.exists(demo.dataDir.resolve('postgis/data/PG_VERSION'))
        Files.exists(demo.dataDir.resolve('edge-1/devices.json'))
        Files.size(demo.dataDir.resolve('logs/cloud-backend.log')) > 0
    }

    /** Polls the read model (a second apart) for a case opened by a sensor; returns its id. */
    private String awaitSensorCase() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CASE_SECONDS)
        while (System.nanoTime() < deadline) {
            assert demo.process.alive: "the demo exited:\n${demo.consoleText()}"
            try {
                String id = DriverManager.getConnection(demo.jdbcUrl()).withCloseable { c ->
                    def rs = c.createStatement().executeQuery(
                            "SELECT case_id FROM grid.cases WHERE channel = 'SENSOR' ORDER BY reported_at LIMIT 1")
                    rs.next() ? rs.getString(1) : null
                }
                if (id != null) {
                    return id
                }
            } catch (java.sql.SQLException ignored) {
                // the projection has not created its schema yet
            }
            Thread.sleep(1000)
        }
        throw new AssertionError("no sensor case in the read model within $CASE_SECONDS s; simulator log:\n"
                + Files.readAllLines(demo.dataDir.resolve('logs/simulator.log')).takeRight(10).join('\n'))
    }

    static boolean portIsFree(int port) {
        try {
            FreePorts.requireFree(port, 'a demo service')
            true
        } catch (DevstackException ignored) {
            false
        }
    }
}
