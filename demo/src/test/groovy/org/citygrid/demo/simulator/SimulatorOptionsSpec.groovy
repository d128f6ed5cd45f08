package org.citygrid.demo.simulator

import spock.lang.Specification

class SimulatorOptionsSpec extends Specification {
    static final API = ['--api', 'http://127.0.0.1:8080=accounts.json']

    def "without share options the people keep to the documented defaults"() {
        when:
        def options = SimulatorOptions.parse(API)

        then:
        options.shares() == new PeopleShares(0.05, 0.1, 0.8)
        options.shares() == PeopleShares.DEFAULT
    }

    def "the shares of returns, extensions and approvals are set from the command line"() {
        when:
        def options = SimulatorOptions.parse(API + ['--return-share', '1', '--extension-share', '0.5', '--approve-share', '0'])

        then:
        options.shares() == new PeopleShares(1, 0.5, 0)
    }

    def "a share outside 0 to 1 is refused with a message naming the option"() {
        when:
        SimulatorOptions.parse(API + [option, value])

        then:
        def e = thrown(SimulatorException)
        e.message.contains(option)

        where:
        option              | value
        '--return-share'    | '1.5'
        '--extension-share' | '-0.1'
        '--approve-share'   | 'most'
    }

    def "the usage text names every share option"() {
        expect:
        ['--return-share', '--extension-share', '--approve-share'].every { SimulatorOptions.USAGE.contains(it) }
    }
}
