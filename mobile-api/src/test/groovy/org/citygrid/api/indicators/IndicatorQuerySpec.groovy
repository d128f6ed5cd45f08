package org.citygrid.api.indicators

import org.citygrid.api.errors.Malformed
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset

/** The indicator query parameters and what each mistake is answered with (IndicatorsSpec runs the queries on PostGIS). */
class IndicatorQuerySpec extends Specification {

    static final String SQL = "x'); DROP TABLE api.reports; --"
    // 2026-03-01 20:00 in UTC is already 2026-03-02 in Beijing
    Clock clock = Clock.fixed(Instant.parse('2026-03-01T20:00:00Z'), ZoneOffset.UTC)

    def "#what is refused with 400 invalid-query naming #field"() {
        when:
        daily ? IndicatorQuery.parseDaily(dimension, level, code, from, to, clock)
                : IndicatorQuery.parse(dimension, level, from, to, clock)

        then:
        def e = thrown(Malformed)
        e.reason() == 'invalid-query'
        e.fieldErrors()*.field() == [field]

        where:
        what                             | dimension    | level      | from         | to           | daily | code                     || field
        'no dimension'                   | null         | 'STREET'   | null         | null         | false | null                     || 'dimension'
        'an unknown dimension'           | 'galaxy'     | null       | null         | null         | false | null                     || 'dimension'
        'the person dimension'           | 'person'     | null       | null         | null         | false | null                     || 'dimension'
        'SQL as the dimension'           | SQL          | null       | null         | null         | false | null                     || 'dimension'
        'an area without a level'        | 'area'       | null       | null         | null         | false | null                     || 'level'
        'an unknown level'               | 'area'       | 'PROVINCE' | null         | null         | false | null                     || 'level'
        'a level for departments'        | 'department' | 'STREET'   | null         | null         | false | null                     || 'level'
        'a day that is not a date'       | 'category'   | null       | 'yesterday'  | null         | false | null                     || 'from'
        'a day that does not exist'      | 'category'   | null       | '2026-02-30' | null         | false | null                     || 'from'
        'a day in another format'        | 'category'   | null       | null         | '23.11.2026' | false | null                     || 'to'
        'from after to'                  | 'category'   | null       | '2026-11-23' | '2026-11-01' | false | null                     || 'from'
        'more than 366 days'             | 'category'   | null       | '2024-01-01' | '2025-01-01' | false | null                     || 'to'
        'a daily series without a code'  | 'category'   | null       | null         | null         | true  | null                     || 'code'
        'script as the code'             | 'category'   | null       | null         | null         | true  | '<script>x</script>'     || 'code'
    }

    def "without dates a query covers the 30 days ending today in Beijing"() {
        when:
        def q = IndicatorQuery.parse('area', 'STREET', null, null, clock)

        then:
        q.to() == LocalDate.parse('2026-03-02')
        q.from() == LocalDate.parse('2026-02-01')
    }
}
