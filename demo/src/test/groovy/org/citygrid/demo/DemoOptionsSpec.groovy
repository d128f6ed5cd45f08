package org.citygrid.demo

import java.nio.file.Path
import java.time.Duration
import spock.lang.Specification

class DemoOptionsSpec extends Specification {
    Path root = Path.of('/checkout')
    Path caller = Path.of('/home/me')

    def "without options the demo keeps its data in the checkout and listens on the documented ports"() {
        when:
        def options = DemoOptions.parse([], root, caller)

        then:
        options.dataDir() == Path.of('/checkout/demo-data')
        options.ports() == new DemoPorts(8080, 5683, 19092, 15432)
        options.ports().edgeDtls(0) == 5684
        options.ports().edgePlain(1) == 5685
        !options.fresh()
        options.starts('simulator')
    }

    def "a relative data folder is relative to where the command was typed"() {
        expect:
        DemoOptions.parse(['--data', 'runs/a'], root, caller).dataDir() == Path.of('/home/me/runs/a')
    }

    def "a port base moves every port, and a per-service flag still wins over it"() {
        when:
        def ports = DemoOptions.parse(['--port-base', '20000', '--postgres-port', '5999'], root, caller).ports()

        then:
        ports.api() == 20000
        ports.edgePlain(0) == 20001
        ports.edgeDtls(1) == 20004
        ports.kafka() == 20005
        ports.postgres() == 5999
    }

    def "services can be left out by name"() {
        when:
        def options = DemoOptions.parse(['--without', 'mobile-api,simulator', '--fresh'], root, caller)

        then:
        !options.starts('mobile-api')
        !options.starts('simulator')
        options.starts('cloud-backend')
        options.fresh()
    }

    def "a wrong command line is refused with a message naming the option"() {
        when:
        DemoOptions.parse(args, root, caller)

        then:
        def e = thrown(DemoException)
        e.message.contains(expected)

        where:
        args                             || expected
        ['--api-port', 'eighty']         || "--api-port wants a whole number, not 'eighty'"
        ['--api-port', '70000']          || '--api-port must be a port between 1 and 65000'
        ['--data']                       || '--data needs a value'
        ['--without', 'kafka']           || "--without: no service 'kafka'"
        ['--rate', '0']                  || '--rate must be above 0'
        ['--colour']                     || "unknown option '--colour'"
    }

    def "the start timeout is given in seconds"() {
        expect:
        DemoOptions.parse(['--start-timeout', '30'], root, caller).startTimeout() == Duration.ofSeconds(30)
    }
}
