package org.citygrid.demo.testing

/**
 * A stand-in service for ChildService's specs: {@code ready} prints a ready line and runs until SIGTERM (saying so from a shutdown hook);
 * {@code fail} prints a reason and exits with 3; {@code silent} runs without ever saying it is ready.
 */
class FakeService {
    static void main(String[] args) {
        switch (args[0]) {
            case 'ready':
                // SIGTERM runs it, SIGKILL does not: ChildService's specs tell the two apart by this line
                Runtime.runtime.addShutdownHook(new Thread({ println 'fake service shutdown hook ran'; System.out.flush() }))
                println 'fake service ready'
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
}
