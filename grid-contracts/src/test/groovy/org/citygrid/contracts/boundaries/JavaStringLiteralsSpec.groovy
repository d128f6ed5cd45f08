package org.citygrid.contracts.boundaries

import spock.lang.Specification

/** The scanner behind ContractHomesSpec tells a topic's name in code from the same words elsewhere. */
class JavaStringLiteralsSpec extends Specification {

    def "finds #expected in #source"() {
        expect:
        JavaStringLiterals.of(source) == expected

        where:
        source                                                         || expected
        'String t = "grid.intake";'                                    || ['grid.intake']
        'f("a", "b\\"c")'                                              || ['a', 'b"c']
        '// "grid.intake" in a comment\nint x;'                        || []
        '/* "grid.intake" */ int x; /** {@code "grid.cases"} */'       || []
        "char q = '\"'; String s = \"grid.cases\";"                    || ['grid.cases']
        'String sql = "SELECT * FROM grid.cases WHERE x";'             || ['SELECT * FROM grid.cases WHERE x']
        'String sql = """\n        FROM grid.cases\n        """;'      || ['FROM grid.cases']
        'String t = """\n    grid.intake\n    """;'                    || ['grid.intake']
        'String u = "http://x"; // "grid.intake"'                      || ['http://x']
    }
}
