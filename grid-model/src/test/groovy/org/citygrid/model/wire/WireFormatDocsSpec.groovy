package org.citygrid.model.wire

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/** Every example in docs/wire-formats.md is read by its codec and written back unchanged. */
class WireFormatDocsSpec extends Specification {

    static final Map<String, WireCodec> CODECS = [
            'intake'          : WireCodec.intake(),
            'command'         : WireCodec.commands(),
            'event'           : WireCodec.events(),
            'snapshot'        : WireCodec.snapshots(),
            'command-rejection': WireCodec.commandRejections(),
            'intake-rejection': WireCodec.intakeRejections()]

    @Shared
    List<List<String>> examples = extractExamples()

    static List<List<String>> extractExamples() {
        def doc = Files.readString(Path.of('..', 'docs', 'wire-formats.md'))
        def matcher = doc =~ /(?s)<!-- example: ([a-z-]+) -->\s*```json\n(.*?)```/
        matcher.collect { [it[1], it[2]] }
    }

    def "the documentation shows an example of every record kind"() {
        expect:
        examples*.get(0) as Set == CODECS.keySet()
    }

    def "the documentation names every kind of action in the command table and every kind of change in the event list"() {
        given:
        def doc = Files.readString(Path.of('..', 'docs', 'wire-formats.md'))
        def eventList = doc.substring(doc.indexOf('`change.type` is one of'), doc.indexOf('(`WireFormatDocsSpec` checks the list)'))

        expect:
        org.citygrid.model.cases.CaseAction.permittedSubclasses*.simpleName.findAll { !doc.contains("| `$it`") } == []
        org.citygrid.model.cases.CaseChange.permittedSubclasses*.simpleName.findAll { !eventList.contains("`$it`") } == []
    }

    def "the documented #kind example (#index) reads and writes back unchanged"() {
        given:
        def codec = CODECS[kind]
        def mapper = new ObjectMapper()

        when:
        def value = codec.read(json)

        then:
        mapper.readTree(codec.writeString(value)) == mapper.readTree(json)

        where:
        [kind, json] << extractExamples()
        index = extractExamples().findIndexOf { it[1] == json }
    }
}
