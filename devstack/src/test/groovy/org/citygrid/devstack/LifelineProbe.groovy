package org.citygrid.devstack

/**
 * Run behind a {@link Lifeline} by LifelineSpec: prints its arguments, and a line from its shutdown hook when it
 * stops; {@code fail} throws instead.
 */
class LifelineProbe {
    static void main(String[] args) {
        if (args.length > 0 && args[0] == 'fail') {
            throw new IllegalStateException('the probe refuses to start')
        }
        Runtime.runtime.addShutdownHook(new Thread({ println 'probe shutdown hook ran'; System.out.flush() }))
        println "probe running with ${args.toList()}"
        System.out.flush()
        Thread.sleep(Long.MAX_VALUE)
    }
}
