package org.citygrid.model.inventory

import static org.citygrid.model.testkit.GridFixtures.*

import java.nio.charset.StandardCharsets
import java.time.LocalDate
import org.citygrid.model.category.CategoryCatalogue
import org.citygrid.model.component.ComponentCode
import org.citygrid.model.grid.GridCode
import org.citygrid.model.grid.GridIndex
import spock.lang.Shared
import spock.lang.Specification

/**
 * The component register: read and written as GeoJSON points, checked against the catalogue and
 * the grids with every problem listed, and indexed for the components near a point.
 */
class ComponentRegisterSpec extends Specification {

    static final LocalDate SURVEYED = LocalDate.parse('2026-01-15')

    /** Four 100 m cells in a row: grids 001..004 of the test community. */
    @Shared
    GridIndex grids = GridIndex.of((1..4).collect { cell(code(it), it - 1, 0) })

    static Component component(String componentCode, double east, double north, int serial = 1, Map args = [:]) {
        new Component(ComponentCode.parse(componentCode), at(east, north), GridCode.parse(args.grid ?: code(serial)),
                args.owner ?: 'WATER_SUPPLY', args.maintainer as String, args.state ?: ComponentState.NORMAL, SURVEYED,
                args.changedOn as LocalDate, args.note as String)
    }

    static ComponentRegister register() {
        new ComponentRegister('110101', [
                component('1101010101000002', 50, 50, 1),
                component('1101010101000001', 150, 40, 2, [state: ComponentState.DAMAGED, changedOn: LocalDate.parse('2026-02-01'), note: '井盖松动']),
                component('1101010118000001', 160, 55, 2, [owner: 'STREET_LIGHTING', maintainer: 'STREET_OFFICE:110101001']),
                component('1101010305000001', 390, 10, 4, [owner: 'SANITATION'])])
    }

    def "a register keeps its components in code order and answers by code, class and grid"() {
        given:
        def r = register()

        expect:
        r.components()*.code()*.value() == ['1101010101000001', '1101010101000002', '1101010118000001', '1101010305000001']
        r.component('1101010118000001').get().maintainedBy() == 'STREET_OFFICE:110101001'
        r.ofCategory('C0101')*.code()*.serial() == [1, 2]
        r.inGrid(GridCode.parse(code(2)))*.categoryCode() == ['C0101', 'C0118']
        r.countByCategory() == [C0101: 2L, C0118: 1L, C0305: 1L]
    }

    def "the GeoJSON form reads back the same register, and writes the same bytes again"() {
        given:
        def json = new ComponentGeoJson()
        def out = new ByteArrayOutputStream()
        json.write(register(), out)

        when:
        def read = json.read(new ByteArrayInputStream(out.toByteArray()))
        def again = new ByteArrayOutputStream()
        json.write(read, again)

        then:
        read == register()
        again.toByteArray() == out.toByteArray()
        new String(out.toByteArray(), StandardCharsets.UTF_8).contains('"note" : "井盖松动"')
    }

    def "malformed component data names the feature: #why"() {
        when:
        new ComponentGeoJson().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))

        then:
        def e = thrown(ComponentDataFormatException)
        e.message.startsWith(message)

        where:
        why               | text                                                                                                                       || message
        'not JSON'        | '{'                                                                                                                        || 'component data is not valid JSON: '
        'no collection'   | '{"type": "Feature"}'                                                                                                      || 'component data must be a GeoJSON object with "type": "FeatureCollection"'
        'a bad code'      | feature('110101010100004', '"grid": "110101001001001"')                                                                      || 'feature #0 (code 110101010100004): a component code (部件标识码) is 16 digits: county(6) class(4) serial(6), not \'110101010100004\''
        'no grid'         | feature('1101010101000001', '"owner": "X"')                                                                                  || 'feature #0 (code 1101010101000001): "grid" is required and must be text'
        'an unknown state'| feature('1101010101000001', '"grid": "110101001001001", "owner": "X", "state": "BROKEN", "surveyedOn": "2026-01-01"')       || 'feature #0 (code 1101010101000001): No enum constant org.citygrid.model.inventory.ComponentState.BROKEN'
    }

    static String feature(String code, String properties) {
        """{"type": "FeatureCollection", "county": "110101", "features": [{"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [116.4, 39.9]},
            "properties": {"code": "$code", $properties}}]}"""
    }

    def "a clean register has no problems"() {
        expect:
        new ComponentValidator(CategoryCatalogue.loadDefault(), grids).validate(register()).isClean()
    }

    def "the validator lists every problem, grouped by kind"() {
        given:
        def broken = new ComponentRegister('110101', register().components() + [
                component('1101010101000001', 60, 60, 1),                                   // the same code again
                component('1101020101000001', 70, 70, 1),                                   // another district's code
                component('1101019901000001', 80, 80, 1),                                   // a class the catalogue lacks
                component('1101010118000009', 90, 90, 1, [owner: 'ROADS_DEPT']),             // an unknown owner
                component('1101010305000002', 250, 50, 1),                                  // declared in 001, stands in 003
                component('1101010305000003', 900, 50, 4)])                                  // 500 m beyond the last grid

        when:
        def report = new ComponentValidator(CategoryCatalogue.loadDefault(), grids).validate(broken)

        then:
        report.problems()*.message() == [
                'component code 1101010101000001 is on 2 components',
                'component 1101020101000001 has the county code of 110102, not of district 110101',
                'component 1101019901000001 is of class C9901, which the catalogue does not list',
                'component 1101010118000009 names owner ROADS_DEPT, which the catalogue does not list',
                'component 1101010305000002 is declared in grid 110101001001001 but stands in grid 110101001001003',
                'component 1101010305000003 stands 500 m from the nearest grid, outside the managed area']
        report.toString().startsWith('10 components, 6 problems:')
    }

    def "the index finds the components within a radius, nearest first, of a class if asked"() {
        given:
        def index = ComponentIndex.of(register())

        when:
        def near = index.near(at(150, 50), 20)

        then:
        near*.component()*.code()*.value() == ['1101010101000001', '1101010118000001']
        Math.abs(near[0].distanceMetres() - 10) < 0.05
        Math.abs(near[1].distanceMetres() - Math.hypot(10, 5)) < 0.05

        and:
        index.near(at(150, 50), 20, 'C0118')*.component()*.categoryCode() == ['C0118']
        index.near(at(150, 50), 5) == []
        index.near(at(50, 50), 0)*.component()*.code()*.serial() == [2]
    }

    def "a radius must be finite and not negative"() {
        when:
        ComponentIndex.of(register()).near(at(0, 0), radius)

        then:
        thrown(IllegalArgumentException)

        where:
        radius << [-1d, Double.NaN, Double.POSITIVE_INFINITY]
    }
}
