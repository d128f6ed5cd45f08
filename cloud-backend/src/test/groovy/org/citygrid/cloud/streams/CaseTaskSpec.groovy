package org.citygrid.cloud.streams

import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import org.apache.kafka.streams.errors.ProcessorStateException
import org.citygrid.cloud.ledger.CaseOutput
import org.citygrid.cloud.metrics.CaseCycleMetrics
import org.citygrid.cloud.streams.stores.BufferedTable
import org.citygrid.cloud.testkit.MapTable
import spock.lang.Specification

/**
 * The work for one input runs all or nothing: its writes reach the stores only when it succeeds, a few
 * failed attempts leave nothing behind and set the input aside, and Kafka's own failures are not the input's.
 */
class CaseTaskSpec extends Specification {

    static final Instant NOW = Instant.parse('2026-03-02T02:00:00Z')

    MapTable<Long> store = new MapTable<>()
    BufferedTable<Long> table = new BufferedTable<>(store)
    CaseCycleMetrics metrics = new CaseCycleMetrics()
    CaseTask task = new CaseTask(null, null, null, null, null, [table],
            new DeadLetters('citygrid-case-cycle', 'grid.dead-letters', metrics, Clock.fixed(NOW, ZoneOffset.UTC)))
    CaseTask.Input input = new CaseTask.Input('app-commands-by-community-repartition', 2, 41L, '110101001001001-260302-00000001',
            '{"v":1}'.bytes)

    def "work that succeeds writes each key it touched once, after it is done"() {
        when:
        def out = task.attempt(input, {
            table.put('handler-1', 1L)
            table.put('handler-1', table.get('handler-1') + 1)
            table.put('handler-2', 1L)
            assert store.writes == []
            []
        })

        then:
        out == []
        store.writes == ['put handler-1', 'put handler-2']
        store.map == ['handler-1': 2L, 'handler-2': 1L]
    }

    def "work that fails once and then succeeds is written once, as the second attempt left it"() {
        given:
        int attempts = 0

        when:
        task.attempt(input, {
            table.put('handler-1', (table.get('handler-1') ?: 0L) + 1)
            if (++attempts == 1) {
                throw new IllegalStateException('not yet')
            }
            []
        })

        then:
        attempts == 2
        store.map == ['handler-1': 1L]
    }

    def "work that keeps failing leaves the stores as they were and sets the input aside with its coordinates and reason"() {
        given:
        store.put('handler-1', 5L)
        store.writes.clear()
        int tries = 0

        when:
        def out = task.attempt(input, {
            tries++
            table.put('handler-1', 99L)
            throw new IllegalStateException('follow-up commands of cmd-1 do not end')
        })

        then:
        tries == CaseTask.MAX_ATTEMPTS
        store.writes == []
        store.map == ['handler-1': 5L]
        out.size() == 1
        with(((CaseOutput.DeadLettered) out[0]).letter()) {
            consumer() == 'citygrid-case-cycle'
            coordinates() == 'app-commands-by-community-repartition/2/41'
            recordKey() == '110101001001001-260302-00000001'
            new String(payload()) == '{"v":1}'
            reason() == 'IllegalStateException: follow-up commands of cmd-1 do not end'
            attempts() == 3
            at() == NOW
        }
        metrics.deadLetters() == 1
        metrics.scrape().contains('citygrid_cloud_dead_letters_total{consumer="case-cycle",kind="processing"} 1.0')
    }

    def "a failure of Kafka itself is not the input's: it fails the task at once, and nothing is written"() {
        when:
        task.attempt(input, {
            table.put('handler-1', 1L)
            throw new ProcessorStateException('RocksDB cannot write')
        })

        then:
        thrown(ProcessorStateException)
        store.writes == []
        metrics.deadLetters() == 0
    }
}
