package org.citygrid.model.wire

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseReports
import org.citygrid.model.cases.CaseSnapshot
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Evidence
import org.citygrid.model.testkit.CaseWalks
import spock.lang.Specification

/**
 * The folded case as one record: it round-trips exactly, it reads the event lists the case
 * cycle's store held before, and it stays small however many reports join the case.
 */
class CaseCodecSpec extends Specification {

    /** The bound docs/cloud-backend.md states for one stored case (the flood below measures it). */
    static final int CASE_RECORD_BOUND = 64 * 1024
    /** The bound for the same case's snapshot on grid.cases. */
    static final int SNAPSHOT_BOUND = 16 * 1024

    def codec = WireCodec.cases()

    def "the case at every step of random histories survives a round trip, to the byte (seed #seed)"() {
        given:
        def events = CaseWalks.walk(seed)
        def cases = (1..events.size()).collect { Case.replay(events.subList(0, it)) }

        when:
        def written = cases.collect { codec.writeString(it) }
        def copies = written.collect { codec.read(it) }

        then:
        copies == cases
        copies.collect { codec.writeString(it) } == written

        where:
        seed << [3, 11, 29]
    }

    def "the event list the cases store held before is read by folding it"() {
        given: 'what cloud-backend wrote into its cases store: {"events": [...]}, without a version'
        def events = CaseWalks.walk(7)
        def legacy = WireJson.mapper().writeValueAsString([events: events])

        expect:
        !legacy.contains('"v"')
        codec.read(legacy) == Case.replay(events)
    }

    def "a record of another version, or no case at all, is refused with a message"() {
        when:
        codec.read(json)

        then:
        def e = thrown(WireFormatException)
        e.message.contains(says)

        where:
        json                                         || says
        '{"v": 2, "caseId": "c-1"}'                  || 'version 1, not version 2'
        '{"caseId": "c-1"}'                          || '"v"'
        '{"events": []}'                             || 'does not fold'
        '{"v": 1, "caseId": "c-1", "version": 0}'    || 'invalid case'
        'not json'                                   || 'must be JSON'
    }

    def "1,000 duplicates onto one case: counted, the last 5 kept, and the stored case stays under 64 KiB"() {
        given: 'a report, then the 2,000-character descriptions of the Open311 flood, each from its own reporter with a photo'
        def text = '井盖松动车辆经过有响声请尽快处理' * 125
        assert text.length() == 2000
        Case c = act(null, RESIDENT, new CaseAction.Report(report(description: text))).v1

        when:
        (1..1000).each { i ->
            def duplicate = report(sourceId: "open311-$i", reporter: "resident-$i", description: text,
                    channel: Channel.RESIDENT)
            c = act(c, SYSTEM, new CaseAction.MergeDuplicate(duplicate), T0 + Duration.ofSeconds(i)).v1
        }
        def stored = codec.write(c)
        def snapshot = WireCodec.snapshots().write(CaseSnapshot.of(c))
        println "1,000 duplicates: stored case ${stored.length} bytes, snapshot ${snapshot.length} bytes"

        then:
        c.version() == 1001
        c.reports().duplicateCount() == 1000
        c.reports().recentDuplicates()*.sourceId() == (996..1000).collect { "open311-$it" }
        c.followers().size() == CaseReports.MAX_FOLLOWERS
        c.followers().toList() == ['resident-1'] + (2..CaseReports.MAX_FOLLOWERS).collect { "resident-$it" }

        and:
        stored.length < CASE_RECORD_BOUND
        snapshot.length < SNAPSHOT_BOUND
        codec.read(stored) == c
        CaseSnapshot.of(c).duplicates() == 1000
    }

    def "a sensor that joins a full case still makes its alarm clearable, and is not told as a person"() {
        given:
        Case c = act(null, RESIDENT, new CaseAction.Report(report())).v1
        (1..CaseReports.MAX_FOLLOWERS + 10).each { i ->
            c = act(c, SYSTEM, new CaseAction.MergeDuplicate(report(sourceId: "r-$i", reporter: "resident-x$i"))).v1
        }

        when:
        c = act(c, SYSTEM, new CaseAction.MergeDuplicate(report(sourceId: 'alarm-1', channel: Channel.SENSOR, reporter: 'mc-9'))).v1
        def (cleared, decision) = act(c, SYSTEM, new CaseAction.ClearAlarm('ep-1', 'clr-1'))

        then:
        !c.followers().contains('mc-9')
        c.reports().sensorAlarm()
        decision.accepted()
        cleared.reports().clearedEpisodes() == ['ep-1'] as Set
        !cleared.reports().people().contains('mc-9')
    }
}
