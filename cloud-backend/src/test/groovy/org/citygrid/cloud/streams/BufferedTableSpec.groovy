package org.citygrid.cloud.streams

import org.citygrid.cloud.streams.stores.BufferedTable
import org.citygrid.cloud.testkit.MapTable
import spock.lang.Specification

/** Pending writes are seen by every read of the buffered table, scans included, before they reach the store. */
class BufferedTableSpec extends Specification {

    MapTable<String> store = new MapTable<>()
    BufferedTable<String> table = new BufferedTable<>(store)

    def setup() {
        ['a|1': 'one', 'a|2': 'two', 'b|1': 'three', 'c|1': 'four'].each { k, v -> store.map.put(k, v) }
    }

    def "reads and scans see pending puts and deletes; the store sees nothing until commit"() {
        when:
        table.put('a|3', 'new')
        table.delete('a|1')
        table.put('b|1', 'changed')

        then:
        table.get('a|1') == null
        table.get('b|1') == 'changed'
        table.withPrefix('a|').collect { it.key } == ['a|2', 'a|3']
        table.upTo('b|~', 10).collect { "${it.key}=${it.value}" } == ['a|2=two', 'a|3=new', 'b|1=changed']
        table.upTo('b|~', 2).collect { it.key } == ['a|2', 'a|3']
        table.all().size() == 4
        store.writes == []

        when:
        table.commit()

        then:
        store.writes == ['put a|3', 'delete a|1', 'put b|1']
        store.map.keySet() as List == ['a|2', 'a|3', 'b|1', 'c|1']
    }

    def "a discard forgets what was pending"() {
        when:
        table.put('a|1', 'gone')
        table.delete('c|1')
        table.discard()
        table.commit()

        then:
        table.get('a|1') == 'one'
        store.writes == []
    }

    def "a scan up to a key is not shortened by deletes of entries the store would return"() {
        when:
        table.delete('a|1')
        table.delete('a|2')

        then:
        table.upTo('z', 2).collect { it.key } == ['b|1', 'c|1']
    }
}
