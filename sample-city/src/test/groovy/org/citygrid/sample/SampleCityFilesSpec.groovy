package org.citygrid.sample

import groovy.json.JsonSlurper
import java.nio.file.Path
import org.citygrid.model.grid.GridGeoJson
import org.citygrid.model.grid.GridValidator
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

class SampleCityFilesSpec extends Specification {

    @Shared
    SampleCity city = new SampleCityGenerator(11, 400).generate()

    @TempDir
    Path dir

    def "a written city reads back equal"() {
        given:
        def files = new SampleCityFiles()

        when:
        files.write(city, dir)
        def back = files.read(dir)

        then:
        back.departments() == city.departments()
        back.workers() == city.workers()
        back.sensors() == city.sensors()
        back.components() == city.components()
        back.patrolAreas() == city.patrolAreas()
        back.grids().district() == city.grids().district()
        back.grids().grids()*.code() == city.grids().grids()*.code()
        back.grids().grids()*.community() == city.grids().grids()*.community()
        [back.grids().grids(), city.grids().grids()].transpose().every { a, b -> a.geometry().equalsExact(b.geometry()) }
    }

    def "a city written before components and patrol areas reads with none of either"() {
        given:
        def files = new SampleCityFiles()
        files.write(city, dir)
        java.nio.file.Files.delete(dir.resolve(SampleCityFiles.COMPONENTS))
        java.nio.file.Files.delete(dir.resolve(SampleCityFiles.PATROL_AREAS))

        when:
        def back = files.read(dir)

        then:
        back.workers() == city.workers()
        back.components().size() == 0
        back.patrolAreas() == []
    }

    def "workers carry the domain's post names, which earlier files already used"() {
        when:
        new SampleCityFiles().write(city, dir)
        def roles = new JsonSlurper().parse(dir.resolve(SampleCityFiles.WORKERS).toFile())*.role.toSet()

        then:
        roles == ['GRID_WORKER', 'HANDLER', 'ACCEPTOR', 'DISPATCHER', 'SHIFT_LEADER', 'LEADER'] as Set
    }

    def "the written grid file loads through the grid loader and validates clean"() {
        when:
        new SampleCityFiles().write(city, dir)
        def grids = new GridGeoJson().read(dir.resolve(SampleCityFiles.GRIDS))

        then:
        new GridValidator().validate(grids).isClean()
    }

    def "sensor and worker files use the wire ids other modules rely on"() {
        when:
        new SampleCityFiles().write(city, dir)
        def sensor = new JsonSlurper().parse(dir.resolve(SampleCityFiles.SENSORS).toFile())[0]
        def worker = new JsonSlurper().parse(dir.resolve(SampleCityFiles.WORKERS).toFile())[0]
        def department = new JsonSlurper().parse(dir.resolve(SampleCityFiles.DEPARTMENTS).toFile())[0]

        then:
        sensor.keySet() == ['id', 'type', 'gridCode', 'position'] as Set
        sensor.type in ['manhole-tilt', 'water-level', 'smoke', 'bin-fill', 'street-lamp', 'noise']
        sensor.gridCode ==~ /\d{15}/
        sensor.position.keySet() == ['lon', 'lat'] as Set
        worker.gridCodes.every { it ==~ /\d{15}/ }
        department == [id: 'URBAN_MANAGEMENT', type: 'URBAN_MANAGEMENT', nameZh: '东城区城市管理委员会',
                       nameEn: 'Dongcheng Urban Management Commission', areaCode: '110101']
    }
}
