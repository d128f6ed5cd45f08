package org.citygrid.api.ratelimit

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.Images
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Role
import org.citygrid.model.wire.WireCodec
import spock.lang.Shared
import spock.lang.Stepwise

import java.util.concurrent.Callable
import java.util.concurrent.Executors

/**
 * Every write entry has a per-client limit answering 429 with Retry-After and a message in Chinese and English,
 * and public reads one per address; the issue's Open311 flood replayed as it was tried. Windows are ten
 * minutes here so that no window ends in the middle of a feature.
 */
@MicronautTest
@Stepwise
class RateLimitsSpec extends ApiSpec {

    /** What the flood posted: 2,000 Chinese characters, the most a description may have. */
    static final String LONG_CHINESE = ('井盖松动有异响请尽快处理' * 200).substring(0, 2000)

    @Shared TestUser admin

    @Override
    Map<String, String> getProperties() {
        super.properties + [
                // the default count per api_key (30), over a longer window
                'citygrid.rate-limits.open311-posts.limit' : '30',
                'citygrid.rate-limits.open311-posts.window': 'PT10M',
                'citygrid.rate-limits.reports.limit'       : '3',
                'citygrid.rate-limits.reports.window'      : 'PT10M',
                'citygrid.rate-limits.case-actions.limit'  : '3',
                'citygrid.rate-limits.case-actions.window' : 'PT10M',
                'citygrid.rate-limits.photos.limit'        : '2',
                'citygrid.rate-limits.photos.window'       : 'PT10M',
                'citygrid.rate-limits.public-reads.limit'  : '40',
                'citygrid.rate-limits.public-reads.window' : 'PT10M',
                'citygrid.rate-limits.sign-ups.limit'      : '2',
                'citygrid.rate-limits.sign-ups.window'     : 'PT10M']
    }

    def setup() {
        admin = admin ?: user(Role.ADMIN)
    }

