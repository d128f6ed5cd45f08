package org.citygrid.api.scaleout

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.NewTopic
import org.citygrid.api.testkit.ApiInstance
import org.citygrid.api.testkit.FakeFcm
import org.citygrid.api.testkit.LiveStream
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.ReadModelSchema
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.devstack.Devstack
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.CommandRejected
import org.citygrid.model.cases.RejectionReason
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireCodec
import org.citygrid.contracts.topics.TopicCatalogue
import org.citygrid.api.testkit.CaseNotifications
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

/**
 * Two mobile-api instances as docs/deploy.md runs them behind a load balancer: each in its own JVM, one
 * database, one broker, the same JWT secret and consumer groups, started together with the administrator
 * password. A client may reach either instance for any request; each notification is pushed by one of them; an
 * operator sees every case event on whichever instance they are connected to; and when one instance is killed
 * the other pushes what the dead one would have.
 */
@Stepwise
class TwoApiInstancesSpec extends Specification {

    static final int PARTITIONS = 4
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36)
    static final Map<String, String> TOPICS = [intake            : "two-api-${RUN}.intake",
                                               commands          : "two-api-${RUN}.commands",
                                               'command-rejections': "two-api-${RUN}.command-rejections",
                                               'case-events'     : "two-api-${RUN}.case-events",
                                               notifications     : "two-api-${RUN}.notifications"]
            .collectEntries { k, v -> [(k): v.toString()] } as Map<String, String>
    static final String INTENT_GROUP = "two-api-${RUN}-intents".toString()

    @Shared FakeFcm fcm = new FakeFcm()
    @Shared String database
    @Shared Map<String, ApiInstance> instances = [:]
    @Shared HttpClient client = HttpClient.newHttpClient()
    @Shared Map<String, String> admin = [:]
    @Shared String handlerToken
    @Shared String handlerId
    @Shared int intentSeq
    /** One key for both instances, as deploy.md says: a token from one verifies on the other. */
    @Shared String jwtSecret = TestStack.randomSecret()

    def setupSpec() {
        Devstack.sharedKafka().createTopics(TOPICS.values().collect { new NewTopic(it, PARTITIONS, (short) 1) })
        database = Devstack.sharedPostgis().createDatabase("two_api_${RUN}")
        ReadModelSchema.create(database)
    }

    def cleanupSpec() {
        instances.values()*.close()
        fcm.close()
    }

    def "two instances started together with the administrator password both come up, with one administrator"() {
        when:
        instances.a = launch('a')
        instances.b = launch('b')
        instances.values()*.awaitHealthy()

        then:
        administrators() == ['chief']
    }

    def "an access token from one instance is accepted by the other, and its refresh token renews there"() {
        given:
        def tokens = signIn('a', 'chief', 'first administrator secret')
        admin.access = tokens.access_token
        admin.refresh = tokens.refresh_token

        when:
        def me = ask('b', 'GET', '/api/v1/accounts/me', null, admin.access)
        def renewed = ask('b', 'POST', '/api/v1/auth/token',
                [grant_type: 'refresh_token', refresh_token: admin.refresh], null)

        then:
        me.status == 200
        me.body.username == 'chief'
        renewed.status == 200
        ask('a', 'GET', '/api/v1/accounts/me', null, renewed.body.access_token as String).body.username == 'chief'
    }

    def "a report retried on the other instance under the same Idempotency-Key gets the first answer and is sent once"() {
        given:
        ask('a', 'POST', '/api/v1/accounts/residents', [username: 'resident-two-api', password: 'a resident password',
                                                         displayName: 'Resident', communityCode: '110101001001'], null)
        def token = signIn('b', 'resident-two-api', 'a resident password').access_token as String
        def report = [categoryCode: 'C0101', description: 'loose manhole cover',
                      position    : [lon: 116.40325, lat: 39.91449, crs: 'wgs84'], anonymous: false]

        when:
        def first = ask('a', 'POST', '/api/v1/reports', report, token, 'retry-across-instances')
        def retry = ask('b', 'POST', '/api/v1/reports', report, token, 'retry-across-instances')

        then:
        first.status == 202
        retry.status == 202
        retry.body.id == first.body.id
        Topics.withKey(TOPICS.intake, first.body.id as String).size() == 1
    }

    def "a command sent through one instance and refused by the case cycle is shown refused by the other"() {
        given:
        def operator = account('operator-two-api', 'OPERATOR', [:])
        def c = ReadModelFixture.inDatabase(database) { ReadModelFixture.insertCase(state: 'REPORTED') }
        def sent = ask('a', 'POST', "/api/v1/cases/${c.caseId}/actions", [type: 'File', note: 'meets criteria'],
                operator.token, UUID.randomUUID().toString())

        when: 'cloud-backend refuses it'
        Topics.send(TOPICS['command-rejections'], c.caseId as String, WireCodec.commandRejections().write(
                new CommandRejected(sent.body.id as String, c.caseId as String, Actor.of(operator.id, Role.OPERATOR),
                        Instant.parse('2026-03-02T03:00:00Z'), RejectionReason.WRONG_STATE, 'already filed')))

        then:
        sent.status == 202
        new PollingConditions(timeout: 30).eventually {
            def status = ask('b', 'GET', "/api/v1/commands/${sent.body.id}", null, operator.token).body
            assert status.status == 'REJECTED'
            assert status.reason == 'WRONG_STATE'
        }
    }

    def "each intent is pushed once, by whichever instance holds its partition"() {
        given:
        def handler = account('handler-two-api', 'HANDLER', [department: 'DRAINAGE'])
        handlerToken = handler.token
        handlerId = handler.id
        def phone = device()
        awaitIntentGroup(2)

        when:
        def ids = (1..40).collect { publishIntent(handlerId) }

        then: 'every intent reached the phone'
        awaitIntents(ids)
        fcm.messages().findAll { it.data?.key in ids }.every { it.token == phone }

        and: 'none twice, though both instances read the topic'
        Thread.sleep(2000)
        fcm.messages().count { it.data?.key in ids } == ids.size()
        intentGroupAssignment().values().every { it > 0 }
    }

    def "an operator connected to either instance sees a case event live"() {
        given:
        def operator = account('operator-live-two-api', 'OPERATOR', [:])
        def onA = LiveStream.open(instances.a.url(), operator.token as String)
        def onB = LiveStream.open(instances.b.url(), operator.token as String)
        String caseId = "110101001001023-260302-two${RUN}"

        when:
        Topics.send(TOPICS['case-events'], caseId, WireCodec.events().write(new CaseEvent(caseId, 2,
                Instant.parse('2026-03-02T01:10:00Z'), Actor.of(operator.id, Role.OPERATOR), 'cmd-two-api',
                new CaseChange.Filed('meets criteria', false, Instant.parse('2026-03-02T03:10:00Z')))))

        then:
        onA.until(caseId).last().contains(caseId)
        onB.until(caseId).last().contains(caseId)
    }

    def "with one instance killed, the other pushes every intent sent after"() {
        given:
        instances.a.kill()

        when:
        def ids = (1..20).collect { publishIntent(handlerId) }

        then: 'the survivor takes the dead instance\'s partitions once its session ends, and pushes them all'
        awaitIntents(ids, 90)
        intentGroupAssignment().size() == 1
    }

    def "the survivor still answers a client that was talking to the dead instance"() {
        expect:
        ask('b', 'GET', '/api/v1/accounts/me', null, admin.access).body.username == 'chief'
    }

    // --- the deployment ---

    private ApiInstance launch(String name) {
        def kafkaConfig = Files.createTempFile('two-api-kafka', '.properties')
        // a killed instance's partitions wait for its session to end: 6 s, not the 45 s default
        Files.writeString(kafkaConfig, 'session.timeout.ms=6000\nheartbeat.interval.ms=1500\n')
        def properties = TOPICS.collectEntries { k, v -> [("citygrid.topics.${k}".toString()): v] } + [
                'citygrid.rejections.group'         : "two-api-${RUN}-rejections".toString(),
                'citygrid.push.intents.group'       : INTENT_GROUP,
                'citygrid.push.intents.start'       : 'earliest',
                'citygrid.rate-limits.sign-in.limit': '1000',
                'test.fake-fcm-credentials'         : 'true']
        ApiInstance.launch(name, Path.of('target', 'two-api-instances', RUN), [
                CITYGRID_JDBC_URL            : database,
                CITYGRID_JDBC_USER           : 'postgres',
                CITYGRID_JDBC_PASSWORD       : '',
                CITYGRID_KAFKA_BOOTSTRAP     : TestStack.instance.bootstrapServers,
                CITYGRID_KAFKA_CONFIG        : kafkaConfig.toString(),
                CITYGRID_JWT_SECRET          : jwtSecret,
                CITYGRID_ADMIN_USER          : 'chief',
                CITYGRID_ADMIN_PASSWORD      : 'first administrator secret',
                CITYGRID_FIREBASE_PROJECT    : 'citygrid-test',
                CITYGRID_FCM_URL             : fcm.url()], properties as Map<String, String>)
    }

    private List<String> administrators() {
        TestStack.withConnection(database) { c ->
            def rs = c.createStatement().executeQuery("SELECT username FROM api.accounts WHERE role = 'ADMIN'")
            def names = []
            while (rs.next()) {
                names << rs.getString(1)
            }
            names
        }
    }

    // --- a client that picks the instance ---

    private Map ask(String instance, String method, String path, Object body, String token, String idempotencyKey = null) {
        def request = HttpRequest.newBuilder(URI.create(instances[instance].url() + path)).timeout(Duration.ofSeconds(30))
                .header('Content-Type', 'application/json').header('Accept', 'application/json')
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(body)))
        if (token) {
            request.header('Authorization', "Bearer ${token}")
        }
        if (idempotencyKey) {
            request.header('Idempotency-Key', idempotencyKey)
        }
        def response = client.send(request.build(), HttpResponse.BodyHandlers.ofString())
        [status: response.statusCode(), body: response.body() ? new JsonSlurper().parseText(response.body()) : null]
    }

    private Map signIn(String instance, String username, String password) {
        def response = ask(instance, 'POST', '/api/v1/auth/sign-in', [username: username, password: password], null)
        assert response.status == 200: "sign-in of ${username} on ${instance}: ${response}"
        response.body as Map
    }

    /** An account made by the administrator on one instance, signed in on the other. */
    private Map account(String username, String role, Map more) {
        def made = ask('a', 'POST', '/api/v1/accounts', [username: username, password: 'a staff password',
                                                          displayName: username, role: role] + more, admin.access)
        assert made.status == 201: made
        [id: made.body.id, token: signIn('b', username, 'a staff password').access_token]
    }

    private String device() {
        String token = "fcm-${UUID.randomUUID()}".toString()
        assert ask('a', 'POST', '/api/v1/devices', [token: token, platform: 'android'], handlerToken).status in [200, 201, 204]
        token
    }

    // --- the intents and the group that pushes them ---

    /** A notification as cloud-backend writes it, keyed by its case so that they spread over the partitions; its message key. */
    private String publishIntent(String userId) {
        int n = ++intentSeq
        def notification = CaseNotifications.of("110101001001023-260302-int${n}".toString(), 2,
                [CaseNotifications.to('TASK_ASSIGNED', 'USER', userId)])
        Topics.send(TOPICS.notifications, notification.caseId(), TopicCatalogue.NOTIFICATIONS.write(notification))
        CaseNotifications.key(notification, notification.recipients().first())
    }

    private void awaitIntents(List<String> ids, int seconds = 60) {
        new PollingConditions(timeout: seconds).eventually {
            assert ids - (fcm.messages().collect { it.data?.key } as Set) == []
        }
    }

    /** Partitions of the intents topic held by each member of the pushing group. */
    private Map<String, Integer> intentGroupAssignment() {
        Admin.create(['bootstrap.servers': TestStack.instance.bootstrapServers]).withCloseable { admin ->
            def group = admin.describeConsumerGroups([INTENT_GROUP]).all().get()[INTENT_GROUP]
            group.members().collectEntries { [(it.consumerId()): it.assignment().topicPartitions().size()] }
        }
    }

    private void awaitIntentGroup(int members) {
        new PollingConditions(timeout: 60, delay: 0.5).eventually {
            def assignment = intentGroupAssignment()
            assert assignment.size() == members
            assert assignment.values().sum() == PARTITIONS
        }
    }
}
