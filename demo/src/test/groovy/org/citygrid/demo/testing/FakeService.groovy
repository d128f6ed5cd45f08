package org.citygrid.demo.testing

import java.nio.file.Path
import org.citygrid.demo.services.Readiness
import org.citygrid.demo.services.ServiceSpec

/**
 * A stand-in service for the specs of the demo's services: {@code ready} prints a ready line and runs until SIGTERM
 * (saying so from a shutdown hook); {@code fail} prints a reason and exits with 3; {@code silent} runs without ever
 * saying it is ready.
 */
class FakeService {
    /** The ready line, as {@link #spec}'s readiness expects it. */
    static final String READY = 'fake service ready'
    /** What its shutdown hook prints: SIGTERM runs it, SIGKILL does not. */
    static final String HOOK_RAN = 'fake service shutdown hook ran'

    static void main(String[] args) {
        switch (args[0]) {
            case 'ready':
                Runtime.runtime.addShutdownHook(new Thread({ println HOOK_RAN; System.out.flush() }))
                println READY
                System.out.flush()
                Thread.sleep(Long.MAX_VALUE)
                break
            case 'fail':
                println 'cannot open the database: connection refused'
                System.out.flush()
                System.exit(3)
                break
            default:
                Thread.sleep(Long.MAX_VALUE)
        }
    }

    /** A service {@code name} running this class in {@code mode}, ready at its ready line, logging into {@code logs}. */
    static ServiceSpec spec(String name, String mode, Path logs,
                            Readiness readiness = Readiness.LogLine.matching('^' + READY)) {
        // a small JVM that starts quickly: these specs start many of them
        new ServiceSpec(name, 'demo', FakeService.name, ['-Xmx32m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
                [mode], [:], readiness, logs.resolve("${name}.log"))
    }
}
