package org.citygrid.cloud.streams

import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import org.apache.kafka.clients.consumer.ConsumerRecord
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.errors.NotLeaderOrFollowerException
import org.apache.kafka.common.errors.RecordTooLargeException
import org.apache.kafka.common.errors.SerializationException
import org.apache.kafka.streams.errors.ErrorHandlerContext
import org.apache.kafka.streams.errors.ProcessorStateException
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin
import org.apache.kafka.streams.processor.api.Record
import org.citygrid.cloud.metrics.CaseCycleMetrics
import org.citygrid.contracts.topics.TopicCatalogue
import spock.lang.Specification

/** What Kafka Streams hears from the case cycle's error handlers, for each kind of failure. */
class ErrorHandlersSpec extends Specification {

    static final Instant NOW = Instant.parse('2026-03-02T02:00:00Z')

    CaseCycleMetrics metrics = new CaseCycleMetrics()
    Map<String, Object> configs = [(DeadLetters.CONFIG): new DeadLetters('citygrid-case-cycle', 'grid.dead-letters', metrics,
            Clock.fixed(NOW, ZoneOffset.UTC))]
    ErrorHandlerContext context = [topic: { 'grid.intake' }, partition: { 4 }, offset: { 77L }, processorNodeId: { 'geocoding' },
                                   sourceRawKey: { 'app-1'.bytes }, sourceRawValue: { '{"v":1}'.bytes }] as ErrorHandlerContext

    def "a record that cannot be read is set aside, in the transaction, as a dead letter keyed by its coordinates"() {
        given:
        def handler = new ErrorHandlers.Deserialization()
        handler.configure(configs)

        when:
        def response = handler.handleError(context, new ConsumerRecord<byte[], byte[]>('app-commands-by-community-repartition', 1, 9L,
                'case-1'.bytes, 'garbage'.bytes), new SerializationException('not JSON'))

        then:
        response.result().name() == 'RESUME'
        response.deadLetterQueueRecords().size() == 1
        with(response.deadLetterQueueRecords()[0]) {
            topic() == 'grid.dead-letters'
            new String(key()) == 'app-commands-by-community-repartition/1/9'
            with(TopicCatalogue.DEAD_LETTERS.read(value())) {
                consumer() == 'citygrid-case-cycle'
                new String(payload()) == 'garbage'
                reason() == 'cannot read it: SerializationException: not JSON'
                at() == NOW
            }
        }
    }

    def "a step that fails on a record sets it aside, unless Kafka failed: #failure"() {
        given:
        def handler = new ErrorHandlers.Processing()
        handler.configure(configs)

        when:
        def response = handler.handleError(context, new Record('app-1', null, 0L), failure)

        then:
        response.result().name() == result
        response.deadLetterQueueRecords().collect { TopicCatalogue.DEAD_LETTERS.read(it.value()).reason() } == reasons

        where:
        failure                                          || result   | reasons
        new IllegalArgumentException('NaN longitude')    || 'RESUME' | ['step geocoding failed: IllegalArgumentException: NaN longitude']
        new ProcessorStateException('RocksDB is gone')   || 'FAIL'   | []
    }

    def "a write: retried when Kafka says so, failing the task when Kafka refuses it, set aside when it cannot be serialised"() {
        given:
        def handler = new ErrorHandlers.Production()
        handler.configure(configs)
        def output = new ProducerRecord<byte[], byte[]>('grid.cases', 'case-1'.bytes, new byte[10])

        expect:
        handler.handleError(context, output, new NotLeaderOrFollowerException('moving')).result().name() == 'RETRY'
        handler.handleError(context, output, new RecordTooLargeException('too large')).result().name() == 'FAIL'
        handler.handleSerializationError(context, output, new SerializationException('cannot'), SerializationExceptionOrigin.VALUE)
                .deadLetterQueueRecords().size() == 1
        handler.handleSerializationError(context, new ProducerRecord('app-cases-changelog', null, null),
                new SerializationException('cannot'), SerializationExceptionOrigin.VALUE).result().name() == 'FAIL'
        metrics.deadLetters() == 1
    }
}
