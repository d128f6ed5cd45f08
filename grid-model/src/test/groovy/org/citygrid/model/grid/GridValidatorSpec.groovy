package org.citygrid.model.grid

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.GridFixtures.*

import spock.lang.Specification

class GridValidatorSpec extends Specification {

    GridValidator validator = new GridValidator()

    /** A 3 x 3 block of 100 m cells, serials 1..9 row by row. */
    List<UnitGrid> lattice() {
        (0..2).collectMany { row -> (0..2).collect { col -> cell(code(row * 3 + col + 1), col, row) } }
    }

    def "a clean tessellation has no problems"() {
        when:
        ValidationReport report = validator.validate(lattice())

        then:
        report.isClean()
        report.gridCount() == 9
    }

    def "a bowtie polygon is reported as invalid, naming the grid and where it crosses itself"() {
        given:
        def bowtie = grid(code(1), 'POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))')

        when:
        def problems = validator.validate([bowtie]).problemsOf(GridProblem.InvalidGeometry)

        then:
        problems.size() == 1
        problems[0].code().value() == code(1)
        problems[0].message().contains('Self-intersection')
        Math.abs(haversine(problems[0].location(), at(50, 50))) < 0.01
    }

    def "two grids sharing ground are reported as an overlap with its area in square metres"() {
        given: 'the second grid reaches 20 m into the first'
        def first = cell(code(1), 0, 0)
        def second = grid(code(2), 'POLYGON((80 0, 180 0, 180 100, 80 100, 80 0))')

        when:
        def overlaps = validator.validate([second, first]).problemsOf(GridProblem.Overlap)

        then:
        overlaps.size() == 1
        overlaps[0].codes()*.value() == [code(1), code(2)]
        Math.abs(overlaps[0].areaSquareMetres() - 2000) < 5
        overlaps[0].message().contains('overlap by 2000')
    }

    def "grids that only share an edge do not overlap"() {
        expect:
        validator.validate([cell(code(1), 0, 0), cell(code(2), 1, 0)]).problemsOf(GridProblem.Overlap).isEmpty()
    }

    def "an overlap smaller than the tolerance is taken for rounding noise"() {
        given: 'the second grid reaches 5 mm into the first: 0.5 m²'
        def first = cell(code(1), 0, 0)
        def second = grid(code(2), 'POLYGON((99.995 0, 200 0, 200 100, 99.995 100, 99.995 0))')

        expect:
        validator.validate([first, second]).isClean()
    }

    def "ground inside a community that no grid covers is a gap, with the grids around it"() {
        given: 'the middle cell of the 3 x 3 block is missing'
        def grids = lattice().findAll { it.code().value() != code(5) }

        when:
        def gaps = validator.validate(grids).problemsOf(GridProblem.Gap)

        then:
        gaps.size() == 1
        gaps[0].communityCode() == COMMUNITY
        Math.abs(gaps[0].areaSquareMetres() - 10_000) < 20
        gaps[0].bordering()*.value() == [1, 2, 3, 4, 6, 7, 8, 9].collect { code(it) }
        haversine(gaps[0].location(), at(150, 150)) < 71
    }

    def "a missing cell on the community's outer edge is no gap: the community is just smaller"() {
        expect:
        validator.validate(lattice().findAll { it.code().value() != code(2) }).isClean()
    }

    def "a hole filled by another community's grid is no gap of either community"() {
        given:
        def other = '110101001002'
        def grids = lattice().findAll { it.code().value() != code(5) } +
                grid(code(1, other), 'POLYGON((100 100, 200 100, 200 200, 100 200, 100 100))')

        when:
        def gaps = validator.validate(grids).problemsOf(GridProblem.Gap)

        then: 'the surrounding community still has a hole in its own union'
        gaps*.communityCode() == [COMMUNITY]
    }

    def "a code given to two grids is reported once with its count"() {
        given:
        def grids = [cell(code(1), 0, 0), cell(code(1), 1, 0), cell(code(2), 2, 0)]

        when:
        def duplicates = validator.validate(grids).problemsOf(GridProblem.DuplicateCode)

        then:
        duplicates == [new GridProblem.DuplicateCode(GridCode.parse(code(1)), 2)]
    }

    def "a grid whose code names another community than it declares is inconsistent"() {
        given:
        def grid = grid(code(1), 'POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))', '110101001002')

        when:
        def problems = validator.validate([grid]).problemsOf(GridProblem.InconsistentCode)

        then:
        problems.size() == 1
        problems[0].message().contains('code names community 110101001001 but the grid declares community 110101001002')
    }

    def "a grid whose code names another street than it declares is inconsistent"() {
        given:
        def grid = grid(code(1), 'POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))', null, '110101002')

        when:
        def reasons = validator.validate([grid]).problemsOf(GridProblem.InconsistentCode)*.reason()

        then:
        reasons.any { it.contains('code names street 110101001 but the grid declares street 110101002') }
        reasons.any { it.contains('declared community 110101001001 is not in declared street 110101002') }
    }

    def "a grid of another county than its district is inconsistent"() {
        given:
        def hierarchy = GridHierarchy.of(new District('110102', AreaName.zh('西城区')), [cell(code(1), 0, 0)])

        expect:
        validator.validate(hierarchy).problemsOf(GridProblem.InconsistentCode)*.reason() ==
                ['county 110101 is not the district\'s 110102']
    }

    def "the report names every problem and its grids, one per line, by kind"() {
        given: 'a bowtie, an overlap, a missing middle cell, a duplicate code and a grid in the wrong community'
        def grids = lattice().findAll { !(it.code().value() in [code(5), code(9)]) } + [
                grid(code(9), 'POLYGON((200 200, 300 300, 300 200, 200 300, 200 200))'),
                grid(code(10), 'POLYGON((250 0, 400 0, 400 100, 250 100, 250 0))'),
                cell(code(11), 5, 0), cell(code(11), 6, 0),
                grid(code(12), 'POLYGON((800 0, 900 0, 900 100, 800 100, 800 0))', '110101001002')]

        when:
        def lines = validator.validate(grids).toString().readLines()

        then:
        lines[0] == '12 grids, 5 problems:'
        lines[1] ==~ /  grid ${code(9)} has an invalid polygon: Self-intersection at .*/
        lines[2] ==~ /  grids ${code(3)} and ${code(10)} overlap by \d+\.\d m²/
        lines[3] ==~ /  community $COMMUNITY has a gap of \d+\.\d m² at .* between grids \[.*\]/
        lines[4] == "  grid code ${code(11)} is used by 2 grids"
        lines[5] ==~ /  grid ${code(12)}: code names community $COMMUNITY but the grid declares community 110101001002 .*/
        lines.size() == 6
    }
}
