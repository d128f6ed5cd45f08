package org.citygrid.demo.city

import groovy.json.JsonSlurper
import java.nio.file.Path
import org.citygrid.demo.data.DataFolder
import org.citygrid.sample.SampleCityGenerator
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

class EdgeSitesSpec extends Specification {
    @Shared def city = new SampleCityGenerator(1, 200).generate()
    @TempDir Path tmp

    def "each edge node serves its own street, with sensors of every type and a patrol field device"() {
        when:
        def sites = new EdgeSites(city, DataFolder.open(tmp, false)).prepare(2, 12)

        then:
        sites*.streetCode.unique().size() == 2
        sites.every { site -> site.devices().every { it.neighbourhood() == site.streetCode() } }
        sites.every { site -> site.devices().count { it.isSensor() } == 12 }
        sites.every { site -> site.devices().count { !it.isSensor() } == 1 }
        sites[0].devices().findAll { it.isSensor() }*.sensorType.unique().size() >= 3
    }

    def "device keys are made once and kept, because they are the devices' identity"() {
        given:
        def data = DataFolder.open(tmp, false)
        def first = new EdgeSites(city, data).prepare(2, 4)

        when:
        def again = new EdgeSites(city, data).prepare(2, 4)

        then:
        again*.devices == first*.devices
    }

    def "a sensor's registry entry has the fields docs/edge-node.md names, and its position"() {
        given:
        def site = new EdgeSites(city, DataFolder.open(tmp, false)).prepare(1, 3)[0]

        when:
        def entry = new JsonSlurper().parse(site.devicesFile().toFile())[0]

        then:
        entry.keySet() == ['id', 'pskIdentity', 'key', 'sensorType', 'position', 'neighbourhood', 'revoked'] as Set
        entry.position.keySet() == ['lon', 'lat'] as Set
        entry.key.size() == 32
    }

    def "edge.json carries this run's ports and broker, and the street as the neighbourhood"() {
        given:
        def site = new EdgeSites(city, DataFolder.open(tmp, false)).prepare(1, 3)[0]

        when:
        EdgeSites.writeConfig(site, 15683, 15684, '127.0.0.1:19092')
        def config = new JsonSlurper().parse(site.configFile().toFile())

        then:
        config.nodeId == "edge-${site.streetCode()}"
        config.neighbourhood.id == site.streetCode()
        config.neighbourhood.radiusMetres > 0
        config.coap.dtlsPort == 15684
        config.coap.plainPort == 15683
        config.kafka.bootstrapServers == '127.0.0.1:19092'
        config.kafka.topic == 'grid.intake'
    }

    def "every sensor of the street is inside the node's radius"() {
        given:
        def site = new EdgeSites(city, DataFolder.open(tmp, false)).prepare(1, 50)[0]

        expect:
        site.devices().findAll { it.isSensor() }.every { metres(site.centre(), it.position()) < site.radiusMetres() }
    }

    static double metres(a, b) {
        double dx = (b.lon() - a.lon()) * 111_320 * Math.cos(Math.toRadians(a.lat()))
        double dy = (b.lat() - a.lat()) * 111_320
        Math.hypot(dx, dy)
    }
}
