package org.citygrid.demo.simulator

import java.time.Duration
import java.time.Instant
import spock.lang.Specification

import static org.citygrid.demo.simulator.SensorBehaviour.Phase.*

class SensorBehaviourSpec extends Specification {
    // a manhole cover: alarm at 15 degrees and up, clear at 5 and below, two readings over at least 10 s
    def tilt = new Threshold('tilt', 'deg', 'ABOVE', 15, 5, 2, 10)
    def t0 = Instant.parse('2026-03-02T02:00:00Z')

    def "a sensor without an episode reads on the normal side of the clear threshold"() {
        given:
        def sensor = new SensorBehaviour(tilt, 0, Duration.ofSeconds(60), new Random(1))

        expect:
        (0..<50).collect { sensor.next(t0.plusSeconds(it)) }.every { it >= 0 && it <= 5 }
    }

    def "an episode stays raising until the rule's debounce count and minimum duration are both met"() {
        given:
        def sensor = new SensorBehaviour(tilt, 0, Duration.ofSeconds(60), new Random(1))
        sensor.startEpisode()

        when:
        def values = [sensor.next(t0), sensor.next(t0.plusSeconds(5))]

        then: 'two readings, but only 5 s apart'
        values.every { it >= 15 }
        sensor.phase() == RAISING

        when:
        sensor.next(t0.plusSeconds(10))

        then:
        sensor.phase() == HIGH
    }

    def "after the hold the sensor reads normal until the clear side is long enough, and counts the episode"() {
        given:
        def sensor = new SensorBehaviour(tilt, 0, Duration.ofSeconds(30), new Random(1))
        sensor.startEpisode()
        sensor.next(t0)
        sensor.next(t0.plusSeconds(10))

        when:
        def first = sensor.next(t0.plusSeconds(40))
        def second = sensor.next(t0.plusSeconds(50))

        then:
        first <= 5 && second <= 5
        sensor.phase() == NORMAL
        sensor.episodesStarted() == 1
        sensor.episodesCleared() == 1
    }

    def "a sensor alarmed by low values goes below its raise threshold"() {
        given:
        def lamp = new Threshold('illuminance', 'lx', 'BELOW', 5, 20, 1, 0)
        def sensor = new SensorBehaviour(lamp, 0, Duration.ofSeconds(60), new Random(1))
        sensor.startEpisode()

        expect:
        sensor.next(t0) <= 5
        sensor.next(t0.plusSeconds(100)) >= 20
    }
}
