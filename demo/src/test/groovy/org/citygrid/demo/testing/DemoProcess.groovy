package org.citygrid.demo.testing

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.citygrid.devstack.FreePorts
import org.citygrid.devstack.Lifeline

/**
 * {@code DemoMain} in a child JVM, as ./gridcity demo runs it (behind a {@link Lifeline}, so that it never outlives
 * the spec's JVM), on free ports and a data folder of the spec's own. Its console output goes to a file the spec can
 * wait on.
 */
class DemoProcess {
    /** The checkout: Surefire runs in the demo module's folder. */
    static final Path ROOT = Path.of('').toAbsolutePath().parent

    final Path dataDir
    final int api = FreePorts.pick()
    final int kafka = distinct(FreePorts.pick(), [api])
    final int postgres = distinct(FreePorts.pick(), [api, kafka])
    /** Both edge nodes' ports: the demo runs two. */
    final int coap = Ports.freeUdpBlock(4)
    final Path console
    Process process

    DemoProcess(String name) {
        // under target/, not /tmp: when the tests run as root PostgreSQL runs as user postgres, which must be
        // able to reach the folder (spock's @TempDir is private to its owner)
        dataDir = ROOT.resolve('demo/target/demo-specs').resolve(name)
        Files.createDirectories(dataDir.parent)
        console = dataDir.resolveSibling(name + '.console.log')
    }

    /** A port that is none of {@code taken}: free picks are not reserved, so two may return the same one. */
    private static int distinct(int port, List<Integer> taken) {
        int p = port
        while (p in taken) {
            p = FreePorts.pick()
        }
        p
    }

    DemoProcess start(List<String> extra = []) {
        // its console goes to a file, which the spec reads as UTF-8, whatever this machine's locale
        def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-Xmx256m',
                       '-Dstdout.encoding=UTF-8', '-Dstderr.encoding=UTF-8', '-cp', System.getProperty('java.class.path')] + Lifeline.command('org.citygrid.demo.DemoMain') +
                ['--data', dataDir.toString(), '--api-port', "$api", '--kafka-port', "$kafka",
                 '--postgres-port', "$postgres", '--coap-port', "$coap"] + extra
        def builder = new ProcessBuilder(command.collect { it.toString() })
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
        builder.environment().put('GRIDCITY_ROOT', ROOT.toString())
        Files.deleteIfExists(console) // one run's output per file: waits must not see an earlier run's lines
        process = builder.start()
        this
    }

    /** Waits (polling the console output) until a line contains {@code text}; fails if the demo exits first. */
    void awaitConsole(String text, int timeoutSeconds) {
        Await.text(console, timeoutSeconds, { it.contains(text) }) {
            if (!process.alive) {
                throw new AssertionError("the demo exited (code ${process.exitValue()}) before printing '$text':\n${consoleText()}")
            }
        }
    }

    String consoleText() {
        Await.read(console)
    }

    /** SIGINT, as Ctrl-C in a terminal; returns the exit code. */
    int interrupt(int timeoutSeconds = 120) {
        new ProcessBuilder('kill', '-INT', process.pid().toString()).start().waitFor()
        awaitExit(timeoutSeconds, 'SIGINT')
    }

    /** Waits for the demo to end by itself (after {@code what}); returns its exit code. */
    int awaitExit(int timeoutSeconds, String what) {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            throw new AssertionError("the demo did not stop within $timeoutSeconds s of $what:\n${consoleText()}")
        }
        process.exitValue()
    }

    /** SIGKILL of the demo's own JVM: no exit hook runs. Returns once that JVM is gone. */
    void kill() {
        process.destroyForcibly()
        process.waitFor(30, TimeUnit.SECONDS)
    }

    /**
     * Every process the demo started and still has a pid file for, by name: its services ({@code run/}), the broker
     * and PostgreSQL's postmaster.
     */
    Map<String, Long> pids() {
        Map<String, Long> pids = [:]
        Path run = dataDir.resolve('run')
        Files.list(run).withCloseable { files ->
            files.filter { it.fileName.toString().endsWith('.pid') && it.fileName.toString() != 'demo.pid' }.each {
                pids[it.fileName.toString() - '.pid'] = firstNumber(it)
            }
        }
        pids['broker'] = firstNumber(dataDir.resolve('kafka/broker.pid'))
        pids['postgres'] = firstNumber(dataDir.resolve('postgis/data/postmaster.pid'))
        pids
    }

    /** The pid of one service, from its pid file in {@code run/}. */
    long pid(String service) {
        firstNumber(dataDir.resolve("run/${service}.pid"))
    }

    /** The demo's ports that something still holds (the API, broker and PostgreSQL on TCP, the edge nodes' on UDP). */
    List<String> portsInUse() {
        [api: api, kafka: kafka, postgres: postgres].findAll { !Ports.tcpFree(it.value) }.collect { "TCP ${it.value} (${it.key})" } +
                (coap..<coap + 4).findAll { !Ports.udpFree(it) }.collect { "UDP $it (edge nodes)" }
    }

    /** Stops the demo if a failed feature left it running. */
    void cleanup() {
        if (process?.alive) {
            process.destroy()
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly() // its services follow it: they run behind lifelines
            }
        }
    }

    String jdbcUrl() {
        "jdbc:postgresql://127.0.0.1:$postgres/citygrid?user=postgres"
    }

    private static long firstNumber(Path pidFile) {
        Long.parseLong(Files.readAllLines(pidFile).first().strip())
    }
}
