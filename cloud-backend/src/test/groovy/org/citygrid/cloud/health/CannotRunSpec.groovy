package org.citygrid.cloud.health

import static org.citygrid.cloud.testkit.Http.health

import java.nio.file.Files
import java.time.Duration
import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer
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

    @Shared @AutoCleanup
    LiveCaseCycle fenced = new LiveCaseCycle('cannot_run_projection', [CITYGRID_INSTANCE_ID: 'cannot-run-a'])

    @Shared
    Path fencedLog = Files.createTempFile('cannot-run-projection', '.log')

    @Shared
    Process projecting

    def cleanupSpec() {
        child?.destroyForcibly()?.waitFor()
        projecting?.destroyForcibly()?.waitFor()
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

    def "a read-model projection that stops for good stops the process with status 70 and says why"() {
        given: 'an instance running as cannot-run-a with its projection, UP'
        projecting = CaseCycleChild.start(fenced.environment(), fencedLog, true)
        health(CaseCycleChild.httpPort(fencedLog)).projection.status == 'UP'

        when: 'a second projection joins the group under the same static id, as a copy deployed with the same CITYGRID_INSTANCE_ID would'
        def twin = new KafkaConsumer<String, byte[]>(fenced.settings.kafkaClient() + [
                (ConsumerConfig.GROUP_ID_CONFIG)         : fenced.settings.projectionGroup(),
                (ConsumerConfig.GROUP_INSTANCE_ID_CONFIG): 'cannot-run-a-projection'] as Map<String, Object>,
                new StringDeserializer(), new ByteArrayDeserializer())
        twin.subscribe([fenced.topics.caseEvents()])
        fenced.eventually { twin.poll(Duration.ofMillis(200)); !twin.assignment().isEmpty() }

        then: 'the fenced projection cannot go on: the process exits with 70 and names the error'
        projecting.waitFor(120, TimeUnit.SECONDS)
        projecting.exitValue() == CaseCycleApp.EXIT_CANNOT_RUN
        def line = fencedLog.toFile().readLines().find { it.contains('event=cannot-run') }
        line.contains('cloud-backend cannot run and exits with status 70: the read-model projection stopped: ')
        line.contains('FencedInstanceIdException')

        cleanup:
        twin?.close()
    }
}
