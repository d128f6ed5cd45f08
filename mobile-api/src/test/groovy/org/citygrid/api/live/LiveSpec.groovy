package org.citygrid.api.live

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.push.PushSpec
import org.citygrid.api.support.ApiSpec
import org.citygrid.api.support.TestStack
import org.citygrid.model.wire.WireCodec
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.StringSerializer
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Role

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Instant
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

@MicronautTest
class LiveSpec extends ApiSpec {

    @Inject
    EmbeddedServer server

    @Override
    Map<String, String> getProperties() {
        super.properties + ['citygrid.live.enabled': 'true', 'citygrid.live.start': 'earliest']
    }

    def "an operator connected to the live stream receives a case event as a server-sent event"() {
        given:
        def lines = openLiveStream()
        String caseId = "110101001001023-260302-live${System.nanoTime() % 100000}"

        when:
        PushSpec.publish(new CaseEvent(caseId, 3, Instant.parse('2026-03-02T01:20:00Z'), Actor.of('operator-1', Role.OPERATOR),
                'cmd-live-1', new CaseChange.Dispatched('DRAINAGE', 'handler-12', 'rain-water cover', false,
                Instant.parse('2026-03-03T03:20:00Z'))))
        def seen = []
        // bounded by lines read: the event is among the first lines once it is sent
        for (int i = 0; i < 200 && !seen.any { it.contains(caseId) && it.startsWith('data:') }; i++) {
            def line = lines.poll(30, TimeUnit.SECONDS)
            assert line != null
            seen << line
        }

        then:
        seen.any { it.startsWith('id:') && it.contains("${caseId}/3") }
        seen.any { it.startsWith('event:') && it.contains('Dispatched') }
        seen.any { it.startsWith('data:') && it.contains(caseId) && it.contains('"department":"DRAINAGE"') }
    }

    /** An operator's connection to the live stream, as lines; returns once the stream has said it is connected. */
    private LinkedBlockingQueue<String> openLiveStream() {
        def operator = user(Role.OPERATOR)
        def lines = new LinkedBlockingQueue<String>()
        def request = HttpRequest.newBuilder(URI.create("${server.URL}/api/v1/operator/live"))
                .header('Authorization', "Bearer ${operator.accessToken}").header('Accept', 'text/event-stream').build()
        def stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines())
        Thread.startDaemon {
            try {
                stream.body().forEach { lines << it }
            } catch (UncheckedIOException ignored) {
                // the server ends the stream when the spec's context closes
            }
        }
        // subscribed once the stream's first event has come
        def first = []
        while (!first.any { it?.startsWith('event:') && it.contains('connected') } && first.size() < 10) {
            first << lines.poll(30, TimeUnit.SECONDS)
        }
        assert stream.statusCode() == 200
        lines
    }

    def "an event of an aborted case-cycle transaction never reaches the live stream"() {
        given:
        def lines = openLiveStream()
        String aborted = "110101001001023-260302-abrt${System.nanoTime() % 100000}"
        String committed = "110101001001023-260302-cmtd${System.nanoTime() % 100000}"

        when: 'the case cycle writes an event and aborts its transaction, then writes another and commits'
        def producer = new KafkaProducer<String, byte[]>([
                (ProducerConfig.BOOTSTRAP_SERVERS_CONFIG): TestStack.instance.bootstrapServers,
                (ProducerConfig.TRANSACTIONAL_ID_CONFIG) : "live-spec-${System.nanoTime()}".toString()],
                new StringSerializer(), new ByteArraySerializer())
        producer.initTransactions()
        producer.beginTransaction()
        producer.send(new ProducerRecord(TestStack.CASE_EVENTS, aborted, WireCodec.events().write(filed(aborted))))
        producer.flush()
        producer.abortTransaction()
        producer.beginTransaction()
        producer.send(new ProducerRecord(TestStack.CASE_EVENTS, committed, WireCodec.events().write(filed(committed))))
        producer.commitTransaction()
        producer.close()
        def seen = []
        for (int i = 0; i < 200 && !seen.any { it.startsWith('data:') && it.contains(committed) }; i++) {
            def line = lines.poll(30, TimeUnit.SECONDS)
            assert line != null
            seen << line
        }

        then: 'the committed one came, and nothing of the aborted one'
        seen.any { it.startsWith('data:') && it.contains(committed) }
        !seen.any { it.contains(aborted) }
    }

    private static CaseEvent filed(String caseId) {
        new CaseEvent(caseId, 2, Instant.parse('2026-03-02T01:10:00Z'), Actor.of('operator-1', Role.OPERATOR),
                "cmd-${caseId}", new CaseChange.Filed('confirmed by phone', false, Instant.parse('2026-03-02T03:10:00Z')))
    }

    def "the live stream is for operators only"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])

        expect:
        get(handler, '/api/v1/operator/live').status.code == 403
    }
}
