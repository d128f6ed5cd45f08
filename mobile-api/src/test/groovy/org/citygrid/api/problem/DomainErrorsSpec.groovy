package org.citygrid.api.problem

import org.citygrid.api.errors.Conflict
import org.citygrid.api.errors.Forbidden
import org.citygrid.api.errors.Invalid
import org.citygrid.api.errors.Malformed
import org.citygrid.api.errors.NotFound
import org.citygrid.api.errors.Throttled
import org.citygrid.api.errors.TooLarge
import org.citygrid.api.errors.Unauthenticated
import org.citygrid.api.errors.Unavailable
import org.citygrid.api.errors.Unsupported
import org.citygrid.model.wire.WireJson
import spock.lang.Specification

import java.time.Duration

/** The one mapping of domain errors to HTTP answers: status, problem body, Open311's list, Retry-After. */
class DomainErrorsSpec extends Specification {

    def "#error.class.simpleName is answered #status"() {
        expect:
        DomainErrors.status(error).code == status

        where:
        error                                                       || status
        Malformed.request('invalid-bbox', 'bbox=x: not a number')   || 400
        Invalid.field('description', 'at most 2000 characters')     || 422
        new Unauthenticated('refresh-token-reused', 'Refresh refused', 'x') || 401
        Forbidden.because('HANDLER does not report problems')       || 403
        new NotFound('no case c-1 in your scope')                   || 404
        new Conflict('username-taken', 'User name taken', 'taken')  || 409
        new TooLarge('photo-too-large', 'Photo too large', 'big')   || 413
        new Unsupported('not-an-image', 'Not an accepted image', 'x') || 415
        new Throttled('sign-in attempts', Duration.ofSeconds(42))   || 429
        new Unavailable('broker-unavailable', 'Try again later', 'x') || 503
    }

    def "an invalid field is a problem body naming the field"() {
        when:
        def response = DomainErrors.response('/api/v1/reports', Invalid.field('description', 'at most 2000 characters'))

        then:
        response.status.code == 422
        response.contentType.get().toString() == 'application/problem+json'
        WireJson.mapper().valueToTree(response.body()) == WireJson.mapper().readTree('''{
            "type": "urn:citygrid:problem:invalid-field", "title": "Invalid field", "status": 422,
            "detail": "description: at most 2000 characters", "instance": "/api/v1/reports",
            "errors": [{"field": "description", "message": "at most 2000 characters"}]}''')
    }

    def "a throttled caller is told when to come back, in whole seconds rounded up, in Chinese and English"() {
        when:
        def response = DomainErrors.response('/api/v1/auth/sign-in', new Throttled('sign-in attempts', Duration.ofMillis(41_500)))

        then:
        response.status.code == 429
        response.header('Retry-After') == '42'
        response.body().detail == '请求过于频繁，请 42 秒后再试 / too many sign-in attempts; try again in 42 s'
    }

    def "a busy server says when to retry; a broker outage does not guess"() {
        when:
        def busy = DomainErrors.response('/api/v1/auth/sign-in',
                new Unavailable('password-hashing-busy', 'Busy', 'try again in 2 s', Duration.ofSeconds(2)))
        def away = DomainErrors.response('/api/v1/reports', new Unavailable('broker-unavailable', 'Try again later', 'x'))

        then:
        busy.status.code == 503
        busy.header('Retry-After') == '2'
        away.status.code == 503
        away.header('Retry-After') == null
    }

    def "on Open311 paths a refusal is the spec's error list, and a rule refused is a 400 there"() {
        when:
        def json = DomainErrors.response('/open311/v2/requests.json', Invalid.field('position', 'outside the managed city'))
        def xml = DomainErrors.response('/open311/v2/requests.xml', new NotFound('no service request c-1'))

        then:
        json.status.code == 400
        json.contentType.get().toString().startsWith('application/json')
        WireJson.mapper().readTree(json.body() as String) ==
                WireJson.mapper().readTree('[{"code": 400, "description": "position: outside the managed city"}]')
        xml.status.code == 404
        xml.contentType.get().toString().startsWith('text/xml')
        (xml.body() as String).contains('<errors><error><code>404</code><description>no service request c-1</description></error></errors>')
    }

    def "a broker outage stays a problem body on Open311 paths, as it always was"() {
        when:
        def response = DomainErrors.response('/open311/v2/requests.json',
                new Unavailable('broker-unavailable', 'Try again later', 'nothing was recorded'))

        then:
        response.status.code == 503
        response.contentType.get().toString() == 'application/problem+json'
        response.body().type == 'urn:citygrid:problem:broker-unavailable'
    }
}
