package org.citygrid.api.accounts

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import org.citygrid.api.testkit.ApiInstance
import org.citygrid.api.testkit.TestStack
import spock.lang.Specification

import java.nio.file.Path

/**
 * mobile-api refuses to start with a signing key anyone could know (issue 13: without
 * CITYGRID_JWT_SECRET it signed with a value from the repository, so anyone could mint an ADMIN token),
 * unless the development switch is on.
 */
class SigningSecretSpec extends Specification {

    def "a key that #what is refused: #problem"() {
        expect:
        SigningSecret.problem(key).orElse('fine') == problem

        where:
        what                                  | key                                                        || problem
        'is empty'                            | ''                                                         || 'is not set'
        'is blank'                            | '   '                                                      || 'is not set'
        'has 31 bytes'                        | 'a' * 31                                                   || 'is 31 bytes long, shorter than 32'
        'is application.yml\'s default'       | 'change-me-this-is-only-a-development-secret-0123456789'   || 'is a development value published in the CityGrid repository'
        'was an old spec\'s shared key'       | 'two instances share this secret: 0123456789abcdef'         || 'is a development value published in the CityGrid repository'
        'says change me'                      | 'CHANGEME-please-0123456789abcdef0123456789'              || 'is a development value published in the CityGrid repository'
        'counts bytes, not characters'        | '城市网格管理签名密钥'                                       || 'is 30 bytes long, shorter than 32'
        'is 32 random bytes in hex'           | TestStack.randomSecret()                                   || 'fine'
    }

    def "started without CITYGRID_JWT_SECRET, mobile-api exits and says what to set"() {
        given:
        def stack = TestStack.instance
        def instance = ApiInstance.launch('no-secret', Path.of('target', 'signing-secret'), [
                CITYGRID_JDBC_URL       : stack.jdbcUrl,
                CITYGRID_JDBC_USER      : 'postgres',
                CITYGRID_JDBC_PASSWORD  : '',
                CITYGRID_KAFKA_BOOTSTRAP: stack.bootstrapServers], ['citygrid.live.enabled': 'false'])

        when:
        int exit = instance.awaitExit()
        String log = instance.tail()

        then:
        exit != 0
        log.contains('mobile-api will not start: the JWT signing key (CITYGRID_JWT_SECRET) is a development value '
                + 'published in the CityGrid repository')
        log.contains('Set CITYGRID_JWT_SECRET to at least 32 random bytes')
        log.contains('CITYGRID_DEV_MODE=true')
        log.contains('请将 CITYGRID_JWT_SECRET 设为至少 32 字节的随机值')

        cleanup:
        instance?.close()
    }

    def "on a developer's machine, the development switch lets it start with the development key, and a warning says so"() {
        given: 'the test stack without its random key, and the switch on'
        def props = new LinkedHashMap<String, Object>(TestStack.instance.properties())
        props.remove('micronaut.security.token.jwt.signatures.secret.generator.secret')
        props.remove('micronaut.security.token.jwt.generator.refresh-token.secret')
        props['citygrid.dev-mode'] = 'true'

        when:
        def server = ApplicationContext.run(EmbeddedServer, props)

        then:
        server.running

        cleanup:
        server?.stop()
    }
}
