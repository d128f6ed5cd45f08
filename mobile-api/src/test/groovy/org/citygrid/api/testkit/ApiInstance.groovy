package org.citygrid.api.testkit

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.citygrid.api.Application
import org.citygrid.devstack.FreePorts

/**
 * mobile-api in a JVM of its own, started as docs/deploy.md starts an instance (its main class, the
 * CITYGRID_* environment, other settings as -D properties), so that a spec can run several side by side
 * and kill one like a crashed server. The child runs on this JVM's class path, test classes included,
 * so a -D property can switch on a test bean such as the fake Firebase credentials.
 */
class ApiInstance implements Closeable {

    final String name
    final int port
    final Path log
    private final Process process

    private ApiInstance(String name, int port, Path log, Process process) {
        this.name = name
        this.port = port
        this.log = log
        this.process = process
    }

    /** Launches the instance and returns at once: {@link #awaitHealthy} waits for it. */
    static ApiInstance launch(String name, Path logDir, Map<String, String> env, Map<String, String> properties) {
        int port = FreePorts.pick()
        Files.createDirectories(logDir)
        Path log = logDir.resolve("${name}.log")
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def command = [java, '-Xmx384m', '--enable-native-access=ALL-UNNAMED']
        properties.each { k, v -> command << "-D${k}=${v}".toString() }
        command += ['-cp', System.getProperty('java.class.path'), Application.name]
        def pb = new ProcessBuilder(command)
        pb.environment().putAll(env + [CITYGRID_API_PORT: port.toString()])
        pb.redirectErrorStream(true)
        pb.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
        new ApiInstance(name, port, log, pb.start())
    }

    String url() {
        "http://127.0.0.1:${port}"
    }

    /** Waits until {@code /manage/health} answers 200, or fails with the end of the instance's log. */
    ApiInstance awaitHealthy(Duration timeout = Duration.ofSeconds(120)) {
        def client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
        def deadline = System.nanoTime() + timeout.toNanos()
        while (true) {
            if (!process.alive) {
                throw new IllegalStateException("mobile-api instance ${name} exited (${process.exitValue()}); its log:\n${tail()}")
            }
            try {
                def r = client.send(HttpRequest.newBuilder(URI.create("${url()}/manage/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding())
                if (r.statusCode() == 200) {
                    return this
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mobile-api instance ${name} not healthy after ${timeout}; its log:\n${tail()}")
            }
            Thread.sleep(250)
        }
    }

    /** Waits for the instance to end by itself; its exit code, or fails with the end of its log if it keeps running. */
    int awaitExit(Duration timeout = Duration.ofSeconds(120)) {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("mobile-api instance ${name} still running after ${timeout}; its log:\n${tail()}")
        }
        process.exitValue()
    }

    /** SIGKILL: no shutdown hooks, no clean leave of its consumer groups. */
    void kill() {
        process.destroyForcibly().waitFor()
    }

    boolean isAlive() {
        process.alive
    }

    String tail() {
        Files.exists(log) ? Files.readString(log).takeRight(6000) : '(no log)'
    }

    @Override
    void close() {
        process.destroyForcibly().waitFor()
    }
}
