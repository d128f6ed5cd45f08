package org.citygrid.demo.services

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.TimeUnit
import org.citygrid.demo.Console
import org.citygrid.demo.DemoException
import org.citygrid.demo.data.DataFolder
import org.citygrid.demo.testing.FakeService
import spock.lang.Specification
import spock.lang.TempDir

/** What a start does about an earlier demo on the same data folder, with stand-in services. */
class EarlierRunSpec extends Specification {
    @TempDir Path tmp
    ByteArrayOutputStream out = new ByteArrayOutputStream()
    Console console = new Console(new PrintStream(out, true))
    DataFolder data
    List<Process> processes = []

    def setup() {
        data = DataFolder.open(tmp.resolve('demo-data'), false)
    }

    def cleanup() {
        processes.each { it.destroyForcibly(); it.waitFor(10, TimeUnit.SECONDS) }
    }

    def "a demo still running on the folder refuses a second start, which names its pid and leaves it alone"() {
        given: 'a launcher runs (a stand-in: any main class of the demo)'
        Process launcher = run(FakeService.name, 'ready')
        Files.writeString(data.pidFile('demo'), "${launcher.pid()}\n")

        when:
        EarlierRun.claim(data, console)

        then:
        def e = thrown(DemoException)
        e.message == "another demo (pid ${launcher.pid()}) runs on the data folder ${data.root()}: stop it first" +
                " (Ctrl-C in its terminal, or kill ${launcher.pid()}), or give this one another folder with --data"
        launcher.alive
    }

    def "what a killed demo left running is stopped first, and the folder is then claimed until the exit hook releases it"() {
        given: 'its launcher is gone, an edge node of it still runs behind its lifeline'
        Process gone = run(FakeService.name, 'fail')
        gone.waitFor(60, TimeUnit.SECONDS)
        Files.writeString(data.pidFile('demo'), "${gone.pid()}\n")
        def edge = new ChildService(FakeService.spec('edge-1', 'ready', data.log('edge-1').parent), System.getProperty('java.class.path'), data.pidFile('edge-1'),
                new Console(new PrintStream(new ByteArrayOutputStream()))).start(Duration.ofSeconds(60))
        long edgePid = edge.pid().get()

        when:
        def release = EarlierRun.claim(data, console)

        then: 'stopped as on Ctrl-C: SIGTERM, its shutdown hook ran'
        out.toString() == '[demo] an earlier demo on this folder ended without stopping its services; waiting for' +
                " edge-1 to end ...\n[demo] stopping edge-1 (pid $edgePid), left running by an earlier demo\n"
        !ProcessHandle.of(edgePid).map { it.alive }.orElse(false)
        Files.readString(data.log('edge-1')).contains(FakeService.HOOK_RAN)

        and: 'run/ tells of this demo only'
        Files.list(data.pidFile('demo').parent).withCloseable { it.toList() } == [data.pidFile('demo')]
        Files.readString(data.pidFile('demo')).strip() == "${ProcessHandle.current().pid()}"

        when:
        release.stop()

        then:
        !Files.exists(data.pidFile('demo'))

        cleanup:
        edge?.stop()
    }

    def "a pid file whose pid now runs another program is dropped, and that program left alone"() {
        given:
        Process other = run('sleep', '60')
        Files.writeString(data.pidFile('cloud-backend'), "${other.pid()}\n")

        when:
        EarlierRun.claim(data, console)

        then:
        other.alive
        out.size() == 0
        !Files.exists(data.pidFile('cloud-backend'))
    }

    /** A process of its own; a Java main class runs on this spec's class path. */
    private Process run(String program, String... args) {
        def command = program.contains('.')
                ? [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-Xmx32m', '-cp',
                   System.getProperty('java.class.path'), program] + args.toList()
                : [program] + args.toList()
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        processes << p
        p
    }
}
