package org.citygrid.demo.api

import org.citygrid.sample.SampleCityGenerator
import spock.lang.Shared
import spock.lang.Specification

class DemoAccountsSpec extends Specification {
    @Shared def grids = new SampleCityGenerator(1, 200).generate().grids()
    @Shared def streets = grids.streets().take(2)*.code()
    @Shared def accounts = DemoAccounts.plan(grids, streets, 'demo-password')

    def "every account passes mobile-api's input rules for POST /api/v1/accounts"() {
        expect:
        accounts.every { it.username() ==~ /[A-Za-z0-9._@-]{3,64}/ }
        accounts.every { it.password().length() >= 10 }
        accounts.findAll { it.department() != null }.every { it.department() ==~ /[A-Z][A-Z0-9_]{1,39}/ }
        accounts.findAll { it.communityCode() != null }.every { it.communityCode() ==~ /\d{12}/ }
        accounts.findAll { it.gridCodes() != null }.every { a -> a.gridCodes().every { it ==~ /\d{14,15}/ } }
    }

    def "each street gets a grid worker for its grids and a resident of one of its communities"() {
        expect:
        streets.every { street ->
            def worker = accounts.find { it.username() == "worker-$street" }
            def resident = accounts.find { it.username() == "resident-$street" }
            worker.role() == 'GRID_WORKER' && worker.gridCodes().every { it.startsWith(street) } &&
                    resident.role() == 'RESIDENT' && resident.communityCode().startsWith(street)
        }
    }

    def "city-wide departments get a handler, territorial ones none, since their codes carry the area"() {
        when:
        def handlers = accounts.findAll { it.role() == 'HANDLER' }

        then:
        handlers*.department.contains('DRAINAGE')
        !handlers*.department.any { it.contains('STREET_OFFICE') || it.contains(':') }
    }

    def "your accounts live and work in a street of their own, where no simulated person does"() {
        when:
        def yours = DemoAccounts.yours(grids, streets, 'demo-password')
        def community = DemoAccounts.yourCommunity(grids, streets)
        def street = community.streetCode()
        def resident = yours.find { it.username() == 'resident-demo' }
        def worker = yours.find { it.username() == 'worker-demo' }

        then:
        yours*.username() == ['resident-demo', 'worker-demo', 'acceptor-demo', 'dispatcher-demo', 'shift-leader-demo',
                               'leader-demo']
        yours.findAll { it.username() != 'resident-demo' && it.username() != 'worker-demo' }*.role() ==
                ['ACCEPTOR', 'DISPATCHER', 'SHIFT_LEADER', 'LEADER']
        !(street in streets)
        resident.role() == 'RESIDENT' && resident.communityCode() == community.code()
        worker.role() == 'GRID_WORKER' && !worker.gridCodes().empty
        worker.gridCodes() == grids.gridsOf(resident.communityCode())*.code()*.toString()

        and: 'no account of the simulator covers that community or street'
        accounts.every { it.communityCode() != resident.communityCode() }
        accounts.every { a -> a.gridCodes() == null || a.gridCodes().every { !it.startsWith(street) } }

        and: "they pass mobile-api's input rules"
        yours.every { it.username() ==~ /[A-Za-z0-9._@-]{3,64}/ && it.password().length() >= 10 }
        worker.gridCodes().every { it ==~ /\d{14,15}/ }
    }
}
