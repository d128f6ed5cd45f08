package org.citygrid.model.category

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import spock.lang.Shared
import spock.lang.Specification

import static org.citygrid.model.category.CategoryKind.COMPONENT
import static org.citygrid.model.category.CategoryKind.EVENT
import static org.citygrid.model.category.CategoryKind.SERVICE

class CategoryCatalogueSpec extends Specification {

    @Shared
    CategoryCatalogue catalogue = CategoryCatalogue.loadDefault()

    def "the shipped catalogue has at least 40 problem categories and 6 community services"() {
        expect:
        catalogue.categories(COMPONENT).size() + catalogue.categories(EVENT).size() >= 40
        catalogue.categories(SERVICE).size() >= 6
    }

    def "the shipped catalogue declares the standard's major classes of both kinds"() {
        expect:
        catalogue.majorClasses(kind).collectEntries { [(it.codeText()): it.name().zh()] } == expected

        where:
        kind      || expected
        COMPONENT || ['01': '公用设施', '02': '道路交通', '03': '市容环境', '04': '园林绿化', '05': '房屋土地', '06': '其他设施', '07': '扩展部件']
        EVENT     || ['01': '市容环境', '02': '宣传广告', '03': '施工管理', '04': '突发事件', '05': '街面秩序', '06': '扩展事件']
    }

    def "every major class of #kind has at least one category"() {
        expect:
        catalogue.majorClasses(kind).every { !catalogue.categories(kind, it.code()).isEmpty() }

        where:
        kind << [COMPONENT, EVENT, SERVICE]
    }

    def "service major classes lie outside the standard's range"() {
        expect:
        catalogue.majorClasses(SERVICE)*.code().every { it >= MajorClass.FIRST_SERVICE_MAJOR }
    }

    def "the shipped catalogue has exactly the brief's departments, two of them territorial"() {
        expect:
        catalogue.departments()*.code() as Set == [
                'URBAN_MANAGEMENT', 'SANITATION', 'LANDSCAPING', 'MUNICIPAL_ROADS', 'TRAFFIC_POLICE',
                'WATER_SUPPLY', 'DRAINAGE', 'POWER_SUPPLY', 'GAS_SUPPLY', 'TELECOM', 'STREET_LIGHTING',
                'HOUSING', 'FIRE_RESCUE', 'ECOLOGY_ENVIRONMENT', 'MARKET_REGULATION', 'CIVIL_AFFAIRS',
                'PROPERTY_MANAGEMENT', 'STREET_OFFICE', 'COMMUNITY_COMMITTEE'] as Set
        catalogue.department('STREET_OFFICE').get().territorial() == TerritorialLevel.STREET
        catalogue.department('COMMUNITY_COMMITTEE').get().territorial() == TerritorialLevel.COMMUNITY
        catalogue.departments().findAll { it.isTerritorial() }*.code() as Set == ['STREET_OFFICE', 'COMMUNITY_COMMITTEE'] as Set
    }

    def "category #code is handled by #department"() {
        expect:
        catalogue.byCode(code).get().responsibleDepartment().code() == department

        where:
        code    || department
        'C0101' || 'WATER_SUPPLY'
        'C0102' || 'DRAINAGE'
        'C0111' || 'GAS_SUPPLY'
        'C0118' || 'STREET_LIGHTING'
        'C0305' || 'SANITATION'
        'C0402' || 'LANDSCAPING'
        'E0102' || 'SANITATION'
        'E0401' || 'MUNICIPAL_ROADS'
        'E0403' || 'GAS_SUPPLY'
        'E0501' || 'URBAN_MANAGEMENT'
        'S9101' || 'PROPERTY_MANAGEMENT'
        'S9106' || 'COMMUNITY_COMMITTEE'
    }

    def "Open311 service code #serviceCode is #name"() {
        expect:
        catalogue.byServiceCode(serviceCode).get().name().zh() == name

        where:
        serviceCode || name
        'C0101'     || '上水井盖'
        'E0101'     || '私搭乱建'
        'E0406'     || '道路积水'
        'S9101'     || '居家报修'
    }

