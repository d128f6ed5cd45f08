package org.citygrid.demo.services

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.citygrid.demo.Console
import org.citygrid.demo.DemoException
import org.citygrid.demo.testing.FakeService
import org.citygrid.devstack.Processes
import spock.lang.Specification
import spock.lang.TempDir

class ChildServiceSpec extends Specification {
    @TempDir Path tmp
    def console = new Console(new PrintStream(new ByteArrayOutputStream()))

    ChildService service(String mode, Readiness readiness = Readiness.LogLine.matching('^' + FakeService.READY)) {
        new ChildService(FakeService.spec('fake', mode, tmp.resolve('logs'), readiness),
                System.getProperty('java.class.path'), tmp.resolve('fake.pid'), console)
    }

    def "a service is ready when its log shows the ready line, and a stop ends it"() {
        given:
        def child = service('ready').start(Duration.ofSeconds(60))

        expect:
        child.isRunning()
        Files.exists(tmp.resolve('fake.pid'))

        when:
        child.stop()

        then:
        !child.isRunning()
        !Files.exists(tmp.resolve('fake.pid'))
    }

    def "a service that exits during start is reported with its exit code and the end of its log"() {
        when:
        service('fail').start(Duration.ofSeconds(60))

        then:
        def e = thrown(DemoException)
        e.message.contains('fake exited during start (exit code 3)')
        e.message.contains('cannot open the database: connection refused')
    }

    def "a service that never becomes ready is stopped, and the message says how to give it longer"() {
        given:
        def child = service('silent')

        when:
        child.start(Duration.ofSeconds(2))

        then:
        def e = thrown(DemoException)
        e.message.contains('did not show a log line matching')
        e.message.contains('--start-timeout')
        !child.isRunning()
    }

    def "a service left running by a killed demo is stopped by the next start"() {
        given: 'a first demo started the service, then died without its exit hook'
        def first = service('ready').start(Duration.ofSeconds(60))
        long leftover = first.pid().get()

        when:
        def second = service('ready').start(Duration.ofSeconds(60))

        then:
        !ProcessHandle.of(leftover).map { it.alive }.orElse(false)
        second.isRunning()

        cleanup:
        second?.stop()
    }

    def "a service that ends by itself has its exit code, and a stop then says it had already ended"() {
        given:
        def out = new ByteArrayOutputStream()
        def child = new ChildService(service('ready').spec(), System.getProperty('java.class.path'),
                tmp.resolve('fake.pid'), new Console(new PrintStream(out, true))).start(Duration.ofSeconds(60))

        expect:
        child.exitCode().empty

        when: 'someone else kills it'
        Processes.killTree(ProcessHandle.of(child.pid().get()).get(), Duration.ofSeconds(10))

        then:
        child.exitCode().asInt == 137
        !child.isRunning()

        when:
        child.stop()

        then:
        out.toString() == '[demo] fake had already ended (exit code 137)\n'
        !Files.exists(tmp.resolve('fake.pid'))
        child.exitCode().empty
    }

    def "kill ends a service with SIGKILL, no shutdown hook running, and start runs it again"() {
        given:
        def child = service('ready').start(Duration.ofSeconds(60))
        long first = child.pid().get()

        when:
        child.kill()

        then: 'an end on purpose, not one by itself'
        !child.isRunning()
        child.exitCode().empty
        !ProcessHandle.of(first).map { it.alive }.orElse(false)
        !Files.readString(tmp.resolve('logs/fake.log')).contains(FakeService.HOOK_RAN)

        when:
        child.start(Duration.ofSeconds(60))

        then:
        child.isRunning()
        child.pid().get() != first

        when:
        child.stop()

        then: 'a stop, by contrast, is SIGTERM'
        Files.readString(tmp.resolve('logs/fake.log')).contains(FakeService.HOOK_RAN)
    }
}
