package org.citygrid.sample

import java.nio.file.Files
import java.nio.file.Path
import org.citygrid.model.cases.Role
import org.citygrid.model.category.CategoryCatalogue
import org.citygrid.model.grid.GridIndex
import org.citygrid.model.inventory.ComponentIndex
import org.citygrid.model.inventory.ComponentState
import org.citygrid.model.inventory.ComponentValidator
import org.citygrid.model.patrol.PatrolAreas
import org.citygrid.model.grid.GridLookup
import org.citygrid.model.grid.GridValidator
import org.citygrid.model.grid.LocalMetricFrame
import org.citygrid.model.grid.ValidationReport
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

class SampleCityGeneratorSpec extends Specification {

    @Shared
    SampleCity city = new SampleCityGenerator(42).generate()

    @TempDir
    Path dir

    def "the demo city has about 3,000 grids"() {
        expect:
        Math.abs(city.grids().grids().size() - 3000) <= 30
    }

    def "the demo city validates without a single problem"() {
        when:
        ValidationReport report = new GridValidator().validate(city.grids())

        then:
        report.isClean()
        report.gridCount() == city.grids().grids().size()
    }

    def "its grids are about 10,000 m² each, none absurdly small or large"() {
        given:
        List<Double> areas = city.grids().grids().collect {
            LocalMetricFrame.centredOn(it.geometry()).areaSquareMetres(it.geometry())
        }
        double mean = areas.sum() / areas.size()
        double smallest = areas.min()
        double largest = areas.max()

        expect:
        mean >= 8_000 && mean <= 12_000
        smallest > 4_000
        largest < 18_000
    }

    def "it lies inside Dongcheng district's bounds"() {
        given:
        def box = city.grids().grids().collect { it.geometry().envelopeInternal }
                .inject { a, b -> a.expandToInclude(b); a }

        expect:
        box.minX >= 116.37 && box.maxX <= 116.45
        box.minY >= 39.85 && box.maxY <= 39.97
    }

    def "it has Dongcheng's 17 streets with their codes and names"() {
        expect:
        city.grids().district().code() == '110101'
        city.grids().streets()*.code() == (1..17).collect { String.format('110101%03d', it) }
        city.grids().streets()*.name()*.zh() == ['东华门', '景山', '交道口', '安定门', '北新桥', '东四', '朝阳门', '建国门',
                                                '东直门', '和平里', '前门', '崇文门外', '东花市', '龙潭', '体育馆路', '天坛', '永定门外'].collect { it + '街道' }
        city.grids().streets()*.name()*.en().every { it ==~ /[A-Z][a-z]+ Subdistrict/ }
    }

    def "each street has 8 to 12 communities with distinct names"() {
        expect:
        city.grids().streets().every { city.grids().communitiesOf(it.code()).size() in (8..12) }
        city.grids().communities()*.name()*.zh().toSet().size() == city.grids().communities().size()
    }

    def "there is one department per code, one office per street and one committee per community"() {
        given:
        def ids = city.departments()*.id()

        expect:
        ids.toSet().size() == ids.size()
        ['URBAN_MANAGEMENT', 'SANITATION', 'LANDSCAPING', 'MUNICIPAL_ROADS', 'TRAFFIC_POLICE', 'WATER_SUPPLY', 'DRAINAGE',
         'POWER_SUPPLY', 'GAS_SUPPLY', 'TELECOM', 'STREET_LIGHTING', 'HOUSING', 'FIRE_RESCUE', 'ECOLOGY_ENVIRONMENT',
         'MARKET_REGULATION', 'CIVIL_AFFAIRS', 'PROPERTY_MANAGEMENT'].every { ids.contains(it) }
        ids.count { it.startsWith('STREET_OFFICE:') } == 17
        ids.contains('STREET_OFFICE:110101001')
        ids.count { it.startsWith('COMMUNITY_COMMITTEE:') } == city.grids().communities().size()
        ids.contains('COMMUNITY_COMMITTEE:110101001001')
    }

    def "every grid has exactly one grid worker"() {
        given:
        def patrolled = city.workers().findAll { it.role() == Role.GRID_WORKER }.collectMany { it.gridCodes() }

        expect:
        patrolled.sort() == city.grids().grids()*.code()
    }

    def "every worker belongs to an existing department"() {
        given:
        def ids = city.departments()*.id().toSet()

        expect:
        city.workers().every { ids.contains(it.departmentId()) }
    }

    def "every street office and district department has handlers"() {
        given:
        def staffed = city.workers().findAll { it.role() == Role.HANDLER }*.departmentId().toSet()
        def offices = city.departments().findAll { it.type() != DepartmentType.COMMUNITY_COMMITTEE }*.id()

        expect:
        staffed.containsAll(offices)
    }