    def "an unknown service code finds nothing"() {
        expect:
        catalogue.byServiceCode('X9999').isEmpty()
    }

    def "a #sensor alarm can report #expected"() {
        expect:
        catalogue.bySensorType(sensor)*.code()*.toString() == expected

        where:
        sensor                 || expected
        SensorType.MANHOLE_TILT || ['C0101', 'C0102', 'C0103', 'C0105', 'C0106', 'C0107', 'C0111', 'C0114']
        SensorType.WATER_LEVEL || ['E0406']
        SensorType.SMOKE       || ['E0411']
        SensorType.BIN_FILL    || ['C0305']
        SensorType.STREET_LAMP || ['C0118']
        SensorType.NOISE       || ['E0301', 'E0508']
    }

    def "components go to the owner first and ordinary events to the territory first"() {
        expect:
        catalogue.byCode('C0101').get().dispatchOrder()*.code() == ['WATER_SUPPLY', 'STREET_OFFICE']
        catalogue.byCode('E0501').get().dispatchOrder()*.code() == ['STREET_OFFICE', 'URBAN_MANAGEMENT']
    }

    def "emergencies run on the round-the-clock SLA clock"() {
        expect:
        ['E0401', 'E0402', 'E0403', 'E0406', 'E0411'].every {
            catalogue.byCode(it).get().slaClock() == SlaClockKind.ROUND_THE_CLOCK
        }
        catalogue.byCode('C0407').get().slaClock() == SlaClockKind.WORKING
    }

    def "a manhole cover files automatically from sensors and patrols, a resident report never skips review"() {
        given:
        def cover = catalogue.byCode('C0101').get()

        expect:
        cover.filesAutomaticallyFrom(AutoFilingChannel.SENSOR)
        cover.filesAutomaticallyFrom(AutoFilingChannel.PATROL)
        cover.timeLimits().handle() == TimeLimit.parse('4h')
        // noise alone cannot tell construction from a shop's loudspeaker: an operator decides
        !catalogue.byCode('E0508').get().filesAutomaticallyFrom(AutoFilingChannel.SENSOR)
    }

    def "lists categories by department, kind and major class"() {
        expect:
        catalogue.byResponsibleDepartment('GAS_SUPPLY')*.code()*.toString() == ['C0111', 'E0403']
        catalogue.dispatchableTo('FIRE_RESCUE')*.code()*.toString() == ['C0113', 'E0403', 'E0411']
        catalogue.categories(EVENT, 4).every { it.majorClass().name().zh() == '突发事件' }
        catalogue.byResponsibleDepartment('NO_SUCH_DEPARTMENT').isEmpty()
    }

    def "the catalogue's lists cannot be modified"() {
        when:
        catalogue.categories().clear()

        then:
        thrown(UnsupportedOperationException)

        when:
        catalogue.byCode('C0101').get().sensorTypes().clear()

        then:
        thrown(UnsupportedOperationException)
    }

    def "writing and reading the catalogue gives an equal catalogue"() {
        given:
        def out = new ByteArrayOutputStream()

        when:
        catalogue.writeTo(out)
        def reread = CategoryCatalogue.load(new ByteArrayInputStream(out.toByteArray()), 'round-trip')

        then:
        reread == catalogue
        reread.categories().size() == catalogue.categories().size()
    }

    def "loads an operator's catalogue from a file"() {
        given:
        Path file = Files.createTempFile('catalogue', '.json')
        Files.newOutputStream(file).withCloseable { catalogue.writeTo(it) }

        expect:
        CategoryCatalogue.load(file) == catalogue

        cleanup:
        Files.deleteIfExists(file)
    }

    def "docs/categories.md lists every shipped category"() {
        given:
        def doc = Path.of('..', 'docs', 'categories.md').toFile().getText('UTF-8')

        expect:
        catalogue.categories().findAll { !doc.contains("| ${it.code()} | ${it.name().zh()} |") }*.code() == []
    }
}
