package org.citygrid.model.grid

import spock.lang.Specification

class GridCodeSpec extends Specification {

    def "parses #text into county, street, community and serial"() {
        when:
        GridCode code = GridCode.parse(text)

        then:
        code.county() == county
        code.street() == street
        code.community() == community
        code.serial() == serial
        code.toString() == text

        where:
        text              | county   | street | community | serial
        '11010100100101'  | '110101' | '001'  | '001'     | '01'
        '110101001001001' | '110101' | '001'  | '001'     | '001'
        '440305011023999' | '440305' | '011'  | '023'     | '999'
        '31010101500207'  | '310101' | '015'  | '002'     | '07'
    }

    def "rejects #text because #why"() {
        when:
        GridCode.parse(text)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(fragment)

        where:
        text                | fragment                 | why
        ''                  | '14 or 15 digits'        | 'it is empty'
        '1101010010010'     | '14 or 15 digits'        | 'it is 13 digits long'
        '1101010010010011'  | '14 or 15 digits'        | 'it is 16 digits long'
        '11010100100100A'   | 'digits only'            | 'it contains a letter'
        '110101 00100101'   | 'digits only'            | 'it contains a space'
        '990101001001001'   | 'province prefix'        | '99 is no GB/T 2260 province'
        '110100001001001'   | 'not a county'           | '110100 names a prefecture'
        '110101000001001'   | 'street must not be all zeros'    | 'street 000 does not exist'
        '110101001000001'   | 'community must not be all zeros' | 'community 000 does not exist'
        '110101001001000'   | 'serial must not be all zeros'    | 'serial 000 does not exist'
        '11010100100100'    | 'serial must not be all zeros'    | 'serial 00 does not exist'
    }

    def "null is rejected, not parsed"() {
        when:
        GridCode.parse(null)

        then:
        thrown(NullPointerException)
    }

    def "derives the street and community codes a grid belongs to"() {
        given:
        GridCode code = GridCode.parse('110101003012007')

        expect:
        code.streetCode() == '110101003'
        code.communityCode() == '110101003012'
        code.serialNumber() == 7
    }

    def "builds a code of #digits-digit serial #serial in a community"() {
        expect:
        GridCode.of('110101003012', serial, digits).value() == expected

        where:
        serial | digits | expected
        7      | 2      | '11010100301207'
        7      | 3      | '110101003012007'
        123    | 3      | '110101003012123'
    }

    def "refuses a serial that does not fit its width"() {
        when:
        GridCode.of('110101003012', 100, 2)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains('1..99')
    }

    def "15 digits is the standard form; 14 are read as the legacy local form"() {
        expect:
        GridCode.parse('110101001001001').isStandardForm()
        !GridCode.parse('110101001001001').isLegacyForm()
        GridCode.parse('31010400500601').isLegacyForm()
        !GridCode.parse('31010400500601').isStandardForm()
    }

    def "the serial's width is part of the code"() {
        expect:
        GridCode.parse('11010100100101') != GridCode.parse('110101001001001')
    }

    def "codes order as their text does: #a #relation #b"() {
        expect:
        Math.signum(GridCode.parse(a) <=> GridCode.parse(b)) == Math.signum(a <=> b)

        where:
        a                 | b                 | relation
        '110101001001001' | '110101001001002' | 'before'
        '110101001001010' | '110101001001009' | 'after'
        '11010100100101'  | '110101001001001' | 'after'
        '11010100100101'  | '110101001001100' | 'before'
        '110101001001001' | '110101001001001' | 'equal to'
        '110102001001001' | '110101999999999' | 'after'
    }

    def "codes sort by county, street, community, serial"() {
        given:
        def texts = ['110101002001001', '110101001002001', '110101001001002', '110101001001001']

        expect:
        texts.collect(GridCode::parse).sort()*.value() ==
                ['110101001001001', '110101001001002', '110101001002001', '110101002001001']
    }

    def "isValid answers without throwing"() {
        expect:
        GridCode.isValid('110101001001001')
        !GridCode.isValid('not a code')
        !GridCode.isValid(null)
    }
}
