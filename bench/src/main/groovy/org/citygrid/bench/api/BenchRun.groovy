package org.citygrid.bench.api

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import org.citygrid.api.testkit.TestStack

/**
 * What the benchmarks share: running as a main class under exec:java, and the API started on
 * devstack's real broker and PostGIS, on a free port, in environment {@code bench}.
 */
final class BenchRun {

    private BenchRun() {
    }

    /**
     * Runs {@code bench} with the program arguments and exits: the broker's and Netty's threads would
     * keep exec:java waiting (devstack's shutdown hooks stop the services). Status 1 when it threw.
     */
    static void runAndExit(String[] args, Closure bench) {
        int status = 0
        try {
            bench(args)
        } catch (Throwable t) {
            t.printStackTrace()
            status = 1
        }
        System.out.flush()
        System.exit(status)
    }

    /** The API on the shared test stack, with {@code overrides} on top of its properties. */
    static EmbeddedServer startApi(Map<String, String> overrides = [:]) {
        def props = TestStack.instance.properties() + ['micronaut.server.port': '-1'] + overrides
        ApplicationContext.run(EmbeddedServer, props as Map<String, Object>, 'bench')
    }
}