    def "the centres have acceptors, dispatchers, shift leaders and a leader, posts of the domain's roles"() {
        expect:
        city.workers().findAll { it.role().isCentrePost() }.countBy { it.role() } ==
                [(Role.ACCEPTOR): 4, (Role.DISPATCHER): 3, (Role.SHIFT_LEADER): 2, (Role.LEADER): 1]
        city.workers()*.role().toSet() == [Role.GRID_WORKER, Role.HANDLER, Role.ACCEPTOR, Role.DISPATCHER, Role.SHIFT_LEADER, Role.LEADER].toSet()
    }

    def "every grid is in exactly one patrol area, patrolled by its grid worker, so a task about any grid has a supervisor"() {
        given:
        def areas = PatrolAreas.of(city.patrolAreas())
        def workers = city.workers().findAll { it.role() == Role.GRID_WORKER }.collectEntries { [(it.id()): it] }

        expect:
        city.patrolAreas()*.grids().flatten().sort() == city.grids().grids()*.code()
        city.patrolAreas().every { a -> a.supervisors().size() == 1 && workers[a.supervisors()[0]].gridCodes() == a.grids() }
        city.grids().grids().every { areas.supervisorFor(it.code(), [] as Set).isPresent() }
        city.patrolAreas()[0].name().zh() ==~ /.+社区第1监督网格/
    }

    def "the component inventory furnishes the streets: lamps, covers, bins and hydrants, with the catalogue's owners"() {
        given:
        def catalogue = CategoryCatalogue.loadDefault()
        def counts = city.components().countByCategory()

        expect: 'about four per grid along the grid edges, plus one under each mounted sensor'
        city.components().size() > 4 * city.grids().grids().size()
        counts.keySet() == ['C0101', 'C0102', 'C0103', 'C0105', 'C0107', 'C0111', 'C0113', 'C0118', 'C0305'] as Set
        counts['C0118'] > 2 * city.grids().grids().size() * 0.9
        city.components().components().every { it.owner() == catalogue.byCode(it.categoryCode()).get().responsibleDepartment().code() }
        city.components().components()*.state().toSet() == ComponentState.values() as Set - [ComponentState.REMOVED]

        and: 'it validates clean against the catalogue and the grids'
        new ComponentValidator(catalogue, GridIndex.of(city.grids().grids())).validate(city.components()).isClean()
    }

    def "each sensor mounted on a component has one of its class at its very position"() {
        given:
        def index = ComponentIndex.of(city.components())

        expect:
        city.sensors().findAll { SampleComponents.mountedOn(it.type()) != null }.every { s ->
            index.near(s.position(), 0.01, SampleComponents.mountedOn(s.type())).size() >= 1
        }
    }

    def "every sensor stands inside the grid it names"() {
        given:
        GridIndex index = GridIndex.of(city.grids().grids(), 0)

        expect:
        city.sensors().every { s ->
            def found = index.locate(s.position())
            found instanceof GridLookup.Inside && found.grid().code() == s.gridCode()
        }
    }

    def "there are about 1.1 sensors per grid, of every type"() {
        expect:
        city.sensors().size() > 2000
        city.sensors()*.type()*.id().toSet() == ['manhole-tilt', 'water-level', 'smoke', 'bin-fill', 'street-lamp', 'noise'].toSet()
    }

    def "the same seed gives the same city, file for file"() {
        given:
        def first = dir.resolve('first')
        def second = dir.resolve('second')

        when:
        new SampleCityFiles().write(new SampleCityGenerator(7, 300).generate(), first)
        new SampleCityFiles().write(new SampleCityGenerator(7, 300).generate(), second)

        then:
        [SampleCityFiles.GRIDS, SampleCityFiles.DEPARTMENTS, SampleCityFiles.WORKERS, SampleCityFiles.SENSORS,
         SampleCityFiles.COMPONENTS, SampleCityFiles.PATROL_AREAS].every {
            Files.readAllBytes(first.resolve(it)) == Files.readAllBytes(second.resolve(it))
        }
    }

    def "another seed gives another city"() {
        when:
        def a = new SampleCityGenerator(7, 300).generate()
        def b = new SampleCityGenerator(8, 300).generate()

        then:
        a.grids().grids()*.geometry() != b.grids().grids()*.geometry()
        a.grids().communities()*.name() != b.grids().communities()*.name()
        a.sensors() != b.sensors()
    }

    def "the size follows the number of grids asked for: #count"() {
        when:
        def small = new SampleCityGenerator(3, count).generate()

        then:
        Math.abs(small.grids().grids().size() - count) <= count * 0.03
        new GridValidator().validate(small.grids()).isClean()

        where:
        count << [100, 500, 1200]
    }

    def "refuses a size it cannot lay out"() {
        when:
        new SampleCityGenerator(1, 10)

        then:
        thrown(IllegalArgumentException)
    }
}
