package org.citygrid.api.live

import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.MACSigner
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.SignedJWT
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.LiveStream
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
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

import java.time.Instant

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
        Topics.publish(new CaseEvent(caseId, 3, Instant.parse('2026-03-02T01:20:00Z'), Actor.of('operator-1', Role.OPERATOR),
                'cmd-live-1', new CaseChange.Dispatched('DRAINAGE', 'handler-12', 'rain-water cover', false,
                Instant.parse('2026-03-03T03:20:00Z'))))
        def seen = lines.until(caseId)

        then:
        seen.any { it.startsWith('id:') && it.contains("${caseId}/3") }
        seen.any { it.startsWith('event:') && it.contains('Dispatched') }
        seen.any { it.startsWith('data:') && it.contains(caseId) && it.contains('"department":"DRAINAGE"') }
    }

    private LiveStream openLiveStream() {
        LiveStream.open(server.URL.toString(), user(Role.OPERATOR).accessToken)
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
        def seen = lines.until(committed)

        then: 'the committed one came, and nothing of the aborted one'
        seen.any { it.startsWith('data:') && it.contains(committed) }
        !seen.any { it.contains(aborted) }
    }

    private static CaseEvent filed(String caseId) {
        new CaseEvent(caseId, 2, Instant.parse('2026-03-02T01:10:00Z'), Actor.of('operator-1', Role.OPERATOR),
                "cmd-${caseId}", new CaseChange.Filed('confirmed by phone', false, Instant.parse('2026-03-02T03:10:00Z')))
    }

    def "the stream ends when the access token that opened it expires; the client then reconnects with a fresh one"() {
        given: 'an operator whose access token has 3 s left'
        def operator = user(Role.OPERATOR)
        def shortLived = token(operator.id, Instant.now().plusSeconds(3))

        when:
        def stream = LiveStream.open(server.URL.toString(), shortLived)

        then: 'open now, ended once the token is no longer good'
        !stream.endsWithin(1)
        stream.endsWithin(15)

        and: 'a fresh token opens it again'
        LiveStream.open(server.URL.toString(), operator.accessToken) != null
    }

    def "the stream of an operator whom an administrator disables ends within seconds"() {
        given:
        def operator = user(Role.OPERATOR)
        def admin = user(Role.ADMIN)
        def stream = LiveStream.open(server.URL.toString(), operator.accessToken)

        when:
        assert post(admin, "/api/v1/admin/accounts/${operator.id}/disable", '', null).status.code == 200

        then: 'standing is checked every 5 s'
        stream.endsWithin(20)
    }

    /** An access token as the API signs them, for {@code accountId} as OPERATOR, expiring at {@code expires}. */
    private static String token(String accountId, Instant expires) {
        def claims = new JWTClaimsSet.Builder().subject(accountId).claim('roles', ['OPERATOR'])
                .issueTime(new Date()).expirationTime(Date.from(expires)).build()
        def jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims)
        jwt.sign(new MACSigner(TestStack.instance.jwtSecret.bytes))
        jwt.serialize()
    }

    def "the live stream is for operators only"() {
        given:
        def handler = user(Role.HANDLER, [department: 'DRAINAGE'])

        expect:
        get(handler, '/api/v1/operator/live').status.code == 403
    }
}
