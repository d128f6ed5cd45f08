package org.citygrid.api.housekeeping

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.Images
import org.citygrid.api.testkit.TestStack
import org.citygrid.model.cases.Role

import java.sql.Timestamp
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/**
 * What the API keeps only for a while is deleted after its documented age, and the day's photo quota counts
 * a calendar day in Beijing, in PostGIS as the stores keep them.
 */
@MicronautTest
class HousekeepingSpec extends ApiSpec {

    static final ZoneId BEIJING = ZoneId.of('Asia/Shanghai')

    @Override
    Map<String, String> getProperties() {
        super.properties + ['citygrid.rate-limits.photos-per-day': '3']
    }

    static Timestamp ago(Duration d) {
        Timestamp.from(Instant.now().minus(d))
    }

    void idempotencyKey(String owner, String key, Duration age) {
        TestStack.instance.withConnection { c ->
            def s = c.prepareStatement('INSERT INTO api.idempotency_keys (owner_id, key, request_sha256, status, created_at) '
                    + 'VALUES (?, ?, \'x\', 202, ?)')
            [owner, key, ago(age)].eachWithIndex { v, i -> s.setObject(i + 1, v) }
            s.executeUpdate()
        }
    }

    void pushRecord(String target, Duration age) {
        TestStack.instance.withConnection { c ->
            def s = c.prepareStatement('INSERT INTO api.push_intents (target, title, body, data, outcome, created_at, message_key) '
                    + 'VALUES (?, \'t\', \'b\', \'{}\'::jsonb, \'SENT\', ?, \'k\')')
            [target, ago(age)].eachWithIndex { v, i -> s.setObject(i + 1, v) }
            s.executeUpdate()
        }
    }

    def "idempotency keys older than 7 days and push records older than 90 days are deleted; younger ones stay"() {
        given:
        def owner = "owner-${UUID.randomUUID()}".toString()
        idempotencyKey(owner, 'eight-days', Duration.ofDays(8))
        idempotencyKey(owner, 'six-days', Duration.ofDays(6))
        def target = "token:housekeeping-${UUID.randomUUID()}".toString()
        pushRecord(target, Duration.ofDays(91))
        pushRecord(target, Duration.ofDays(89))

        when:
        def purged = context.getBean(Housekeeping).run()

        then:
        purged == new Housekeeping.Purged(1, 1)
        TestStack.instance.rows('SELECT key FROM api.idempotency_keys WHERE owner_id = ?', [owner])*.key == ['six-days']
        TestStack.instance.rows('SELECT count(*) AS n FROM api.push_intents WHERE target = ?', [target])[0].n == 1

        when: 'it runs again'
        def again = context.getBean(Housekeeping).run()

        then:
        again == new Housekeeping.Purged(0, 0)
    }

    def "a person uploads three new photos on a Beijing day, the fourth is 429 until midnight; yesterday's do not count"() {
        given: 'a photo uploaded late yesterday, Beijing time'
        def worker = user(Role.GRID_WORKER)
        def yesterday = LocalDate.now(BEIJING).atStartOfDay(BEIJING).minusMinutes(1).toInstant()
        TestStack.instance.withConnection { c ->
            def s = c.prepareStatement('INSERT INTO api.photos (id, owner_id, media_type, sha256, size_bytes, content, created_at) '
                    + 'VALUES (?, ?, \'image/jpeg\', ?, 1, ?, ?)')
            [UUID.randomUUID().toString(), worker.id, 'yesterday', new byte[1], Timestamp.from(yesterday)]
                    .eachWithIndex { v, i -> s.setObject(i + 1, v) }
            s.executeUpdate()
        }
        def upload = { TestUser who, byte[] bytes ->
            exchange(HttpRequest.POST('/api/v1/photos', bytes).contentType('image/jpeg').bearerAuth(who.accessToken))
        }

        when:
        def answers = (1..4).collect { upload(worker, Images.jpeg(100 + it)) }
        def sameAgain = upload(worker, Images.jpeg(101))
        def someoneElse = upload(user(Role.GRID_WORKER), Images.jpeg(105))
        def midnight = LocalDate.now(BEIJING).plusDays(1).atStartOfDay(BEIJING).toInstant()

        then:
        answers*.status*.code == [201, 201, 201, 429]
        def refused = answers[3]
        refused.body().type == 'urn:citygrid:problem:daily-quota'
        def wait = refused.header('Retry-After') as long
        Math.abs(wait - Duration.between(Instant.now(), midnight).toSeconds()) <= 30
        refused.body().detail == "今日照片上传已达上限（每天 3 张），请 ${wait} 秒后再试 / today's photo uploads are used up (3 a day); try again in ${wait} s".toString()
        sameAgain.status.code == 201
        sameAgain.body().ref == answers[0].body().ref
        someoneElse.status.code == 201
    }
}
