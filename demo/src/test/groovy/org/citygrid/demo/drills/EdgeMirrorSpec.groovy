package org.citygrid.demo.drills

import java.time.Instant
import org.citygrid.demo.simulator.Threshold
import spock.lang.Specification

/** The drill's outside view of which acknowledged readings were alarm edges, and the ids the node gives them. */
class EdgeMirrorSpec extends Specification {
    static final Threshold TILT = new Threshold('tilt', 'deg', 'ABOVE', 15, 5, 1, 0)
    static final Threshold LAMP = new Threshold('illuminance', 'lx', 'BELOW', 5, 20, 1, 0)

    def "acknowledged readings #values of a #rule.direction() rule make the edges #edges"() {
        given:
        def mirror = new EdgeMirror('edge-1')

        when:
        def made = values.collect { mirror.acknowledged('s-1', rule, it as double, Instant.EPOCH) }
                .findAll { it.present }*.get()*.intakeId()

        then:
        made == edges

        where:
        rule | values                  || edges
        TILT | [1, 2, 3]               || []
        TILT | [1, 15, 20, 10]         || ['edge-1:s-1:ep-1:RAISED']
        TILT | [15, 10, 5, 16, 2]      || ['edge-1:s-1:ep-1:RAISED', 'edge-1:s-1:ep-1:CLEARED', 'edge-1:s-1:ep-2:RAISED', 'edge-1:s-1:ep-2:CLEARED']
        TILT | [4, 5, 14.99]           || []
        LAMP | [100, 5, 10, 20, 3]     || ['edge-1:s-1:ep-1:RAISED', 'edge-1:s-1:ep-1:CLEARED', 'edge-1:s-1:ep-2:RAISED']
    }

    def "each device counts its own episodes"() {
        given:
        def mirror = new EdgeMirror('edge-1')

        when:
        mirror.acknowledged('a', TILT, 20, Instant.EPOCH)
        def b = mirror.acknowledged('b', TILT, 20, Instant.EPOCH).get()

        then:
        b.intakeId() == 'edge-1:b:ep-1:RAISED'
        b.commandId() == 'intake:edge-1:b:ep-1:RAISED'
    }
}
