package org.citygrid.api.kafka

import java.sql.SQLException
import java.sql.SQLTransientConnectionException
import java.time.Clock
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import org.citygrid.api.persistence.DataAccessException
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.contracts.deadletters.DeadLetter
import org.citygrid.contracts.topics.TopicCatalogue
import org.citygrid.devstack.Devstack
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/**
 * The reader behind pushes, rejections and the dead-letter index, on the real broker: what happens to a
 * record whose handler fails. The database away is waited out however long it lasts; a record that fails
 * for its own reasons is tried a few times, set aside on a dead-letter topic, and the reader goes on.
 */
class TopicReaderSpec extends Specification {

    static final ReaderRetries THREE_TRIES = new ReaderRetries(3, Duration.ofMillis(100))

    KafkaConnection connection = new KafkaConnection(TestStack.instance.bootstrapServers, '')
    String topic = fresh('topic-reader')
    String deadLetters = fresh('dead-letters')
    /** Sets records aside on the real broker, as GridPublisher does onto grid.dead-letters. */
    DeadLetterShelf shelf = { DeadLetter d ->
        Topics.send(deadLetters, d.coordinates(), TopicCatalogue.DEAD_LETTERS.write(d))
    }
    List<TopicReader> readers = []

    static String fresh(String prefix) {
        def name = "${prefix}-${System.nanoTime()}".toString()
        Devstack.sharedKafka().createTopics(name)
        name
    }

    TopicReader reader(String group, Closure handler, DeadLetterShelf shelf = this.shelf) {
        def r = new TopicReader('reader-spec', group, connection, topic, group, 'earliest', handler, THREE_TRIES, shelf,
                Clock.systemUTC())
        readers << r
        r
    }

    static String group() {
        "reader-spec-${System.nanoTime()}".toString()
    }

    List<DeadLetter> setAside() {
        Topics.readAll(deadLetters).collect { TopicCatalogue.DEAD_LETTERS.read(it.value()) }
    }

    def cleanup() {
        readers*.close()
    }

    def "the database away is waited out, however many tries it takes, and nothing is set aside"() {
        given: 'three records, and a handler that cannot reach the database seven times on the second'
        ['first', 'second', 'third'].each { Topics.send(topic, it, it.bytes) }
        def handled = new CopyOnWriteArrayList<String>()
        int attemptsOnSecond = 0
        def reader = reader(group(), { record ->
            if (record.key() == 'second' && ++attemptsOnSecond <= 7) {
                throw new DataAccessException('cannot store a rejection',
                        new SQLTransientConnectionException('Connection is not available, request timed out after 30000ms.'))
            }
            handled << record.key()
        })

        when:
        reader.start()

        then: 'each was handled once, in order, the second on its eighth attempt, with three tries allowed for bad records'
        new PollingConditions(timeout: 30).eventually {
            assert handled == ['first', 'second', 'third']
        }
        attemptsOnSecond == 8
        setAside().isEmpty()
        reader.state() == TopicReader.State.RUNNING
    }

    def "a record that fails for its own reasons is tried three times, set aside with its coordinates and reason, and the reader goes on"() {
        given:
        ['first', 'poison', 'third'].each { Topics.send(topic, it, "value of ${it}".bytes) }
        def group = group()
        def handled = new CopyOnWriteArrayList<String>()
        int attemptsOnPoison = 0
        def reader = reader(group, { record ->
            if (record.key() == 'poison') {
                attemptsOnPoison++
                // what the database answers to a NUL in a text column: the statement's fault, not an outage
                throw new DataAccessException('cannot store a rejection',
                        new SQLException('invalid byte sequence for encoding "UTF8": 0x00', '22021'))
            }
            handled << record.key()
        })

        when:
        reader.start()

        then:
        new PollingConditions(timeout: 30).eventually {
            assert handled == ['first', 'third']
        }
        attemptsOnPoison == 3
        reader.setAside() == 1
        reader.state() == TopicReader.State.RUNNING

        and: 'the dead letter says where the record was, what it held and why it was set aside'
        def letters = setAside()
        letters.size() == 1
        with(letters[0]) {
            consumer() == group
            topic() == this.topic
            partition() == 0
            offset() == 1L
            recordKey() == 'poison'
            new String(payload(), 'UTF-8') == 'value of poison'
            reason().contains('cannot store a rejection')
            attempts() == 3
            at() != null
        }
        Topics.readAll(deadLetters)[0].key() == "${topic}/0/1".toString()
    }

