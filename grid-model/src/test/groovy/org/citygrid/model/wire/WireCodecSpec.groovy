package org.citygrid.model.wire

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import java.time.Instant
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseSnapshot
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.testkit.CaseWalks
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.CommandRejected
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.cases.Rejection
import org.citygrid.model.cases.RejectionReason
import org.citygrid.model.cases.Stage
import org.citygrid.model.intake.AlarmState
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.intake.IntakeRejection
import org.citygrid.model.intake.SensorAlarm
import spock.lang.Specification

class WireCodecSpec extends Specification {

    def "every kind of case event survives a round trip"() {
        given: 'event histories that between them hold every kind of change'
        def events = (1..60).collectMany { CaseWalks.walk(it) }
        def kinds = events*.change()*.getClass() as Set

        when:
        def copies = events.collect { WireCodec.events().read(WireCodec.events().write(it)) }

        then:
        kinds == CaseChange.permittedSubclasses as Set
        copies == events
    }

    def "the snapshot of a case at every step of a random history survives a round trip"() {
        given:
        def events = CaseWalks.walk(11)
        def snapshots = (1..events.size()).collect { CaseSnapshot.of(Case.replay(events.subList(0, it))) }

        when:
        def copies = snapshots.collect { WireCodec.snapshots().read(WireCodec.snapshots().write(it)) }

        then:
        copies == snapshots
    }

    def "a report whose grid code is not a unit grid code is refused"() {
        given:
        def report = WireCodec.commands().writeString(new CaseCommand('cmd-1', 'case-1', RESIDENT, T0, null,
                new CaseAction.Report(report())))

        when:
        WireCodec.commands().read(report.replace('"110101001001001"', '"1101-not-a-grid"'))

        then:
        def e = thrown(WireFormatException)
        e.message.contains('1101-not-a-grid')
    }

    def "a #action.getClass().simpleName command survives a round trip"() {
        given:
        def command = new CaseCommand('cmd-1', 'case-1', OPERATOR, T0, 3L, action)

        expect:
        WireCodec.commands().read(WireCodec.commands().writeString(command)) == command

        where:
        action << CaseWalks.candidates(new Random(7)) + [new CaseAction.Report(report()), new CaseAction.Accept(),
                                                                   new CaseAction.RequestExtension(Duration.ofMinutes(90), 'x')]
    }

    def "a command names its action by type"() {
        when:
        def json = WireCodec.commands().writeString(CaseCommand.of('c1', 'case-1', SYSTEM, T0, new CaseAction.MarkOverdue(Stage.CHECK)))

        then:
        json == '{"v":1,"commandId":"c1","caseId":"case-1","actor":{"id":"system:case-cycle","role":"SYSTEM"},' +
                '"at":"2026-03-02T01:00:00Z","action":{"type":"MarkOverdue","stage":"CHECK"}}'
    }

    def "intake records, rejections and command rejections survive a round trip"() {
        given:
        def sensor = new IntakeRecord('edge-1:d1:e1:RAISED', Channel.SENSOR, 'edge-1', T0, null, 'water-level', 'd1',
                new SensorAlarm('d1:e1', AlarmState.RAISED, 'level', 0.42, 'm', 0.3), new GeoPoint(116.4, 39.9), null, 'd1', false, null)
        def rejection = new IntakeRejection('x', IntakeRejection.Reason.MALFORMED, 'not JSON', '{{', T0)
        def refused = CommandRejected.of(CaseCommand.of('c9', 'case-1', HANDLER, T0, new CaseAction.Accept()),
                new Rejection(RejectionReason.WRONG_STATE, 'nope'))

        expect:
        WireCodec.intake().read(WireCodec.intake().write(sensor)) == sensor
        WireCodec.intakeRejections().read(WireCodec.intakeRejections().write(rejection)) == rejection
        WireCodec.commandRejections().read(WireCodec.commandRejections().write(refused)) == refused
    }

    def "a reader refuses #problem with a message that says what is wrong"() {
        when:
        WireCodec.commands().read(json)

        then:
        def e = thrown(WireFormatException)
        e.message.contains(expected)

        where:
        problem                     | json                                                                                            || expected
        'text that is not JSON'     | 'hello'                                                                                         || 'must be JSON'
        'a JSON array'              | '[1,2]'                                                                                         || 'must be a JSON object'
        'a missing version'         | '{"commandId":"c"}'                                                                             || 'needs an integer "v"'
        'a newer major version'     | '{"v":2,"commandId":"c"}'                                                                       || 'understands case command version 1, not version 2'
        'an unknown action'         | cmd('{"type":"Demolish"}')                                                                      || 'Demolish'
        'a missing actor'           | '{"v":1,"commandId":"c","caseId":"k","at":"2026-03-02T01:00:00Z","action":{"type":"Accept"}}'   || 'actor'
        'a bad instant'             | '{"v":1,"commandId":"c","caseId":"k","actor":{"id":"a","role":"OPERATOR"},"at":"yesterday","action":{"type":"Accept"}}' || 'at'
        'an unknown role'           | '{"v":1,"commandId":"c","caseId":"k","actor":{"id":"a","role":"KING"},"at":"2026-03-02T01:00:00Z","action":{"type":"Accept"}}' || 'KING'
        'a handler without a department' | '{"v":1,"commandId":"c","caseId":"k","actor":{"id":"a","role":"HANDLER"},"at":"2026-03-02T01:00:00Z","action":{"type":"Accept"}}' || 'a handler acts for a department'
        'a number given as text'    | cmd('{"type":"Rate","score":"five"}')                                                           || 'score'
        'trailing garbage'          | cmd('{"type":"Accept"}') + '}'                                                                  || 'must be JSON'
    }

    def "an intake record missing what its channel needs is refused with every problem named"() {
        when:
        WireCodec.intake().read('{"v":1,"intakeId":"i1","channel":"SENSOR","source":"edge-1","observedAt":"2026-03-02T01:00:00Z",' +
                '"position":{"lon":116.4,"lat":39.9},"reporterId":"d1"}')

        then:
        def e = thrown(WireFormatException)
        e.message.contains('needs a sensorType')
        e.message.contains('needs a deviceId')
        e.message.contains('needs an alarm')
    }

    def "a position outside WGS 84 ranges is refused"() {
        when:
        WireCodec.intake().read('{"v":1,"intakeId":"i1","channel":"RESIDENT","source":"app","observedAt":"2026-03-02T01:00:00Z",' +
                '"categoryCode":"0101","position":{"lon":216.4,"lat":39.9},"reporterId":"r1"}')

        then:
        def e = thrown(WireFormatException)
        e.message.contains('not a WGS 84 position')
    }

    def "fields added by a newer producer of the same version are ignored"() {
        given:
        def json = cmd('{"type":"Accept"}').replace('"v":1,', '"v":1,"traceId":"abc",')

        expect:
        WireCodec.commands().read(json).action() == new CaseAction.Accept()
    }

    static String cmd(String action) {
        '{"v":1,"commandId":"c","caseId":"k","actor":{"id":"a","role":"OPERATOR"},"at":"2026-03-02T01:00:00Z","action":' + action + '}'
    }
}
