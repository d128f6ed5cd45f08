package org.citygrid.demo.testing

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.citygrid.demo.DemoPortsSpec
import org.citygrid.devstack.FreePorts

/**
 * {@code DemoMain} in a child JVM, as ./gridcity demo runs it, on free ports and a data folder of the spec's
 * own. Its console output goes to a file the spec can wait on.
 */
class DemoProcess {
    /** The checkout: Surefire runs in the demo module's folder. */
    static final Path ROOT = Path.of('').toAbsolutePath().parent

    final Path dataDir
    final int api = FreePorts.pick()
    final int kafka = distinct(FreePorts.pick(), [api])
    final int postgres = distinct(FreePorts.pick(), [api, kafka])
    /** Both edge nodes' ports: the demo runs two. */
    final int coap = DemoPortsSpec.freeUdpBlock(4)
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
        def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-Xmx256m',
                       '-cp', System.getProperty('java.class.path'), 'org.citygrid.demo.DemoMain',
                       '--data', dataDir.toString(), '--api-port', "$api", '--kafka-port', "$kafka",
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)
        while (!consoleText().contains(text)) {
            if (!process.alive) {
                throw new AssertionError("the demo exited (code ${process.exitValue()}) before printing '$text':\n${consoleText()}")
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '$text' from the demo within $timeoutSeconds s:\n${consoleText()}")
            }
            Thread.sleep(200)
        }
    }

    String consoleText() {
        Files.exists(console) ? Files.readString(console) : ''
    }

    /** SIGINT, as Ctrl-C in a terminal; returns the exit code. */
    int interrupt(int timeoutSeconds = 120) {
        new ProcessBuilder('kill', '-INT', process.pid().toString()).start().waitFor()
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            throw new AssertionError("the demo did not stop within $timeoutSeconds s of SIGINT:\n${consoleText()}")
        }
        process.exitValue()
    }

    /** Stops the demo if a failed feature left it running. */
    void cleanup() {
        if (process?.alive) {
            process.destroy()
            process.waitFor(120, TimeUnit.SECONDS)
        }
    }

    String jdbcUrl() {
        "jdbc:postgresql://127.0.0.1:$postgres/citygrid?user=postgres"
    }
}
