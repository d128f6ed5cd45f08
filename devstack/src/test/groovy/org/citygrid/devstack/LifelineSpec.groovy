package org.citygrid.devstack

import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Specification

/**
 * A child JVM behind a Lifeline runs its main class, and stops (shutdown hooks and all) when its stdin pipe closes,
 * which the kernel does whatever way the parent ends. OrphansSpec kills a real parent with SIGKILL.
 */
class LifelineSpec extends Specification {

    def "the child runs the main class with its arguments, and stops through its shutdown hooks when the pipe closes"() {
        given:
        Process child = start('one', 'two words')
        String first = child.inputStream.newReader().readLine()

        expect:
        first == 'probe running with [one, two words]'
        child.alive

        when: 'the parent end closes, as when the parent dies'
        child.outputStream.close()

        then:
        child.waitFor(30, TimeUnit.SECONDS)
        child.exitValue() == 0
        def rest = child.inputStream.text
        rest.contains(Lifeline.CLOSED)
        rest.contains('probe shutdown hook ran')
    }

    def "a main class that fails ends the child with its own exception and exit code 1"() {
        when: 'the pipe stays open: the child ends by itself'
        Process child = start('fail')

        then:
        child.waitFor(30, TimeUnit.SECONDS)
        child.exitValue() == 1
        def output = child.inputStream.text
        output.contains('java.lang.IllegalStateException: the probe refuses to start')
        !output.contains('InvocationTargetException')
    }

    private static Process start(String... args) {
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java')
        new ProcessBuilder([java, '-Xmx32m', '-cp', System.getProperty('java.class.path')] +
                Lifeline.command(LifelineProbe.name) + args.toList()).redirectErrorStream(true).start()
    }
}
