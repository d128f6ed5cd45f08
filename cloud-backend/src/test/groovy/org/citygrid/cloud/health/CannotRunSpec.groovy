package org.citygrid.cloud.health

import static org.citygrid.cloud.testkit.Http.health

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.testkit.CaseCycleChild
import org.citygrid.cloud.testkit.LiveCaseCycle
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * A case cycle that cannot run ends its process with a status a supervisor sees and a log line an operator
 * reads, instead of living on with a dead case cycle behind a port that still answers. The cause here: a topic an
 * operator created with a record limit below what the case cycle writes to it. Kafka refuses the write and, under
 * exactly-once, the whole transaction; the same record would fail the same way after any restart of the thread.
 */
class CannotRunSpec extends Specification {

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('cannot_run')

    @Shared
    Path log = Files.createTempFile('cannot-run', '.log')

    @Shared
    Process child

    def cleanupSpec() {
        child?.destroyForcibly()?.waitFor()
    }

    def "a write Kafka refuses for good stops the process with status 70 and says why"() {
        given: 'a command-rejections topic that takes nothing over 2 KB, and the case cycle running, UP'
        live.createTopic(live.topics.commandRejections(), 1, ['max.message.bytes': '2048'])
        child = CaseCycleChild.start(live.environment(), log)
        health(CaseCycleChild.httpPort(log)).status == 'UP'

        when: 'an unreadable command of 4 KB, whose refusal carries it, is more than that topic takes'
        live.send(live.topics.commands(), '110101001001001-260302-0000big1',
                ('{"v":1,"commandId":"too-large","note":"' + ('x' * 4000) + '"}').bytes)

        then:
        child.waitFor(120, TimeUnit.SECONDS)
        child.exitValue() == CaseCycleApp.EXIT_CANNOT_RUN
        def line = log.toFile().readLines().find { it.contains('event=cannot-run') }
        line.contains("cloud-backend cannot run and exits with status 70: the case cycle's Kafka Streams client is in state ERROR")
        line.contains('RecordTooLargeException')
    }
}
