package org.citygrid.devstack

import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.nio.file.Path

/** Services never outlive the JVM that started them, even when it dies without running shutdown hooks. */
class OrphansSpec extends Specification {

    def "a cluster and a broker stop by themselves when the JVM that started them is killed with SIGKILL"() {
        given:
        Path dir = Devstack.freshDirectory('orphans')
        Process jvm = startProbe(dir)
        long postmaster = firstNumber(dir.resolve('postgres/data/postmaster.pid'))
        long broker = firstNumber(dir.resolve('kafka/broker.pid'))

        expect:
        running(postmaster)
        running(broker)

        when:
        jvm.destroyForcibly()

        then: 'a bound only so that a failure ends the run; both normally go within seconds'
        new PollingConditions(timeout: 90, delay: 0.2).eventually {
            assert !running(postmaster)
            assert !running(broker)
        }
    }

    /** Starts OrphanProbe in a new JVM and returns once it has started both services. */
    private static Process startProbe(Path dir) {
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java')
        Process jvm = new ProcessBuilder(java, '-cp', System.getProperty('java.class.path'),
                OrphanProbe.name, dir.toString()).redirectErrorStream(true).start()
        List<String> output = []
        jvm.inputStream.newReader().withCloseable { reader ->
            String line
            while ((line = reader.readLine()) != null && line != OrphanProbe.STARTED) {
                output << line
            }
            if (line == null) {
                throw new IllegalStateException("the probe JVM ended before starting its services:\n${output.join('\n')}")
            }
        }
        jvm
    }

    private static long firstNumber(Path pidFile) {
        Long.parseLong(Files.readAllLines(pidFile).first().strip())
    }

    /** Alive and not a zombie: an orphan nobody reaps stays in the process table after it exits. */
    private static boolean running(long pid) {
        if (!ProcessHandle.of(pid).map { it.alive }.orElse(false)) {
            return false
        }
        try {
            // The state follows the command name, which is in parentheses and may itself hold spaces.
            !Files.readString(Path.of("/proc/$pid/stat")).replaceFirst(/^.*\) /, '').startsWith('Z')
        } catch (IOException gone) {
            false
        }
    }
}
