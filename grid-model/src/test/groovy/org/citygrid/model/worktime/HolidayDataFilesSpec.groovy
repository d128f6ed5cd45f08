package org.citygrid.model.worktime

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import java.time.Year

class HolidayDataFilesSpec extends Specification {

    @TempDir
    Path dir

    static HolidayYear read(String json) {
        HolidayDataFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 'test.json')
    }

    /** A valid year with one holiday, with the holiday's fields replaced by {@code holidayJson}. */
    static String yearWith(String holidayJson) {
        """{ "year": 2024, "holidays": [ $holidayJson ] }"""
    }

    static final String SPRING_FESTIVAL_NAME = '"name": {"zh": "春节", "en": "Spring Festival"}'

    def "each bundled year loads and matches its notice"() {
        when:
        def years = HolidayDataFiles.bundledChina()

        then:
        years*.year() == [Year.of(2024), Year.of(2025), Year.of(2026)]
        years.every { it.source().contains('国务院办公厅') }
        years.collect { y -> y.holidays().sum { it.daysOff().size() } } == [30, 28, 33]
        years.collect { y -> y.holidays().sum { it.makeUpWorkdays().size() } } == [8, 5, 6]
    }

    def "a day-off range is inclusive and the lists come out sorted"() {
        when:
        def year = read(yearWith("""{ $SPRING_FESTIVAL_NAME,
                "daysOff": ["2024-02-15/2024-02-17", "2024-02-10/2024-02-14"],
                "makeUpWorkdays": ["2024-02-18", "2024-02-04"] }"""))

        then:
        def holiday = year.holidays()[0]
        holiday.daysOff() == (10..17).collect { LocalDate.of(2024, 2, it) }
        holiday.makeUpWorkdays() == [LocalDate.parse('2024-02-04'), LocalDate.parse('2024-02-18')]
    }

    def "a file where #problem is refused with a message saying so"() {
        when:
        read(json)

        then:
        def e = thrown(HolidayDataException)
        e.origin() == 'test.json'
        e.problems() == [message]
        e.message.startsWith('invalid holiday data in test.json:')

        where:
        problem                               | json                                                                                                                  || message
        'a date lies outside the year'        | yearWith("""{ $SPRING_FESTIVAL_NAME, "daysOff": ["2025-02-10"] }""")                                                  || '2025-02-10 is a day off of 春节 (Spring Festival) but outside 2024'
        'a make-up day lies outside the year' | yearWith("""{ $SPRING_FESTIVAL_NAME, "daysOff": ["2024-02-10"], "makeUpWorkdays": ["2023-12-31"] }""")                 || '2023-12-31 is a make-up working day of 春节 (Spring Festival) but outside 2024'
        'a date is both off and worked'       | yearWith("""{ $SPRING_FESTIVAL_NAME, "daysOff": ["2024-02-10/2024-02-18"], "makeUpWorkdays": ["2024-02-18"] }""")      || '2024-02-18 is a make-up working day of 春节 (Spring Festival) and already a day off of 春节 (Spring Festival)'
        'a make-up day is a weekday'          | yearWith("""{ $SPRING_FESTIVAL_NAME, "daysOff": ["2024-02-10"], "makeUpWorkdays": ["2024-02-19"] }""")                 || '2024-02-19 is a make-up working day of 春节 (Spring Festival) but a MONDAY, already a working day; make-up days are Saturdays or Sundays'
        'a holiday has no name'               | yearWith('{ "daysOff": ["2024-02-10"] }')                                                                              || 'holiday #1 has no name: give "name": {"zh": ..., "en": ...}'
        'a holiday has no English name'       | yearWith('{ "name": {"zh": "春节", "en": " "}, "daysOff": ["2024-02-10"] }')                                           || 'holiday #1 needs both a Chinese (zh) and an English (en) name'
        'a holiday has no days off'           | yearWith("""{ $SPRING_FESTIVAL_NAME, "daysOff": [] }""")                                                               || 'holiday #1 春节 (Spring Festival) has no days off'
        'a holiday lacks daysOff'             | yearWith("""{ $SPRING_FESTIVAL_NAME }""")                                                                              || "holiday #1 春节 (Spring Festival) has no 'daysOff'"
        'a field name is misspelt'            | yearWith("""{ $SPRING_FESTIVAL_NAME, "daysOff": ["2024-02-10"], "makeupWorkdays": ["2024-02-04"] }""")                 || "holiday #1 春节 (Spring Festival) has an unknown field 'makeupWorkdays'; expected [daysOff, makeUpWorkdays, name, note]"
        'a date does not exist'               | yearWith("""{ $SPRING_FESTIVAL_NAME, "daysOff": ["2024-02-30"] }""")                                                   || "holiday #1 春节 (Spring Festival): '2024-02-30' in 'daysOff' is not a date yyyy-MM-dd or range yyyy-MM-dd/yyyy-MM-dd"
        'a range ends before it starts'       | yearWith("""{ $SPRING_FESTIVAL_NAME, "daysOff": ["2024-02-17/2024-02-10"] }""")                                        || "holiday #1 春节 (Spring Festival): the range '2024-02-17/2024-02-10' ends before it starts"
        'make-up days are given as a range'   | yearWith("""{ $SPRING_FESTIVAL_NAME, "daysOff": ["2024-02-10"], "makeUpWorkdays": ["2024-02-03/2024-02-04"] }""")      || "holiday #1 春节 (Spring Festival): 'makeUpWorkdays' lists single dates, not the range '2024-02-03/2024-02-04'"
        'a year has no holidays'              | '{ "year": 2024, "holidays": [] }'                                                                                    || 'no holidays: a year of Chinese public holidays always has some'
        'the year is missing'                 | '{ "holidays": [] }'                                                                                                   || "'year' is required and must be a whole number, e.g. 2025"
        'the holidays are missing'            | '{ "year": 2024 }'                                                                                                     || "'holidays' is required and must be a list"
        'the document is not an object'       | '[2024]'                                                                                                               || 'expected a JSON object with year and holidays'
    }

    def "a day off claimed by two holidays is refused"() {
        when:
        read('''{ "year": 2024, "holidays": [
                { "name": {"zh": "劳动节", "en": "Labour Day"}, "daysOff": ["2024-05-01/2024-05-05"] },
                { "name": {"zh": "青年节", "en": "Youth Day"}, "daysOff": ["2024-05-04"] } ] }''')

        then:
        def e = thrown(HolidayDataException)
        e.problems() == ['2024-05-04 is a day off of 青年节 (Youth Day) and already a day off of 劳动节 (Labour Day)']
    }

    def "every problem of a file is reported at once"() {
        when:
        read('''{ "year": 2024, "comment": "draft", "holidays": [
                { "name": {"zh": "春节", "en": "Spring Festival"}, "daysOff": ["2024-02-10", "2024-13-01"] },
                { "daysOff": ["2024-04-04"] } ] }''')

        then:
        def e = thrown(HolidayDataException)
        e.problems().size() == 3
        e.message.contains("unknown field 'comment'")
        e.message.contains("'2024-13-01'")
        e.message.contains('holiday #2 has no name')
    }

    def "text that is not JSON is refused"() {
        when:
        read('{ "year": 2024, ')

        then:
        def e = thrown(HolidayDataException)
        e.problems()[0].startsWith('not valid JSON')
    }

    def "an operator's directory adds a year to the calendar"() {
        given:
        Files.writeString(dir.resolve('cn-2027.json'), '''{ "year": 2027, "source": "operator",
                "holidays": [ { "name": {"zh": "元旦", "en": "New Year's Day"}, "daysOff": ["2027-01-01/2027-01-03"] } ] }''')
        Files.writeString(dir.resolve('README.txt'), 'not holiday data, and ignored')

        when:
        def calendar = WorkingCalendar.chinaDefault().withHolidays(HolidayDataFiles.read(dir))

        then:
        calendar.covers(Year.of(2027))
        calendar.dayType(LocalDate.parse('2027-01-01')) == DayType.HOLIDAY
    }

    def "an operator's file replaces a shipped year"() {
        given: 'a corrected 2024 in which 9 February, 除夕, is also off'
        Path file = dir.resolve('cn-2024.json')
        Files.writeString(file, '''{ "year": 2024, "source": "operator correction",
                "holidays": [ { "name": {"zh": "春节", "en": "Spring Festival"}, "daysOff": ["2024-02-09/2024-02-17"] } ] }''')

        when:
        def calendar = WorkingCalendar.chinaDefault().withHolidays(HolidayDataFiles.read(file))

        then:
        calendar.dayType(LocalDate.parse('2024-02-09')) == DayType.HOLIDAY
        calendar.dayType(LocalDate.parse('2024-02-18')) == DayType.WEEKEND
    }

    def "two files of one directory holding the same year are refused"() {
        given:
        def json = '''{ "year": 2027, "holidays": [ { "name": {"zh": "元旦", "en": "New Year's Day"}, "daysOff": ["2027-01-01"] } ] }'''
        Files.writeString(dir.resolve('a.json'), json)
        Files.writeString(dir.resolve('b.json'), json)

        when:
        HolidayDataFiles.read(dir)

        then:
        def e = thrown(HolidayDataException)
        e.origin().endsWith('b.json')
        e.problems()[0].startsWith('year 2027 is also in ')
    }
}