    def open311Post(String apiKey, Map more = [:]) {
        exchange(HttpRequest.POST('/open311/v2/requests.json', [api_key: apiKey, service_code: 'C0101', lat: '39.91449',
                                                                long: '116.40325', description: LONG_CHINESE] + more)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED))
    }

    def "260 Open311 POSTs with one api_key onto one spot: 30 are taken, the rest are 429 with Retry-After, and nothing else breaks"() {
        given:
        def flooder = post(admin, '/api/v1/admin/open311-keys', [client: "flooder ${System.nanoTime()}".toString()]).body()
        def neighbour = post(admin, '/api/v1/admin/open311-keys', [client: "neighbour ${System.nanoTime()}".toString()]).body()

        when: 'four clients post at once, as a script would'
        long started = System.nanoTime()
        def pool = Executors.newFixedThreadPool(4)
        def answers = pool.invokeAll((1..260).collect { { -> open311Post(flooder.apiKey) } as Callable }).collect { it.get() }
        pool.shutdown()
        double seconds = (System.nanoTime() - started) / 1e9
        def taken = answers.findAll { it.status.code == 201 }
        def refused = answers.findAll { it.status.code == 429 }

        then: '30 were taken, the other 230 refused in Open311\'s format with when to come back'
        taken.size() == 30
        refused.size() == 230
        refused.every { r ->
            def wait = r.header('Retry-After') as int
            def error = r.body()[0]
            wait >= 1 && wait <= 600 && error.code == 429 && error.description ==
                    "Open311 提交过于频繁（每 10 分钟最多 30 次），请 ${wait} 秒后再试 / too many Open311 requests posted with this api_key (at most 30 per 10 min); try again in ${wait} s".toString()
        }

        and: 'exactly the 30 taken reached grid.intake, whole'
        def tokens = taken.collect { it.body()[0].token }
        def sent = Topics.readAll(TestStack.INTAKE).findAll { it.key() in tokens }.collect { WireCodec.intake().read(it.value()) }
        sent.size() == 30
        sent.every { it.description() == LONG_CHINESE && it.categoryCode() == 'C0101' }

        and: 'another client, a resident and the public reads are served as before'
        open311Post(neighbour.apiKey).status.code == 201
        post(user(Role.RESIDENT), '/api/v1/reports', [categoryCode: 'C0101', description: '井盖松动',
                                                     position: [lon: 116.40325, lat: 39.91449]]).status.code == 202
        exchange(HttpRequest.GET('/open311/v2/requests.json')).status.code == 200
        exchange(HttpRequest.GET('/manage/health').bearerAuth(admin.accessToken)).status.code == 200

        cleanup:
        println "flood: 260 Open311 POSTs in ${String.format('%.1f', seconds)} s"
    }

    def "a person's #what past 3 in the window is 429 with Retry-After and a Chinese and English problem; a retry of an earlier one is not counted"() {
        given:
        def who = user(role, [department: 'DRAINAGE'])
        def c = ReadModelFixture.insertCase(state: 'DISPATCHED', department: 'DRAINAGE')
        def path = endpoint.replace('{case}', c.caseId)
        def firstKey = UUID.randomUUID().toString()

        when:
        def taken = (1..3).collect { i -> post(who, path, body, i == 1 ? firstKey : UUID.randomUUID().toString()) }
        def retry = post(who, path, body, firstKey)
        def refused = post(who, path, body)
        def other = post(user(role, [department: 'DRAINAGE']), path, body)

        then:
        taken*.status*.code == [202] * 3
        retry.status.code == 202
        retry.header('Idempotency-Replayed') == 'true'
        refused.status.code == 429
        refused.contentType == 'application/problem+json'
        refused.body().type == 'urn:citygrid:problem:rate-limited'
        def wait = refused.header('Retry-After') as int
        wait > 0 && wait <= 600
        refused.body().detail == "${zh}过于频繁（每 10 分钟最多 3 次），请 ${wait} 秒后再试 / too many ${en} (at most 3 per 10 min); try again in ${wait} s".toString()
        other.status.code == 202

        where:
        what              | role          | endpoint                       | body                                                                             || zh     | en
        'report'          | Role.RESIDENT | '/api/v1/reports'              | [categoryCode: 'C0101', position: [lon: 116.40325, lat: 39.91449]]              || '举报'   | 'reports'
        'service request' | Role.RESIDENT | '/api/v1/service-requests'     | [categoryCode: 'S9101', position: [lon: 116.40325, lat: 39.91449]]              || '举报'   | 'reports'
        'case step'       | Role.HANDLER  | '/api/v1/cases/{case}/actions' | [type: 'Return', reason: 'not ours']                                             || '案件操作' | 'case steps'
    }

    def "a person's third new photo in the window is 429; the same bytes again are the photo kept and pass"() {
        given:
        def worker = user(Role.GRID_WORKER)
        def upload = { byte[] bytes -> exchange(HttpRequest.POST('/api/v1/photos', bytes).contentType('image/jpeg').bearerAuth(worker.accessToken)) }
        def first = Images.jpeg(1)

        when:
        def answers = [upload(first), upload(Images.jpeg(2)), upload(Images.jpeg(3)), upload(first)]

        then:
        answers*.status*.code == [201, 201, 429, 201]
        answers[3].body().ref == answers[0].body().ref
        answers[2].body().type == 'urn:citygrid:problem:rate-limited'
        answers[2].header('Retry-After') != null
        answers[2].body().detail.startsWith('照片上传过于频繁（每 10 分钟最多 2 次）')
    }

    def "sign-ups from one address are counted, whatever form the path takes"() {
        given:
        def signUp = { String path ->
            exchange(HttpRequest.POST(path, [username: "r${System.nanoTime()}".toString(), password: 'a long enough secret',
                                             displayName: '居民', communityCode: '110101001001']))
        }

        when:
        def answers = [signUp('/api/v1/accounts/residents'), signUp('/api/v1/accounts/residents/'),
                       signUp('/api/v1/accounts/residents')]

        then:
        answers[0].status.code == 201
        answers[1].status.code == 201
        answers[2].status.code == 429
        answers[2].body().type == 'urn:citygrid:problem:rate-limited'
        answers[2].body().detail.startsWith('注册过于频繁（每 10 分钟最多 2 次）')
        answers[2].header('Retry-After') != null
    }

    def "public reads are counted per address: past the limit, 429 in Open311's format with Retry-After"() {
        when: 'the address reads the public lists until it is told to wait'
        def answers = []
        for (int i = 0; i < 60 && (answers.empty || answers.last().status.code == 200); i++) {
            answers << exchange(HttpRequest.GET(i % 2 == 0 ? '/open311/v2/services.json' : '/open311/v2/requests.json'))
        }
        def refused = answers.last()

        then: 'forty reads a window were served (the flood above read once)'
        answers*.status*.code == [200] * 39 + [429]
        refused.header('Retry-After') as int > 0
        refused.body()[0].code == 429
        refused.body()[0].description.startsWith('公开查询过于频繁（每 10 分钟最多 40 次）')

        and: 'a signed-in person\'s own reads are not public reads'
        get(user(Role.RESIDENT), '/api/v1/reports').status.code == 200
    }
}
