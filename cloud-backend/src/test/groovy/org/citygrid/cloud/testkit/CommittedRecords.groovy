package org.citygrid.cloud.testkit

import java.time.Duration
import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.wire.WireCodec
import org.citygrid.model.wire.WireJson

/**
 * What a case cycle has committed to its topics so far, read from the start with read_committed: the view of
 * every downstream reader, so aborted transactions of a killed instance are not counted.
 */
class CommittedRecords {

    private final LiveCaseCycle live

    CommittedRecords(LiveCaseCycle live) {
        this.live = live
    }

    /** Every committed case event, by case, in topic order. */
    Map<String, List<CaseEvent>> eventsByCase() {
        values(live.topics.caseEvents()).collect { WireCodec.events().read(it) }.groupBy { it.caseId() }
    }

    /** Of cases {@code ids}: their committed events by case once every one of them is dispatched, else null. */
    Map<String, List<CaseEvent>> dispatchedAll(Collection<String> ids) {
        def seen = eventsByCase().findAll { it.key in ids }
        ids.every { id -> seen[id]?.any { it.change() instanceof CaseChange.Dispatched } } ? seen : null
    }

    /** For each command id, what came of it: its events' change names and {@code rejected REASON} for refusals. */
    Map<String, List<String>> outcomesByCommand() {
        Map<String, List<String>> outcomes = [:].withDefault { [] }
        values(live.topics.caseEvents()).collect { WireCodec.events().read(it) }.each {
            outcomes[it.commandId()] << it.change().class.simpleName
        }
        values(live.topics.commandRejections()).collect { WireJson.mapper().readValue(it, Map) }.each {
            outcomes[it.commandId as String] << "rejected ${it.reason}".toString()
        }
        outcomes
    }

    List<byte[]> values(String topic) {
        def consumer = new KafkaConsumer<String, byte[]>(live.settings.kafkaClient() + [
                (ConsumerConfig.ISOLATION_LEVEL_CONFIG)  : 'read_committed',
                (ConsumerConfig.AUTO_OFFSET_RESET_CONFIG): 'earliest'] as Map<String, Object>,
                new StringDeserializer(), new ByteArrayDeserializer())
        try {
            def partitions = consumer.partitionsFor(topic).collect { new TopicPartition(topic, it.partition()) }
            consumer.assign(partitions)
            consumer.seekToBeginning(partitions)
            def end = consumer.endOffsets(partitions)
            List<byte[]> values = []
            while (partitions.any { consumer.position(it) < end[it] }) {
                consumer.poll(Duration.ofMillis(200)).each { values << it.value() }
            }
            values
        } finally {
            consumer.close()
        }
    }
}
