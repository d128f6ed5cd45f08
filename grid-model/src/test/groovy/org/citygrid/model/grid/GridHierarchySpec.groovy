package org.citygrid.model.grid

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.GridFixtures.*

import spock.lang.Specification

/** Street 001 holds communities 001 and 002, street 002 holds community 001; loaded out of order. */
class GridHierarchySpec extends Specification {

    District dongcheng = new District('110101', new AreaName('东城区', 'Dongcheng District'))
    List<UnitGrid> grids = [
            cell(code(1, '110101002001'), 4, 0),
            cell(code(2), 1, 0),
            cell(code(1), 0, 0),
            cell(code(1, '110101001002'), 2, 0)]
    GridHierarchy hierarchy = GridHierarchy.of(dongcheng, grids)

    def "lists the streets the grids declare, in code order"() {
        expect:
        hierarchy.streets()*.code() == ['110101001', '110101002']
    }

    def "lists the communities of street #street in code order"() {
        expect:
        hierarchy.communitiesOf(street)*.code() == communities

        where:
        street      | communities
        '110101001' | ['110101001001', '110101001002']
        '110101002' | ['110101002001']
    }

    def "lists the grids of a community in code order"() {
        expect:
        hierarchy.gridsOf('110101001001')*.code()*.value() == [code(1), code(2)]
    }

    def "lists every grid in code order"() {
        expect:
        hierarchy.grids()*.code()*.value() == [code(1), code(2), code(1, '110101001002'), code(1, '110101002001')]
    }

    def "finds a grid by its code, with its community and street"() {
        when:
        UnitGrid grid = hierarchy.grid(GridCode.parse(code(1, '110101001002'))).get()

        then:
        grid.community().code() == '110101001002'
        grid.street().code() == '110101001'
    }

    def "keeps grids with duplicate codes so that validation can report them"() {
        when:
        def duplicated = GridHierarchy.of(dongcheng, [cell(code(1), 0, 0), cell(code(1), 1, 0)])

        then:
        duplicated.grids().size() == 2
        duplicated.gridsOf(COMMUNITY).size() == 2
    }

    def "answers nothing for areas it does not have"() {
        expect:
        hierarchy.street('110101017').isEmpty()
        hierarchy.community('110101017001').isEmpty()
        hierarchy.communitiesOf('110101017').isEmpty()
        hierarchy.gridsOf('110101017001').isEmpty()
        hierarchy.grid(GridCode.parse('110101017001001')).isEmpty()
    }

    def "its lists cannot be changed"() {
        when:
        hierarchy.streets().clear()

        then:
        thrown(UnsupportedOperationException)
    }
}
