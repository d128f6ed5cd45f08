package org.citygrid.api.kafka

import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.devstack.Devstack
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/**
 * The reader behind pushes and command rejections, on the real broker: what happens to a record whose handler
 * fails, as every handler that writes to the database does while the database is away.
 */
class TopicReaderSpec extends Specification {

    def "a record whose handler fails is handed over again until it goes through, and the records after it wait"() {
        given: 'three records, and a handler that fails twice on the second, as with the database away'
        def topic = "topic-reader-${System.nanoTime()}".toString()
        Devstack.sharedKafka().createTopics(topic)
        ['first', 'second', 'third'].each { Topics.send(topic, it, it.bytes) }
        def handled = new CopyOnWriteArrayList<String>()
        int attemptsOnSecond = 0
        def reader = TopicReader.inGroup('reader-spec', new KafkaConnection(TestStack.instance.bootstrapServers, ''), topic,
                "reader-spec-${System.nanoTime()}".toString(), 'earliest', { record ->
            if (record.key() == 'second' && ++attemptsOnSecond <= 2) {
                throw new IllegalStateException('cannot reach the database')
            }
            handled << record.key()
        }, Duration.ofMillis(200))

        when:
        reader.start()

        then: 'each was handled once, in order, the second on its third attempt'
        new PollingConditions(timeout: 30).eventually {
            assert handled == ['first', 'second', 'third']
        }
        attemptsOnSecond == 3

        cleanup:
        reader?.close()
    }

    def "after the retry the offsets are committed: the group's next reader starts after the last record"() {
        given:
        def topic = "topic-reader-${System.nanoTime()}".toString()
        def group = "reader-spec-${System.nanoTime()}".toString()
        Devstack.sharedKafka().createTopics(topic)
        ['first', 'second'].each { Topics.send(topic, it, it.bytes) }
        def connection = new KafkaConnection(TestStack.instance.bootstrapServers, '')
        boolean failed = false
        def handled = new CopyOnWriteArrayList<String>()
        def reader = TopicReader.inGroup('reader-spec', connection, topic, group, 'earliest', { record ->
            if (record.key() == 'first' && !failed) {
                failed = true
                throw new IllegalStateException('cannot reach the database')
            }
            handled << record.key()
        }, Duration.ofMillis(200))
        reader.start()
        new PollingConditions(timeout: 30).eventually { assert handled == ['first', 'second'] }
        reader.close()

        when: 'another record comes, and a new reader of the same group starts'
        Topics.send(topic, 'third', 'third'.bytes)
        def after = new CopyOnWriteArrayList<String>()
        def next = TopicReader.inGroup('reader-spec', connection, topic, group, 'earliest', { after << it.key() },
                Duration.ofMillis(200))
        next.start()

        then:
        new PollingConditions(timeout: 30).eventually { assert after == ['third'] }

        cleanup:
        next?.close()
    }
}
