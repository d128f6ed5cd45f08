package org.citygrid.bench.e2e

import org.citygrid.demo.DemoException
import spock.lang.Specification

import static org.citygrid.bench.e2e.ScaleOptions.Dimension.DEVICES
import static org.citygrid.bench.e2e.ScaleOptions.Dimension.GRIDS
import static org.citygrid.bench.e2e.ScaleOptions.Dimension.OPEN_CASES

class ScaleOptionsSpec extends Specification {

    def "without --scale the arguments are the ladder's alone"() {
        expect:
        ScaleOptions.parse(['--rates', '5,10']) == null
    }

    def "--scale takes its own options and leaves the ladder's for the ladder's parser"() {
        when:
        def parsed = ScaleOptions.parse(['--scale', '--step-seconds', '10', '--open-cases', '0,10_000',
                                         '--devices', '40,400', '--grids', '3000,50000', '--dimensions', 'grids,devices',
                                         '--scale-rate', '10'])

        then:
        parsed.rest() == ['--step-seconds', '10']
        with(parsed.scale()) {
            rate() == 10
            openCases() == [0, 10_000]
            devices() == [40, 400]
            grids() == [3000, 50_000]
            dimensions() == [GRIDS, DEVICES]
            baseOpenCases() == 0 && baseDevices() == 40 && baseGrids() == 3000
        }
    }

    def "the defaults vary all three dimensions from 0 open cases, 40 sensors and the demo's 3,000 grids"() {
        when:
        def scale = ScaleOptions.parse(['--scale']).scale()

        then:
        scale.dimensions() == [OPEN_CASES, DEVICES, GRIDS]
        [scale.baseOpenCases(), scale.baseDevices(), scale.baseGrids()] == [0, 40, 3000]
    }

    def "a wrong #option is refused with a message that names it"() {
        when:
        ScaleOptions.parse(['--scale', option, value])

        then:
        def e = thrown(DemoException)
        e.message.contains(option)

        where:
        option         | value
        '--grids'      | '99'
        '--grids'      | '50001'
        '--devices'    | '0'
        '--open-cases' | '-1'
        '--open-cases' | 'many'
        '--dimensions' | 'streets'
        '--scale-rate' | '0'
    }
}
