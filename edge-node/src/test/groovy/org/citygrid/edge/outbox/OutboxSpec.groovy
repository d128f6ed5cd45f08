package org.citygrid.edge.outbox

import java.nio.channels.FileChannel
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

/** The durable outbox on a real folder: what survives a close, a crash and a full disk budget. */
class OutboxSpec extends Specification {

    @TempDir
    Path dir
    @AutoCleanup
    Outbox outbox

    Outbox open(Map options = [:]) {
        outbox?.close()
        outbox = Outbox.open(dir, options.segmentBytes ?: 1L << 20, options.budgetBytes ?: 1L << 30, 30,
                { options.otherBytes ?: 0L })
        outbox
    }

    static Outbox.Entry entry(String key, String value = "value of $key") {
        new Outbox.Entry(key, value.getBytes(StandardCharsets.UTF_8))
    }

    static List<String> keys(List<OutboxRecord> records) {
        records*.key()
    }

    List<Path> segmentFiles() {
        Files.list(dir).findAll { it.fileName.toString().endsWith('.log') }.sort()
    }

    def "appended entries are read back in order with their keys, values and offsets"() {
        given:
        open()

        when:
        def first = outbox.append([entry('a'), entry('b')])
        def third = outbox.append([entry('c')])

        then:
        first == 0
        third == 2
        def records = outbox.read(0, 10)
        records*.offset() == [0L, 1L, 2L]
        keys(records) == ['a', 'b', 'c']
        new String(records[2].value(), StandardCharsets.UTF_8) == 'value of c'
    }

    def "what was appended is there after the outbox is closed and opened again"() {
        given:
        open()
        outbox.append([entry('a'), entry('b')])

        when:
        open()
        def next = outbox.append([entry('c')])

        then:
        next == 2
        keys(outbox.read(0, 10)) == ['a', 'b', 'c']
        outbox.depth() == 3
    }

    def "the acknowledged cursor survives a reopen: forwarding resumes after it"() {
        given:
        open()
        outbox.append([entry('a'), entry('b'), entry('c')])
        outbox.acknowledge(1)

        when:
        open()

        then:
        outbox.acknowledged() == 1
        outbox.depth() == 1
        keys(outbox.read(outbox.acknowledged() + 1, 10)) == ['c']
    }

    def "a crash that #damage loses only the last, unacknowledged record"() {
        given: 'three records, then damage at the end of the segment as a crash mid-write leaves it'
        open()
        outbox.append([entry('a'), entry('b')])
        def sizeBefore = Files.size(segmentFiles()[0])
        outbox.append([entry('c', 'x' * 200)])
        outbox.close()
        outbox = null
        damageTail(segmentFiles()[0], sizeBefore)

        when:
        open()

        then: 'the intact records are there, the torn one is cut off'
        keys(outbox.read(0, 10)) == ['a', 'b']
        outbox.truncatedOnOpen() > 0
        Files.size(segmentFiles()[0]) == sizeBefore

        and: 'the next record takes the free offset and survives another reopen'
        outbox.append([entry('d')]) == 2
        open()
        keys(outbox.read(0, 10)) == ['a', 'b', 'd']

        where:
        damage                                 | damageTail
        'cut the last record in its header'    | { Path f, long keep -> truncate(f, keep + 5) }
        'cut the last record in its body'      | { Path f, long keep -> truncate(f, Files.size(f) - 20) }
        'flipped a byte of the last record'    | { Path f, long keep -> flip(f, Files.size(f) - 3) }
        'left zeros after the last record'     | { Path f, long keep -> truncate(f, keep); append(f, new byte[64]) }
    }

    def "damage inside a segment costs only the damaged record: the intact ones after it are kept"() {
        given: 'four records in one segment, the second damaged on disk'
        open()
        outbox.append([entry('a')])
        def secondStart = Files.size(segmentFiles()[0])
        outbox.append([entry('b')])
        def secondEnd = Files.size(segmentFiles()[0])
        outbox.append([entry('c'), entry('d')])
        outbox.close()
        outbox = null
        flip(segmentFiles()[0], secondStart + 30)

        when:
        open()

        then: 'the forwarder sees a, c and d, and the cut-out stretch is exactly b'
        keys(outbox.read(0, 10)) == ['a', 'c', 'd']
        outbox.read(0, 10)*.offset() == [0L, 2L, 3L]
        outbox.truncatedOnOpen() == secondEnd - secondStart

        and: 'the repaired segment takes new records and reads back the same after another reopen'
        outbox.append([entry('e')]) == 4
        open()
        keys(outbox.read(0, 10)) == ['a', 'c', 'd', 'e']
    }

