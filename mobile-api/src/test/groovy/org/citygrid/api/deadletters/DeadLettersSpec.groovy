package org.citygrid.api.deadletters

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.kafka.GridPublisher
import org.citygrid.api.kafka.TopicReader
import org.citygrid.api.kafka.TopicReaders
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.contracts.topics.TopicCatalogue
import org.citygrid.devstack.Devstack
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CommandRejected
import org.citygrid.model.cases.RejectionReason
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireCodec
import spock.lang.Shared
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

import java.time.Instant

/**
 * A poison record on a topic mobile-api reads, through the whole stack: the reader sets it aside on
 * grid.dead-letters and goes on, health turns DEGRADED with the count, an administrator lists it and replays
 * it once; a reader whose thread dies turns health DOWN.
 */
@MicronautTest
@Stepwise
class DeadLettersSpec extends ApiSpec {

    /** This spec's own consumer groups, so that counts start from nothing whatever other specs left. */
    static final String REJECTIONS_GROUP = "dead-letters-spec-rejections-${UUID.randomUUID()}"

    @Shared TestUser admin
    @Shared String poisonKey = "case-poison-${UUID.randomUUID()}"
    @Shared Map listed

    @Override
    Map<String, String> getProperties() {
        super.properties + ['citygrid.rejections.enabled'         : 'true',
                            'citygrid.rejections.group'           : REJECTIONS_GROUP,
                            'citygrid.dead-letters.index.enabled' : 'true',
                            'citygrid.dead-letters.index.group'   : "dead-letters-spec-index-${UUID.randomUUID()}".toString(),
                            'citygrid.readers.retry-pause'        : '100ms']
    }

    def setup() {
        admin = admin ?: user(Role.ADMIN)
    }

    Map health() {
        // as an administrator: whoever may see the details of /manage/health
        def r = exchange(HttpRequest.GET('/manage/health').bearerAuth(admin.accessToken))
        [status: r.status.code, body: r.body() as Map]
    }

    def "with nothing set aside, the readers are UP and listed with their state"() {
        when:
        def h = health()

        then:
        h.status == 200
        with(h.body.details.topicReaders) {
            status == 'UP'
            details.deadLetters == 0
            details.readers['command-rejections'] == [topic: 'grid.command-rejections', consumer: REJECTIONS_GROUP,
                                                      state: 'RUNNING', setAside: 0]
            details.readers['dead-letter-index'].state == 'RUNNING'
        }
    }

    def "a command rejection that is not one is set aside, and the rejection after it is stored as ever"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def c = ReadModelFixture.insertCase(state: 'DISPATCHED', department: 'DRAINAGE')
        def commandId = post(handler, "/api/v1/cases/${c.caseId}/actions", [type: 'Return', reason: 'not ours']).body().id

        when: 'garbage, then a real rejection, on grid.command-rejections'
        Topics.send(TestStack.REJECTIONS, poisonKey, 'not a rejection \u0000 at all'.getBytes('UTF-8'))
        Topics.send(TestStack.REJECTIONS, c.caseId, WireCodec.commandRejections().write(new CommandRejected(commandId,
                c.caseId, Actor.handler(handler.id, 'DRAINAGE'), Instant.parse('2026-03-02T03:00:00Z'),
                RejectionReason.WRONG_STATE, 'the case is not held by a department')))

        then: 'the reader went past the garbage'
        new PollingConditions(timeout: 30).eventually {
            assert get(handler, "/api/v1/commands/${commandId}").body().status == 'REJECTED'
        }

