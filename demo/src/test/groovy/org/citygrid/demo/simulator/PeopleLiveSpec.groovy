package org.citygrid.demo.simulator

import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.citygrid.demo.api.ApiClient
import org.citygrid.demo.api.DemoAccounts
import org.citygrid.demo.testing.Await
import org.citygrid.demo.testing.DemoProcess
import spock.lang.Specification

/**
 * LIVE: the demo's broker, PostGIS, cloud-backend and mobile-api, started as ./gridcity demo starts them (without
 * edge nodes and without its own simulator), and the simulator's people in a JVM of their own against them, at a
 * quick pace, with every handler returning the fresh tasks they may return and asking for more time once per case,
 * and the desk approving every request. It needs the modules' class path files, as DemoLiveSpec does.
 */
class PeopleLiveSpec extends Specification {
    static final int START_SECONDS = 300
    static final int LOOP_SECONDS = 300

    DemoProcess demo = new DemoProcess('people')
    Process simulator
    Path simulatorLog = demo.dataDir.resolveSibling('people.simulator.log')

    def cleanup() {
        if (simulator?.alive) {
            simulator.destroy()
            simulator.waitFor(30, TimeUnit.SECONDS)
        }
        demo.cleanup()
    }

    def "with the simulator running, a case is verified, returned, re-dispatched by the desk and extended, as its timeline shows"() {
        given:
        long t0 = System.nanoTime()
        demo.start(['--fresh', '--without', 'edge-nodes,simulator'])
        demo.awaitConsole('CityGrid demo is running', START_SECONDS)
        long up = System.nanoTime()
        def accounts = DemoAccounts.read(demo.dataDir.resolve('accounts.json'))
        def operator = accounts.find { it.role() == 'OPERATOR' }
        def api = new ApiClient(URI.create("http://127.0.0.1:${demo.api}"))

        when: 'the people act through the API'
        startSimulator(['--api', "http://127.0.0.1:${demo.api}=${demo.dataDir.resolve('accounts.json')}",
                        '--city', demo.dataDir.resolve('city').toString(), '--people-rate', '300',
                        '--return-share', '1', '--extension-share', '1', '--approve-share', '1'])
        String caseId = awaitCaseThroughTheLoop()
        // phase times for the docs; nothing is asserted on them
        println "PeopleLiveSpec: services up in ${(up - t0).intdiv(1_000_000_000)} s, case through the loop " +
                "${(System.nanoTime() - up).intdiv(1_000_000_000)} s later"

        then: 'the operator reads the case through the API: verified on site, filed, returned, re-dispatched by the desk, accepted, extended'
        def view = api.get("/api/v1/cases/$caseId", api.signIn(operator.username(), operator.password()))
        view.status() == 200
        def timeline = view.body().path('timeline').collect()
        timeline[0].path('change').path('details').path('channel').asText() == 'RESIDENT'
        timeline.take(3).collect { [it.path('type').asText(), it.path('actorRole').asText()] } ==
                [['Reported', 'SYSTEM'], ['Verified', 'GRID_WORKER'], ['Filed', 'OPERATOR']]
        view.body().path('verification').path('found').asBoolean()
        def returned = timeline.findIndexOf { it.path('type').asText() == 'Returned' }
        def redispatched = timeline.findIndexOf(returned) {
            it.path('type').asText() == 'Dispatched' && it.path('actorRole').asText() == 'OPERATOR'
        }
        def accepted = timeline.findIndexOf(redispatched) { it.path('type').asText() == 'Accepted' }
        def asked = timeline.findIndexOf(accepted) { it.path('type').asText() == 'ExtensionRequested' }
        def approved = timeline.findIndexOf(asked) { it.path('type').asText() == 'ExtensionApproved' }
        [returned, redispatched, accepted, asked, approved].every { it >= 0 }
        timeline[returned].path('actorRole').asText() == 'HANDLER'
        !timeline[returned].path('change').path('reason').asText().blank
        timeline[redispatched].path('change').path('department').asText() != timeline[returned].path('change').path('department').asText()
        timeline[accepted].path('actorRole').asText() == 'HANDLER'
        timeline[approved].path('actorRole').asText() == 'OPERATOR'

        and: 'the resident who reported it follows the same path in their report'
        def resident = accounts.find { it.role() == 'RESIDENT' }
        def residentToken = api.signIn(resident.username(), resident.password())
        def report = api.get('/api/v1/reports', residentToken).body().find { it.path('caseId').asText() == caseId }
        report != null
        def followed = api.get("/api/v1/reports/${report.path('reportId').asText()}", residentToken)
        followed.status() == 200
        followed.body().path('timeline').collect { it.path('type').asText() }
                .containsAll(['Returned', 'ExtensionRequested', 'ExtensionApproved'])

        and: "the simulator's periodic line counts the new steps"
        Await.text(simulatorLog, 30) {
            it =~ /people: .*verified [1-9].*returned [1-9].*re-dispatched [1-9].*extensions asked [1-9].*extensions approved [1-9].*followed [1-9]/
        }
    }

    private void startSimulator(List<String> args) {
        def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-Xmx128m',
                       '-cp', System.getProperty('java.class.path'), SimulatorMain.name] + args
        simulator = new ProcessBuilder(command.collect { it.toString() }).redirectErrorStream(true)
                .redirectOutput(simulatorLog.toFile()).start()
    }

    /** Polls the read model for a case whose history has the whole path; returns its id. */
    private String awaitCaseThroughTheLoop() {
        String sql = """
                SELECT r.case_id FROM grid.case_events r
                JOIN grid.case_events d ON d.case_id = r.case_id AND d.version > r.version
                     AND d.type = 'Dispatched' AND d.actor_role = 'OPERATOR'
                JOIN grid.case_events x ON x.case_id = r.case_id AND x.version > d.version AND x.type = 'ExtensionApproved'
                WHERE r.type = 'Returned' LIMIT 1"""
        Await.row(demo.jdbcUrl(), sql, LOOP_SECONDS, { assert simulator.alive: "the simulator exited:\n${log()}" }) {
            "no case went through return, re-dispatch and an approved extension; simulator log:\n" +
                    log().readLines().takeRight(20).join('\n')
        }
    }

    private String log() {
        Await.read(simulatorLog)
    }
}
