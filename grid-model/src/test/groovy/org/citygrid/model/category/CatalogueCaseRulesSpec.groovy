package org.citygrid.model.category

import java.time.Duration
import java.time.Instant
import java.time.LocalDateTime
import java.time.ZoneId
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseDecider
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Decision
import org.citygrid.model.cases.Evidence
import org.citygrid.model.cases.RejectionReason
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.cases.Role
import org.citygrid.model.cases.Stage
import org.citygrid.model.geo.GeoPoint
import spock.lang.Shared
import spock.lang.Specification

/** The state machine on the shipped catalogue and the Chinese working-day calendar. */
class CatalogueCaseRulesSpec extends Specification {

    static final ZoneId BEIJING = ZoneId.of('Asia/Shanghai')

    @Shared
    CatalogueCaseRules rules = CatalogueCaseRules.chinaDefault()

    static Instant beijing(String localDateTime) {
        LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant()
    }

    def "a #category case dispatched at #dispatchedAt Beijing time is due at #due"() {
        when:
        def deadline = rules.clock(category).deadline(beijing(dispatchedAt), rules.timeLimit(category, Stage.HANDLING))

        then:
        deadline == beijing(due)

        where:
        category | dispatchedAt          || due                   | why
        'C0101'  | '2026-02-12T10:00:00' || '2026-02-12T15:30:00' | '4 working hours across the lunch break'
        'C0101'  | '2026-02-13T16:00:00' || '2026-02-14T11:30:00' | 'Saturday 14 February is a make-up working day'
        'C0101'  | '2026-02-14T16:00:00' || '2026-02-24T11:30:00' | 'the Spring Festival holiday runs 15 to 23 February'
        'E0403'  | '2026-02-16T20:00:00' || '2026-02-16T22:00:00' | 'a gas leak runs round the clock, holiday or not'
        'E0406'  | '2026-10-01T23:30:00' || '2026-10-02T03:30:00' | 'water logging runs round the clock'
    }

    def "reports of #category through #channel are filed automatically: #auto"() {
        expect:
        rules.filesAutomatically(category, channel) == auto

        where:
        category | channel          || auto
        'C0101'  | Channel.SENSOR   || true
        'C0101'  | Channel.PATROL   || true
        'C0101'  | Channel.RESIDENT || false
        'C0101'  | Channel.OPEN311  || false
        'E0403'  | Channel.SENSOR   || false
        'E0411'  | Channel.SENSOR   || true
        'E0301'  | Channel.SENSOR   || false
    }

    def "department #code is #verdict"() {
        expect:
        rules.knowsDepartment(code) == known

        where:
        code                                | known
        'SANITATION'                        | true
        'STREET_OFFICE:110101001'           | true
        'COMMUNITY_COMMITTEE:110101001002'  | true
        'STREET_OFFICE'                     | false
        'STREET_OFFICE:1101'                | false
        'COMMUNITY_COMMITTEE:110101001'     | false
        'SANITATION:110101001'              | false
        'TAX_BUREAU'                        | false
        null                                | false

        verdict = known ? 'a dispatch target' : 'refused'
    }

    def "category #code is #verdict"() {
        expect:
        rules.knowsCategory(code) == known

        where:
        code    | known
        'C0101' | true
        'E0403' | true
        'S9101' | true
        '0101'  | false
        'C9999' | false
        'hello' | false
        null    | false

        verdict = known ? 'known' : 'unknown'
    }

    def "one extension adds at most the category's handling limit"() {
        expect:
        rules.maxExtension('C0101') == Duration.ofHours(4)
    }

    def "a manhole case dispatched before the Spring Festival is not overdue until the holiday is over"() {
        given:
        def decider = new CaseDecider(rules)
        def resident = Actor.of('resident-1', Role.RESIDENT)
        def operator = Actor.of('operator-1', Role.OPERATOR)
        def system = Actor.system('sla')
        def details = new ReportDetails('app-1', Channel.RESIDENT, 'C0101', '110101001001001', new GeoPoint(116.40, 39.91),
                'cover missing', 'resident-1', false, beijing('2026-02-14T15:50:00'), [new Evidence('m/1.jpg', 'image/jpeg')])
        Case c = null
        [[resident, new CaseAction.Report(details), '2026-02-14T15:50:00'],
         [operator, new CaseAction.File('valid'), '2026-02-14T15:55:00'],
         [operator, new CaseAction.Dispatch('WATER_SUPPLY', null, null), '2026-02-14T16:00:00']].eachWithIndex { step, i ->
            def d = decider.decide(c, CaseCommand.of("cmd-$i", 'case-1', step[0], beijing(step[2]), step[1]))
            d.events().each { c = c == null ? Case.open(it) : c.apply(it) }
        }

        when:
        def onNewYearsEve = decider.decide(c, CaseCommand.of('sla-1', 'case-1', system, beijing('2026-02-16T12:00:00'), new CaseAction.MarkOverdue(Stage.HANDLING)))
        def justBefore = decider.decide(c, CaseCommand.of('sla-2', 'case-1', system, beijing('2026-02-24T11:29:59'), new CaseAction.MarkOverdue(Stage.HANDLING)))
        def atDeadline = decider.decide(c, CaseCommand.of('sla-3', 'case-1', system, beijing('2026-02-24T11:30:00'), new CaseAction.MarkOverdue(Stage.HANDLING)))

        then:
        c.deadline(Stage.HANDLING).get() == beijing('2026-02-24T11:30:00')
        (onNewYearsEve as Decision.Rejected).rejection().reason() == RejectionReason.NOT_DUE
        (justBefore as Decision.Rejected).rejection().reason() == RejectionReason.NOT_DUE
        atDeadline.accepted()
    }
}