        and: 'the garbage is on grid.dead-letters with its coordinates, bytes and reason'
        def letters = Topics.readAll(TestStack.DEAD_LETTERS).collect { TopicCatalogue.DEAD_LETTERS.read(it.value()) }
                .findAll { it.recordKey() == poisonKey }
        letters.size() == 1
        with(letters[0]) {
            consumer() == REJECTIONS_GROUP
            topic() == 'grid.command-rejections'
            new String(payload(), 'UTF-8') == 'not a rejection \u0000 at all'
            reason().startsWith('unreadable: not a command rejection')
            attempts() == 1
        }
    }

    def "the case cycle's refusal of a command too broken to name itself is passed over, not set aside, and holds nothing up"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])
        def c = ReadModelFixture.insertCase(state: 'DISPATCHED', department: 'DRAINAGE')
        def commandId = post(handler, "/api/v1/cases/${c.caseId}/actions", [type: 'Return', reason: 'not ours']).body().id
        def nobodysKey = "garbage-command-${System.nanoTime()}".toString()

        when: 'the refusal of a garbage command (no command id, no actor), then a real rejection'
        Topics.send(TestStack.REJECTIONS, nobodysKey, WireCodec.commandRejections().write(new CommandRejected(null,
                nobodysKey, null, Instant.parse('2026-03-02T03:00:00Z'), RejectionReason.INVALID_VALUE, 'not a command')))
        Topics.send(TestStack.REJECTIONS, c.caseId, WireCodec.commandRejections().write(new CommandRejected(commandId,
                c.caseId, Actor.handler(handler.id, 'DRAINAGE'), Instant.parse('2026-03-02T03:00:00Z'),
                RejectionReason.WRONG_STATE, 'the case is not held by a department')))

        then: 'the real one is stored'
        new PollingConditions(timeout: 30).eventually {
            assert get(handler, "/api/v1/commands/${commandId}").body().status == 'REJECTED'
        }

        and: 'the one nobody sent was not retried into a dead letter before it'
        Topics.readAll(TestStack.DEAD_LETTERS).collect { TopicCatalogue.DEAD_LETTERS.read(it.value()) }
                .findAll { it.recordKey() == nobodysKey } == []
    }

    def "health turns DEGRADED with the count, still answering 200"() {
        expect:
        new PollingConditions(timeout: 30).eventually {
            def h = health()
            assert h.status == 200
            assert h.body.status == 'DEGRADED'
            assert h.body.details.topicReaders.status == 'DEGRADED'
            assert h.body.details.topicReaders.details.deadLetters == 1
            assert h.body.details.topicReaders.details.readers['command-rejections'].setAside == 1
        }
    }

    def "an administrator lists dead letters, newest first, a page at a time"() {
        when:
        def page = get(admin, '/api/v1/admin/dead-letters?page=1&size=200').body()
        listed = page.items.find { it.key == poisonKey }

        then:
        page.page == 1
        page.size == 200
        page.total >= 1
        listed.consumer == REJECTIONS_GROUP
        listed.topic == 'grid.command-rejections'
        listed.partition == 0
        listed.offset >= 0
        listed.payload == Base64.encoder.encodeToString('not a rejection \u0000 at all'.getBytes('UTF-8'))
        listed.payloadText == 'not a rejection \u0000 at all'
        listed.reason.startsWith('unreadable: not a command rejection')
        listed.attempts == 1
        listed.at != null
        listed.replayedAt == null

        and: 'pages are bounded'
        get(admin, '/api/v1/admin/dead-letters?size=201').status.code == 400
        get(admin, '/api/v1/admin/dead-letters?page=0').status.code == 400
    }

    def "only an administrator sees them"() {
        expect:
        get(user(Role.OPERATOR), '/api/v1/admin/dead-letters').status.code == 403
        exchange(HttpRequest.GET('/api/v1/admin/dead-letters')).status.code == 401
    }

    def "a replay produces the record's key and value back onto its topic, once, and says who replayed it"() {
        given:
        def before = Topics.withKey(TestStack.REJECTIONS, poisonKey).size()

        when:
        def replayed = post(admin, "/api/v1/admin/dead-letters/${listed.id}/replay", [:], null)
        def again = post(admin, "/api/v1/admin/dead-letters/${listed.id}/replay", [:], null)

        then:
        replayed.status.code == 200
        replayed.body().replayedBy == admin.id
        replayed.body().replayedAt != null
        again.status.code == 409
        again.body().type == 'urn:citygrid:problem:already-replayed'

        and: 'the record is on grid.command-rejections again, once, marked as a replay'
        def records = Topics.withKey(TestStack.REJECTIONS, poisonKey)
        records.size() == before + 1
        new String(records.last().value(), 'UTF-8') == 'not a rejection \u0000 at all'
        new String(records.last().headers().lastHeader(GridPublisher.REPLAY_HEADER).value(), 'UTF-8') ==
                "grid.command-rejections/0/${listed.offset}".toString()
        get(admin, '/api/v1/admin/dead-letters?size=200').body().items.find { it.id == listed.id }.replayedBy == admin.id
    }

    def "a dead letter that does not exist is not found"() {
        expect:
        post(admin, '/api/v1/admin/dead-letters/999999999/replay', [:], null).status.code == 404
    }

    def "a reader whose thread died turns health DOWN (503), naming it"() {
        given: 'a reader whose handler throws an Error'
        def topic = "dead-letters-spec-${System.nanoTime()}".toString()
        Devstack.sharedKafka().createTopics(topic)
        def readers = context.getBean(TopicReaders)
        TopicReader dying = readers.inGroup('dying-reader', topic, "dying-${UUID.randomUUID()}".toString(), 'earliest',
                { throw new OutOfMemoryError('Java heap space') })
        dying.start()

        when:
        Topics.send(topic, 'any', 'any'.bytes)

        then:
        new PollingConditions(timeout: 30).eventually {
            def h = health()
            assert h.status == 503
            assert h.body.status == 'DOWN'
            assert h.body.details.topicReaders.status == 'DOWN'
            assert h.body.details.topicReaders.details.readers['dying-reader'].state == 'DIED'
            assert h.body.details.topicReaders.details.readers['dying-reader'].problem == 'java.lang.OutOfMemoryError: Java heap space'
        }

        cleanup:
        dying?.close()
        readers?.forget(dying)
    }
}
