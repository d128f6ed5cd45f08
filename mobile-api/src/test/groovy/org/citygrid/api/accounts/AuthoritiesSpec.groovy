package org.citygrid.api.accounts

import org.citygrid.model.cases.Role
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
}