    def "an append that would exceed the disk budget is refused whole and writes nothing"() {
        given:
        open(budgetBytes: 1000)
        outbox.append([entry('a', 'x' * 300), entry('b', 'x' * 300)])
        def bytes = outbox.diskBytes()

        when:
        outbox.append([entry('c', 'x' * 100), entry('d', 'x' * 300)])

        then:
        def full = thrown(OutboxFullException)
        full.retryAfterSeconds() == 30
        full.message.contains('1000 bytes')
        outbox.diskBytes() == bytes
        outbox.nextOffset() == 2
        keys(outbox.read(0, 10)) == ['a', 'b']
    }

    def "disk used by stored photos counts against the same budget"() {
        given:
        open(budgetBytes: 1000, otherBytes: 900L)

        when:
        outbox.append([entry('a', 'x' * 200)])

        then:
        thrown(OutboxFullException)
    }

    def "forwarded segments are deleted, which makes room again"() {
        given: 'small segments and a budget that three records fill'
        open(segmentBytes: 300, budgetBytes: 1200)
        outbox.append([entry('a', 'x' * 300)])
        outbox.append([entry('b', 'x' * 300)])
        outbox.append([entry('c', 'x' * 300)])
        assert segmentFiles().size() == 3

        when: 'the first two are acknowledged by Kafka'
        outbox.acknowledge(1)

        then:
        segmentFiles().size() == 1
        outbox.append([entry('d', 'x' * 300)]) == 3
        keys(outbox.read(2, 10)) == ['c', 'd']
    }

    def "an outbox whose every segment was forwarded and deleted continues its offsets after a reopen"() {
        given:
        open(segmentBytes: 100)
        outbox.append([entry('a', 'x' * 150)])
        outbox.append([entry('b', 'x' * 150)])
        outbox.acknowledge(1)

        when:
        open(segmentBytes: 100)

        then:
        outbox.append([entry('c')]) == 2
        outbox.depth() == 1
    }

    def "reads go on across segment boundaries, and from any offset after older segments are deleted"() {
        given: 'one record per segment'
        open(segmentBytes: 50)
        ['a', 'b', 'c', 'd', 'e'].each { outbox.append([entry(it)]) }

        expect:
        keys(outbox.read(0, 2)) == ['a', 'b']
        keys(outbox.read(2, 10)) == ['c', 'd', 'e']

        when:
        outbox.acknowledge(2)

        then:
        keys(outbox.read(3, 10)) == ['d', 'e']
        keys(outbox.read(4, 10)) == ['e']
        outbox.read(5, 10).isEmpty()
    }

    def "concurrent appenders each get their own offsets and every record is durable"() {
        given:
        open(segmentBytes: 8 * 1024)
        def pool = Executors.newFixedThreadPool(8)

        when:
        def offsets = (0..<8).collect { t ->
            pool.submit({ (0..<50).collect { i -> outbox.append([entry("t$t-$i")]) } } as Callable)
        }.collectMany { it.get() }
        open(segmentBytes: 8 * 1024)

        then:
        offsets.sort() == (0L..<400L).toList()
        outbox.read(0, 1000).size() == 400
        keys(outbox.read(0, 1000)).toSet().size() == 400

        cleanup:
        pool.shutdownNow()
    }

    static void truncate(Path f, long size) {
        FileChannel.open(f, StandardOpenOption.WRITE).withCloseable { it.truncate(size) }
    }

    static void append(Path f, byte[] bytes) {
        Files.write(f, bytes, StandardOpenOption.APPEND)
    }

    static void flip(Path f, long position) {
        byte[] all = Files.readAllBytes(f)
        all[(int) position] = (byte) (all[(int) position] ^ 0x5a)
        Files.write(f, all)
    }
}
