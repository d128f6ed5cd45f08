package org.citygrid.api.accounts

import org.citygrid.model.cases.Role
import io.micronaut.security.token.config.TokenConfigurationProperties
import spock.lang.Specification

/** What a token's roles claim holds for each role, and which of them is the account's own. */
class AuthoritiesSpec extends Specification {

    def "a #role token names #claim"() {
        expect:
        Authorities.of(role) == claim
        Authorities.roleOf(claim.reverse()) == role

        where:
        role              || claim
        Role.OPERATOR     || ['OPERATOR', 'ACCEPTOR', 'SHIFT_LEADER', 'DISPATCHER', 'LEADER', 'CENTRE']
        Role.ACCEPTOR     || ['ACCEPTOR', 'CENTRE']
        Role.SHIFT_LEADER || ['SHIFT_LEADER', 'CENTRE']
        Role.DISPATCHER   || ['DISPATCHER', 'CENTRE']
        Role.LEADER       || ['LEADER', 'CENTRE']
        Role.HANDLER      || ['HANDLER']
        Role.RESIDENT     || ['RESIDENT']
        Role.ADMIN        || ['ADMIN']
    }

    def "a verified token's roles are completed with the posts its role holds, as for a token from before the posts"() {
        given:
        def finder = new PostRoles(new TokenConfigurationProperties())

        expect:
        finder.resolveRoles([roles: claim]) == roles

        where:
        claim                  || roles
        ['OPERATOR']           || ['OPERATOR', 'ACCEPTOR', 'SHIFT_LEADER', 'DISPATCHER', 'LEADER', 'CENTRE']
        ['DISPATCHER']         || ['DISPATCHER', 'CENTRE']
        ['RESIDENT']           || ['RESIDENT']
        ['ACCEPTOR', 'CENTRE'] || ['ACCEPTOR', 'CENTRE']
        ['MAP_KEY']            || ['MAP_KEY']
    }
}
