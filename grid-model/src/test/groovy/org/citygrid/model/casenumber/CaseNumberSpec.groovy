package org.citygrid.model.casenumber

import java.util.concurrent.Callable
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicLong
import spock.lang.Specification

/**
 * The case number (案卷号) and the two ways the case cycle may number without a central counter per
 * case, each run as several partitions numbering at once: no number is given twice.
 */
class CaseNumberSpec extends Specification {

    def "a case number reads and writes as year-county-serial: #text"() {
        when:
        def n = CaseNumber.parse(text)

        then:
        [n.year(), n.county(), n.serial()] == [year, county, serial]
        n.value() == written

        where:
        text                    || year | county   | serial  | written
        '2026-110101-0000123'   || 2026 | '110101' | 123     | '2026-110101-0000123'
        ' 2027-310104-9999999 ' || 2027 | '310104' | 9999999 | '2027-310104-9999999'
    }

    def "'#text' is not a case number: #why"() {
        expect:
        !CaseNumber.isCaseNumber(text)

        where:
        why                         | text
        'a case id'                 | '110101001001023-260302-5f0c9a1e'
        'no dashes'                 | '20261101010000123'
        'a short serial'            | '2026-110101-123'
        'serial 0'                  | '2026-110101-0000000'
        'a province, not a county'  | '2026-110000-0000001'
        'year before 2000'          | '1999-110101-0000001'
        'nothing'                   | null
    }

    def "numbers sort by district, year and serial"() {
        expect:
        ['2026-110102-0000001', '2026-110101-0000010', '2025-110101-0000099', '2026-110101-0000002']
                .collect(CaseNumber::parse).sort()*.value() ==
                ['2025-110101-0000099', '2026-110101-0000002', '2026-110101-0000010', '2026-110102-0000001']
    }

    def "strided numbering: #partitions partitions with their own counters never give a number twice"() {
        given: 'each partition files a different number of cases in two districts, as a busy partition would'
        def numbering = new StridedNumbering(64)
        def counters = [:].withDefault { 0L }

        when:
        def numbers = (0..<partitions).collectMany { slot ->
            def r = new Random(slot)
            (1..(100 + r.nextInt(400))).collect {
                def county = r.nextBoolean() ? '110101' : '110102'
                def key = "$slot/$county"
                numbering.number(county, 2026, slot, counters[key]++)
            }
        }

        then:
        numbers.size() == numbers.toSet().size()

        and: 'each slot keeps to its residue class'
        numbers*.serial().collect { (int) (it % 64) }.toSet() == (1..partitions).collect { it % 64 }.toSet()

        where:
        partitions << [1, 3, 12, 64]
    }

    def "strided numbering refuses a slot beyond the fixed number of slots, so adding partitions cannot collide"() {
        when:
        new StridedNumbering(12).number('110101', 2026, 12, 0)

        then:
        thrown(IllegalArgumentException)
    }

    def "block numbering: partitions running at once, claiming blocks from one shared counter, never give a number twice"() {
        given: 'a store of blocks shared by every partition: one atomic counter per district and year'
        def counters = new ConcurrentHashMap<String, AtomicLong>()
        NumberBlocks blocks = { county, year -> counters.computeIfAbsent("$county/$year".toString()) { new AtomicLong() }.getAndIncrement() }
        def pool = Executors.newFixedThreadPool(6)

        when: 'six partitions number 2,000 cases each across two districts and two years'
        def results = (0..<6).collect { p ->
            pool.submit({
                def numbering = new BlockNumbering(50, blocks)
                def r = new Random(p)
                (1..2000).collect { numbering.next(r.nextBoolean() ? '110101' : '110102', 2026 + r.nextInt(2)) }
            } as Callable)
        }*.get()
        pool.shutdown()
        def all = results.flatten()

        then:
        all.size() == 12_000
        all.toSet().size() == 12_000

        and: 'dense: the serials of a district and year leave fewer gaps than a block per partition'
        all.groupBy { "$it.county/$it.year" }.every { key, numbers ->
            numbers*.serial().max() - numbers.size() < 6 * 50
        }
    }

    def "a block resumed from a partition's state goes on where it stopped, so a moved partition loses no serial"() {
        given:
        def counters = new AtomicLong()
        NumberBlocks blocks = { county, year -> counters.getAndIncrement() }
        def first = new BlockNumbering(10, blocks)
        3.times { first.next('110101', 2026) }
        def kept = first.cursor('110101', 2026).get()

        when: 'another instance takes the partition over with its stored cursor'
        def second = new BlockNumbering(10, blocks)
        second.resume('110101', 2026, kept)
        def next = second.next('110101', 2026)

        then:
        kept == new BlockNumbering.Cursor(0, 3)
        next.value() == '2026-110101-0000004'
    }
}
