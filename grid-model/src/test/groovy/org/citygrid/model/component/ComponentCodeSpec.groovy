package org.citygrid.model.component

import spock.lang.Specification

class ComponentCodeSpec extends Specification {

    def "a component code is county, class and serial: #text"() {
        when:
        def code = ComponentCode.parse(text)

        then:
        code.county() == county
        code.categoryCode() == category
        code.serial() == serial
        code.value() == text
        code.toString() == text

        where:
        text               || county   | category | serial
        '1101010101000042' || '110101' | 'C0101'  | 42
        '3205080101000001' || '320508' | 'C0101'  | 1
        '1101010118999999' || '110101' | 'C0118'  | 999999
        '1101010701000007' || '110101' | 'C0701'  | 7
    }

    def "'#text' is refused: #why"() {
        when:
        ComponentCode.parse(text)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(message)

        where:
        why                        | text                 || message
        'fifteen digits'           | '110101010100004'    || 'is 16 digits'
        'a letter'                 | '11010101010000A2'   || 'is 16 digits'
        'a province, no county'    | '1100000101000001'   || 'province or prefecture'
        'class 00'                 | '1101010001000001'   || 'component class is 01..99'
        'serial 0'                 | '1101010101000000'   || 'serial is 000001..999999'
    }

    def "codes order by county, class and serial"() {
        expect:
        ['1101010118000002', '1101010101000010', '1101010118000001'].collect(ComponentCode::parse).sort()*.value() ==
                ['1101010101000010', '1101010118000001', '1101010118000002']
    }
}
