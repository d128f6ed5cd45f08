package org.citygrid.contracts.topics

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import org.apache.kafka.common.serialization.Serde
import org.citygrid.model.wire.WireCodec
import org.citygrid.model.wire.WireFormatDocsSpec
import spock.lang.Specification

/**
 * The catalogue against the documentation: every documented example of a topic's records goes through
 * that topic's own serde and comes back unchanged (docs/wire-formats.md's examples as grid-model's
 * WireFormatDocsSpec finds them, and the examples of the catalogue's own records), and every topic is
 * created as docs/cloud-backend.md says, under any prefix.
 */
class TopicCatalogueSpec extends Specification {

    static final ObjectMapper JSON = new ObjectMapper()

    /** The topic whose serde is grid-model's codec for {@code kind} in WireFormatDocsSpec. */
    static Topic topicFor(String kind) {
        WireCodec codec = WireFormatDocsSpec.CODECS[kind]
        def carriers = TopicCatalogue.all().findAll { it.valueSerde() instanceof WireSerde && it.valueSerde().codec().is(codec) }
        assert carriers.size() == 1: "one topic carries the ${kind} records, not ${carriers}"
        carriers.first()
    }

    /**
     * Examples of the catalogue's own records, marked {@code <!-- contract example: <topic> -->} in the docs, or
     * {@code <!-- contract example: <topic> v1 -->} for an earlier format still on the topic.
     */
    static List<List<String>> contractExamples() {
        ['wire-formats.md', 'cloud-backend.md'].collectMany { file ->
            def doc = Files.readString(Path.of('..', 'docs', file))
            (doc =~ /(?s)<!-- contract example: ([a-z.-]+)( v1)? -->\s*```json\n(.*?)```/).collect { [it[1], it[2]?.trim(), it[3]] }
        }
    }

    /** The formats a topic's readers may meet besides its current one. */
    static final Map<List<String>, Serde> EARLIER_FORMATS = [
            [TopicCatalogue.NOTIFICATIONS.name(), 'v1']: TopicCatalogue.NOTIFICATION_INTENTS_V1]

    /** Every documented example with the topic it travels on and the serde of its format. */
    static List<List<Object>> documentedExamples() {
        WireFormatDocsSpec.extractExamples().collect { kind, json -> [topicFor(kind), topicFor(kind).valueSerde(), json] } +
                contractExamples().collect { name, version, json ->
                    Topic topic = TopicCatalogue.all().find { it.name() == name }
                    [topic, version ? EARLIER_FORMATS[[name, version]] : topic.valueSerde(), json]
                }
    }

    def "a documented example of #topic's records goes through its serde unchanged"() {
        when:
        def value = serde.deserializer().deserialize(topic.name(), json.getBytes(StandardCharsets.UTF_8))
        def written = new String(serde.serializer().serialize(topic.name(), value), StandardCharsets.UTF_8)

        then:
        value != null
        serde.is(topic.valueSerde()) ? topic.valueType().isInstance(value) : EARLIER_FORMATS.containsValue(serde)
        JSON.readTree(written) == JSON.readTree(json)

        where:
        [topic, serde, json] << documentedExamples()
    }

    def "an earlier format is refused by the topic's current serde, and the reverse: a reader tells them apart by \"v\""() {
        given:
        def v2 = documentedExamples().find { it[0] == TopicCatalogue.NOTIFICATIONS && it[1].is(TopicCatalogue.NOTIFICATIONS.valueSerde()) }[2]
        def v1 = documentedExamples().find { it[0] == TopicCatalogue.NOTIFICATIONS && it[1].is(TopicCatalogue.NOTIFICATION_INTENTS_V1) }[2]

        when:
        TopicCatalogue.NOTIFICATIONS.read(v1.getBytes(StandardCharsets.UTF_8))

        then:
        thrown(org.citygrid.model.wire.WireFormatException)

        when:
        TopicCatalogue.NOTIFICATION_INTENTS_V1.read(v2.getBytes(StandardCharsets.UTF_8))

        then:
        thrown(org.citygrid.model.wire.WireFormatException)
    }

    def "every topic has its records documented with an example, and so has every earlier format"() {
        expect:
        documentedExamples().collect { it[0] }.toSet() == TopicCatalogue.all().toSet()
        documentedExamples().collect { it[1] }.toSet().containsAll(EARLIER_FORMATS.values())
    }

    def "names are unique and the compile-time names are the topics' names"() {
        given:
        def names = TopicCatalogue.all()*.name()
        def constants = TopicCatalogue.Names.declaredFields.findAll { java.lang.reflect.Modifier.isStatic(it.modifiers) }
                .collectEntries { [(it.name): it.get(null)] }

        expect:
        names.toSet().size() == names.size()
        constants.values().toSet() == names.toSet()
        constants.every { constant, name -> TopicCatalogue."${constant}".name() == name }
    }

    def "at 6 partitions every topic is created as docs/cloud-backend.md lists it"() {
        expect:
        Topics.DEFAULT.specs(6).collect { [it.name(), it.partitions(), it.configs()] } == [
                ['grid.intake', 6, ['retention.ms': '604800000']],
                ['grid.commands', 6, ['retention.ms': '604800000']],
                ['grid.case-events', 6, ['retention.ms': '-1']],
                ['grid.cases', 6, ['cleanup.policy': 'compact', 'min.compaction.lag.ms': '60000']],
                ['grid.notifications', 3, ['retention.ms': '259200000']],
                ['grid.command-rejections', 3, ['retention.ms': '604800000']],
                ['grid.intake-rejections', 3, ['retention.ms': '2592000000']],
                ['grid.responsibility', 1, ['cleanup.policy': 'compact']],
                ['grid.indicators', 3, ['cleanup.policy': 'compact']],
                ['grid.dead-letters', 3, ['retention.ms': '2592000000']]]
    }

    def "the small topics keep at least one partition"() {
        expect:
        Topics.DEFAULT.specs(partitions).collect { it.partitions() }.toSet() == counts as Set

        where:
        partitions || counts
        1          || [1]
        2          || [2, 1]
        7          || [7, 3, 1]
    }

    def "a prefix applies to every topic, in the creation specs and in every accessor"() {
        given:
        def topics = new Topics('staging.')
        def accessors = ['intake', 'commands', 'caseEvents', 'cases', 'notifications', 'commandRejections',
                         'intakeRejections', 'responsibility', 'indicators', 'deadLetters']

        expect:
        topics.specs(6)*.name() == TopicCatalogue.all().collect { 'staging.' + it.name() }
        accessors.collect { topics."${it}"() } == TopicCatalogue.all().collect { 'staging.' + it.name() }
        Topics.DEFAULT.specs(6)*.name() == TopicCatalogue.all()*.name()
        new Topics(null) == Topics.DEFAULT
    }

    def "a record that is not the topic's format is refused by its serde"() {
        when:
        topic.valueSerde().deserializer().deserialize(topic.name(), '{"v":2}'.bytes)

        then:
        thrown(org.citygrid.model.wire.WireFormatException)

        where:
        topic << TopicCatalogue.all()
    }
}
