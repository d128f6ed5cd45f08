package org.citygrid.model.category

import spock.lang.Specification

class CategoryCodeSpec extends Specification {

    def "parses the canonical form #text into kind, major and minor"() {
        expect:
        CategoryCode.parse(text) == CategoryCode.of(kind, major, minor)

        where:
        text    || kind                   | major | minor
        'C0101' || CategoryKind.COMPONENT | 1     | 1
        'E0401' || CategoryKind.EVENT     | 4     | 1
        'S9101' || CategoryKind.SERVICE   | 91    | 1
        'E0699' || CategoryKind.EVENT     | 6     | 99
    }

    def "formats back to the canonical form and to the standard's four digits"() {
        given:
        def code = CategoryCode.of(CategoryKind.EVENT, 4, 6)

        expect:
        code.toString() == 'E0406'
        code.digits() == '0406'
        code.majorCode() == '04'
        code.minorCode() == '06'
    }

    def "the same four digits are different categories in different kinds"() {
        expect:
        CategoryCode.parse(CategoryKind.COMPONENT, '0101') != CategoryCode.parse(CategoryKind.EVENT, '0101')
    }

    def "rejects malformed code #text"() {
        when:
        CategoryCode.parse(text)

        then:
        thrown(IllegalArgumentException)

        where:
        text << ['0101', 'X0101', 'C101', 'C01011', 'C0000', 'C0100', 'c0101', 'C01a1', 'C０１０１']
    }

    def "orders components before events before services, then by number"() {
        expect:
        ['S9101', 'E0101', 'C0201', 'C0105'].collect { CategoryCode.parse(it) }.sort()*.toString() ==
                ['C0105', 'C0201', 'E0101', 'S9101']
    }
}
