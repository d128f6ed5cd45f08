package org.citygrid.devstack

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class LogTailSpec extends Specification {
    @TempDir Path tmp

    def "the last lines of a log, Chinese kept readable and bytes that are not UTF-8 replaced"() {
        given:
        def log = tmp.resolve('service.log')
        def out = new ByteArrayOutputStream()
        out.write('first\nsecond\n'.bytes)
        out.write('案件已派遣 case dispatched\n'.getBytes('UTF-8'))
        out.write([0x6e, 0x61, 0x74, 0x69, 0x76, 0x65, 0x20, 0xff, 0xfe, 0x0a] as byte[]) // "native " and two stray bytes
        Files.write(log, out.toByteArray())

        expect:
        LogTail.of(log, 2) == "last lines of $log:\n    案件已派遣 case dispatched\n    native \uFFFD\uFFFD"
    }

    def "a missing log says so"() {
        expect:
        LogTail.of(tmp.resolve('none.log'), 5) == "(no log at ${tmp.resolve('none.log')})"
    }
}