    def "after a record is set aside the offsets are committed: the group's next reader starts after it"() {
        given:
        ['poison', 'second'].each { Topics.send(topic, it, it.bytes) }
        def group = group()
        def handled = new CopyOnWriteArrayList<String>()
        def first = reader(group, { record ->
            if (record.key() == 'poison') {
                throw new IllegalStateException('a bug')
            }
            handled << record.key()
        })
        first.start()
        new PollingConditions(timeout: 30).eventually { assert handled == ['second'] }
        first.close()

        when: 'another record comes, and a new reader of the same group starts'
        Topics.send(topic, 'third', 'third'.bytes)
        def after = new CopyOnWriteArrayList<String>()
        reader(group, { after << it.key() }).start()

        then:
        new PollingConditions(timeout: 30).eventually { assert after == ['third'] }
    }

    def "a record its handler cannot read is set aside at once"() {
        given:
        Topics.send(topic, 'garbage', 'not json'.bytes)
        Topics.send(topic, 'fine', 'fine'.bytes)
        def handled = new CopyOnWriteArrayList<String>()
        int tries = 0
        def reader = reader(group(), { record ->
            if (record.key() == 'garbage') {
                tries++
                throw new UnreadableRecord('not a command rejection: Unrecognized token', null)
            }
            handled << record.key()
        })

        when:
        reader.start()

        then:
        new PollingConditions(timeout: 30).eventually { assert handled == ['fine'] }
        tries == 1
        setAside()*.attempts() == [1]
        setAside()*.reason() == ['unreadable: not a command rejection: Unrecognized token']
    }

    def "while the dead letter cannot be written the reader waits on the record, and sets it aside once it can"() {
        given: 'a shelf whose broker is away for its first four tries'
        ['poison', 'after'].each { Topics.send(topic, it, it.bytes) }
        int shelfTries = 0
        DeadLetterShelf flaky = { DeadLetter d ->
            if (++shelfTries <= 4) {
                throw new org.citygrid.api.errors.Unavailable('broker-unavailable', 'Try again later', 'no acknowledgement')
            }
            shelf.setAside(d)
        }
        def handled = new CopyOnWriteArrayList<String>()
        def reader = reader(group(), { record ->
            if (record.key() == 'poison') {
                throw new IllegalArgumentException('no such category')
            }
            handled << record.key()
        }, flaky)

        when:
        reader.start()

        then: 'the record after it waits until the poison is on the shelf'
        new PollingConditions(timeout: 30).eventually { assert handled == ['after'] }
        shelfTries == 5
        setAside()*.recordKey() == ['poison']
    }

    def "a reader whose thread dies on an Error says so, with the reason"() {
        given:
        Topics.send(topic, 'fatal', 'x'.bytes)
        def reader = reader(group(), { record -> throw new StackOverflowError('recursion in a handler') })

        when:
        reader.start()

        then:
        new PollingConditions(timeout: 30).eventually {
            assert reader.state() == TopicReader.State.DIED
        }
        reader.problem() == 'java.lang.StackOverflowError: recursion in a handler'
    }

    def "#failure is #kind"() {
        expect:
        ReaderFailures.isTransient(failure) == (kind == 'waited out')

        where:
        failure                                                                                       || kind
        new DataAccessException('x', new SQLException('connection refused', '08001'))                || 'waited out'
        new DataAccessException('x', new SQLException('the database system is starting up', '57P03')) || 'waited out'
        new DataAccessException('x', new SQLException('too many connections', '53300'))              || 'waited out'
        new DataAccessException('x', new SQLException('deadlock detected', '40P01'))                 || 'waited out'
        new DataAccessException('x', new SQLTransientConnectionException('pool exhausted'))          || 'waited out'
        new RuntimeException(new org.apache.kafka.common.errors.TimeoutException('no leader'))       || 'waited out'
        new org.citygrid.api.errors.Unavailable('broker-unavailable', 'Try again later', 'x')        || 'waited out'
        new UncheckedIOException(new ConnectException('Connection refused'))                         || 'waited out'
        new DataAccessException('x', new SQLException('invalid byte sequence: 0x00', '22021'))       || 'the record\'s'
        new DataAccessException('x', new SQLException('duplicate key', '23505'))                     || 'the record\'s'
        new DataAccessException('x', new SQLException('no state'))                                   || 'the record\'s'
        new UnreadableRecord('not JSON', null)                                                       || 'the record\'s'
        new NullPointerException()                                                                   || 'the record\'s'
        new IllegalArgumentException('unknown category')                                             || 'the record\'s'
    }
}
