package org.citygrid.edge.testkit

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * {@code EdgeNodeMain} in a JVM of its own, so a spec can kill it with SIGKILL as a power cut or
 * the OOM killer would: no shutdown hook, no flush, no close.
 */
class ChildEdge implements AutoCloseable {

    final Process process
    final int dtlsPort
    final int plainPort

    private ChildEdge(Process process, int dtlsPort, int plainPort) {
        this.process = process
        this.dtlsPort = dtlsPort
        this.plainPort = plainPort
    }

    /** Starts the node and returns once it prints its ready line; its log goes to {@code log}. */
    static ChildEdge start(Path config, Path log) {
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        // Surefire's class path (a manifest-only jar naming every dependency) serves the child too
        def process = new ProcessBuilder(java, '-Xmx256m', '-cp', System.getProperty('java.class.path'),
                'org.citygrid.edge.EdgeNodeMain', config.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start()
        // never outlive the spec JVM, whatever happens to the spec
        Runtime.runtime.addShutdownHook(new Thread({ process.destroyForcibly() }))
        try {
            def reader = new BufferedReader(new InputStreamReader(process.inputStream))
            String line
            while ((line = reader.readLine()) != null) {
                def ready = line =~ /^edge-node ready node=\S+ dtls=(\d+) plain=(-?\d+)$/
                if (ready) {
                    // keep draining stdout so the child never blocks on a full pipe
                    Thread.startDaemon { reader.eachLine {} }
                    return new ChildEdge(process, ready.group(1) as int, ready.group(2) as int)
                }
            }
            throw new IllegalStateException("the edge node exited (${process.waitFor()}) before it was ready; see $log")
        } catch (Throwable e) {
            process.destroyForcibly()
            throw e
        }
    }

    /** SIGKILL, then wait until the process is gone. */
    void kill() {
        process.destroyForcibly()
        process.waitFor(30, TimeUnit.SECONDS)
    }

    String plainUri(String path) {
        "coap://127.0.0.1:${plainPort}/${path}"
    }

    @Override
    void close() {
        if (process.alive) {
            process.destroy()
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill()
            }
        }
    }
}
