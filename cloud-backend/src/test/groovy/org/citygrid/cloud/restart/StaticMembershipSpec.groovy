package org.citygrid.cloud.restart

import org.apache.kafka.clients.consumer.CloseOptions
import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.kafka.streams.KafkaStreams
import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.streams.CaseCycleTopology
import org.citygrid.cloud.TopicSetup
import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.model.category.CategoryCatalogue
import org.citygrid.model.category.CatalogueCaseRules
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

/**
 * An instance that dies cannot leave its consumer group, so without static membership the instance that replaces it
 * waits out the dead one's session before it gets any task. With CITYGRID_INSTANCE_ID the replacement, started
 * under the same id, is the same member: it takes the tasks back at once. The session here is five minutes, far
 * longer than the spec waits, so only static membership can make the group whole again in time. The same holds
 * for the instance's read-model projection, a consumer group of its own.
 */
class StaticMembershipSpec extends Specification {

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('static_membership', [CITYGRID_SESSION_TIMEOUT: 'PT300S',
                                                                CITYGRID_INSTANCE_ID    : 'case-cycle-a'])

    def setupSpec() {
        TopicSetup.ensure(live.settings)
    }

    def "an instance restarted under its id after dying takes its tasks back without waiting out its old session"() {
        given: 'the case cycle running as instance case-cycle-a, then gone without leaving the group, as a kill leaves it'
        def dead = new KafkaStreams(CaseCycleTopology.build(live.settings, CatalogueCaseRules.chinaDefault(),
                CategoryCatalogue.loadDefault(), new TestGrids()), CaseCycleTopology.streamsProperties(live.settings))
        dead.start()
        assert live.eventually { dead.state() == KafkaStreams.State.RUNNING }
        def member = live.members().collect { it.groupInstanceId().orElse(null) }
        dead.close(Duration.ofSeconds(30))

        when: 'it starts again under the same id'
        def app = CaseCycleApp.start(live.settings, new TestGrids(), false)

        then: 'it runs, and the group holds the one member, itself: nothing waits for the dead session'
        member.size() == 1 && member[0].startsWith('case-cycle-a')
        live.eventually(Duration.ofSeconds(90)) { app.streams().state() == KafkaStreams.State.RUNNING && live.members().size() == 1 }
        live.members()*.groupInstanceId()*.orElse(null) == member
        !live.members().first().assignment().topicPartitions().isEmpty()

        cleanup:
        app?.close()
    }

    def "the read-model projection restarted under the instance's id takes its partitions back too"() {
        given: 'the projection of instance case-cycle-a, gone without leaving its group'
        def group = live.settings.projectionGroup()
        def dead = new KafkaConsumer<String, byte[]>(live.settings.kafkaClient() + [
                (ConsumerConfig.GROUP_ID_CONFIG)         : group,
                (ConsumerConfig.GROUP_INSTANCE_ID_CONFIG): 'case-cycle-a-projection',
                (ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG): 300_000] as Map<String, Object>,
                new StringDeserializer(), new ByteArrayDeserializer())
        dead.subscribe([live.settings.topics().caseEvents()])
        assert live.eventually { dead.poll(Duration.ofMillis(200)); !dead.assignment().isEmpty() }
        dead.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP))

        when: 'the instance starts again, projection included'
        def app = CaseCycleApp.start(live.settings, new TestGrids(), true)

        then: 'the projection is the one member of its group again, holding partitions, long before the old session ends'
        live.eventually(Duration.ofSeconds(90)) {
            def members = live.members(group)
            members.size() == 1 && !members.first().assignment().topicPartitions().isEmpty()
        }
        live.members(group)*.groupInstanceId()*.orElse(null) == ['case-cycle-a-projection']

        cleanup:
        app?.close()
    }

}
