package org.citygrid.api.push

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.model.cases.Role

/** Without Firebase credentials nothing is pushed, and operators still see what would have been. */
@MicronautTest
class PushOffSpec extends ApiSpec {

    def "without credentials push is off and a notice's message is kept as a PUSH_OFF intent"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        post(operator, '/api/v1/notices', [communityCode: '110101001555', title: 'Quiet hours', body: 'from 22:00'])

        then:
        !context.getBean(FcmChannel).enabled()
        def intent = get(operator, '/api/v1/operator/push-intents').body().find { it.title == 'Quiet hours' }
        intent.target == 'topic:community-110101001555'
        intent.outcome == 'PUSH_OFF'
    }
}
