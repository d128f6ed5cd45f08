package org.citygrid.cloud.testkit

import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.config.CaseCycleSettings

/**
 * The case cycle in a JVM of its own, on the test grids, so that a spec can kill it like a crashed
 * server (SIGKILL: no shutdown hooks, no clean close) and start it again. Settings come from the
 * CITYGRID_* environment the spec gives it; it prints the port of its HTTP endpoints and each Streams
 * state change on stdout, and exits as the service does when the case cycle cannot run.
 */
class CaseCycleChild {

    static void main(String[] args) {
        try {
            def app = CaseCycleApp.start(CaseCycleSettings.fromEnvironment(), new TestGrids(), args.contains('--projection'),
                    { int status -> System.exit(status) })
            println "HTTP ${app.httpPort()}"
            def last = null
            while (true) {
                def now = app.streams().state()
                if (now != last) {
                    println "STATE ${now}"
                    System.out.flush()
                    last = now
                }
                Thread.sleep(100)
            }
        } catch (Throwable e) {
            e.printStackTrace()
            System.exit(1)
        }
    }

    /**
     * Starts a child with {@code env} and waits until its Streams application runs.
     *
     * @param withProjection whether it also projects into the read model, as every deployed instance does
     */
    static Process start(Map<String, String> env, Path log, boolean withProjection = false) {
        start(env, log, withProjection, [])
    }

    /** @param javaOptions more options for the child's JVM */
    static Process start(Map<String, String> env, Path log, boolean withProjection, List<String> javaOptions) {
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def pb = new ProcessBuilder([java, '-Xmx256m', '--enable-native-access=ALL-UNNAMED'] + javaOptions +
                ['-cp', System.getProperty('java.class.path'), CaseCycleChild.name, withProjection ? '--projection' : '--no-projection'])
        pb.environment().putAll(env)
        pb.redirectErrorStream(true)
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        def process = pb.start()
        try {
            awaitRunning(process, log)
        } catch (Throwable e) {
            process.destroyForcibly().waitFor()
            throw e
        }
        process
    }

    /** The port the child serves /health and /metrics on, from its log. */
    static int httpPort(Path log) {
        Integer.parseInt((log.toFile().text =~ /(?m)^HTTP (\d+)$/)[0][1] as String)
    }

    private static void awaitRunning(Process process, Path log) {
        def deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90)
        while (!log.toFile().text.contains('STATE RUNNING')) {
            if (!process.alive || System.nanoTime() > deadline) {
                throw new IllegalStateException("the case-cycle child did not reach RUNNING; its log:\n" + log.toFile().text.takeRight(4000))
            }
            Thread.sleep(200)
        }
    }
}
