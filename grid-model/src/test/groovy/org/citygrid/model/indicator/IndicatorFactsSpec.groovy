package org.citygrid.model.indicator

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.CaseFixtures.*
import static org.citygrid.model.indicator.Counter.*

import java.time.Duration
import java.time.Instant
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseDecider
import org.citygrid.model.cases.Stage
import org.citygrid.model.indicator.IndicatorKey.Area
import org.citygrid.model.indicator.IndicatorKey.Category
import org.citygrid.model.indicator.IndicatorKey.Department
import org.citygrid.model.indicator.IndicatorKey.Person
import spock.lang.Specification

class IndicatorFactsSpec extends Specification {

    def facts = IndicatorFacts.using(RULES)

    /** What the last step of the story contributed. */
    Map<IndicatorKey, IndicatorTally> lastContributions(Story story) {
        def (before, event, after) = story.lastStep()
        facts.contributions(before as Case, event, after as Case)
    }

    def "a report counts under the #level of its #digits-digit grid code as #code"() {
        when:
        def contributions = lastContributions(Story.reported('c1', grid: grid))

        then:
        contributions[new Area(level, code)] == IndicatorTally.of(REPORTED)
        contributions.keySet().findAll { it instanceof Area && it.level() == level } == [new Area(level, code)] as Set

        where:
        grid                  | level                | code
        Story.GRID            | AreaLevel.COUNTY     | '110101'
        Story.GRID            | AreaLevel.STREET     | '110101001'
        Story.GRID            | AreaLevel.COMMUNITY  | '110101001001'
        Story.GRID            | AreaLevel.GRID       | '110101001001001'
        Story.LEGACY_GRID   | AreaLevel.COUNTY     | '310104'
        Story.LEGACY_GRID   | AreaLevel.STREET     | '310104005'
        Story.LEGACY_GRID   | AreaLevel.COMMUNITY  | '310104005006'
        Story.LEGACY_GRID   | AreaLevel.GRID       | '31010400500601'

        digits = grid.length()
    }

    def "a report counts under its category"() {
        when:
        def contributions = lastContributions(Story.reported('c1', category: DUMPING))

        then:
        contributions[new Category(DUMPING)] == IndicatorTally.of(REPORTED)
        !contributions.containsKey(new Category(MANHOLE))
    }

    def "a grid code that is not 14 or 15 digits is refused rather than counted under a wrong area"() {
        when:
        lastContributions(Story.reported('c1', grid: '1101010010'))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('1101010010')
    }

    def "filing counts under no department: nobody holds the case yet"() {
        when:
        def contributions = lastContributions(Story.reported('c1').file())

        then:
        contributions[new Category(MANHOLE)].get(FILED) == 1
        contributions.keySet().every { !(it instanceof Department) }
    }

    def "a dispatch counts under the department it goes to"() {
        when:
        def contributions = lastContributions(Story.reported('c1').file().dispatch('WATER_SUPPLY'))

        then:
        contributions[new Department('WATER_SUPPLY')] == IndicatorTally.of(DISPATCHED).plus(IndicatorTally.of(DISPATCHED_ON_TIME))
    }

    def "a re-dispatch counts under the department that takes the case over, and not as a dispatch"() {
        when:
        def contributions = lastContributions(Story.reported('c1').file().dispatch('SANITATION').dispatch('WATER_SUPPLY'))

        then:
        contributions[new Department('WATER_SUPPLY')] == IndicatorTally.of(REDISPATCHED)
        !contributions.containsKey(new Department('SANITATION'))
    }

    def "a return counts under the department that gave the case back and the handler who did"() {
        when:
        def contributions = lastContributions(Story.reported('c1').file().dispatch().accept().giveBack(HANDLER))

        then:
        contributions[new Department('SANITATION')] == IndicatorTally.of(RETURNED)
        contributions[new Person(HANDLER.id())] == IndicatorTally.of(RETURNED)
    }

    def "a failed check counts as rework under the department whose work failed and the checker"() {
        when:
        def contributions = lastContributions(Story.reported('c1').toHandled().fail(CHECKER))

        then:
        contributions[new Department('SANITATION')].get(REWORKED) == 1
        contributions[new Person(CHECKER.id())].get(REWORKED) == 1
        !contributions.containsKey(new Person(HANDLER.id()))
    }

    def "a patrol report counts under the grid worker who made it"() {
        when:
        def contributions = lastContributions(Story.reported('c1', by: PATROLLER))

        then:
        contributions[new Person(PATROLLER.id())] == IndicatorTally.of(REPORTED)
    }

    def "filing a patrol report counts a valid report for the grid worker who made it"() {
        when:
        def contributions = lastContributions(Story.reported('c1', by: PATROLLER).file())

        then:
        contributions[new Person(PATROLLER.id())] == IndicatorTally.of(FILED)
    }

    def "a resident's report counts under no person: its filing counts only as the filer's work"() {
        when:
        def contributions = lastContributions(Story.reported('c1', by: RESIDENT).file())

        then:
        contributions.keySet().findAll { it instanceof Person } == [new Person(OPERATOR.id())] as Set
        contributions[new Person(OPERATOR.id())] == IndicatorTally.of(FILED).plus(IndicatorTally.of(FILING_ON_TIME))
        contributions[new Category(MANHOLE)].get(PUBLIC_FILED) == 1
    }

    def "a feedback counts under the handler who gave it"() {
        when:
        def contributions = lastContributions(Story.reported('c1').toHandled())

        then:
        contributions[new Person(HANDLER.id())] == IndicatorTally.of(HANDLED).plus(IndicatorTally.of(HANDLED_ON_TIME))
    }

    def "a passed check counts the check under the checker and the handling time under the handler"() {
        when:
        def contributions = lastContributions(Story.reported('c1').toHandled().pass(CHECKER))

        then:
        contributions[new Person(CHECKER.id())] == IndicatorTally.sum([
                IndicatorTally.of(CHECKED), IndicatorTally.of(CHECKED_ON_TIME), IndicatorTally.of(CHECK_PASSED)])
        contributions[new Person(HANDLER.id())] == IndicatorTally.sum([
                IndicatorTally.of(HANDLING_SAMPLES), IndicatorTally.of(HANDLING_WORKING_SECONDS, 2 * 60)])

        and: 'the case keys get both'
        contributions[new Department('SANITATION')].get(CHECKED) == 1
        contributions[new Department('SANITATION')].get(HANDLING_SAMPLES) == 1
    }

    def "a #decision #delay minutes after the report is #onTimeText by the one-hour filing deadline"() {
        given:
        def story = Story.reported('c1').after(Duration.ofMinutes(minutes))

        when:
        def contributions = lastContributions(story."$decision"())

        then:
        contributions[new Category(MANHOLE)].get(FILING_ON_TIME) == (onTime ? 1 : 0)

        where:
        decision  | minutes || onTime
        'file'    | 58      || true
        'file'    | 61      || false
        'dismiss' | 58      || true
        'dismiss' | 61      || false

        delay = minutes + 1
        onTimeText = onTime ? 'on time' : 'late'
    }

    def "a filing decision after the stage was marked overdue is late, even at the deadline itself"() {
        when:
        def story = Story.reported('c1').after(Duration.ofMinutes(59)).overdue(Stage.FILING).after(Duration.ofMinutes(-1)).file()
        def contributions = lastContributions(story)

        then: 'filed at the deadline, which alone would be on time, but after the overdue mark'
        def (reported, overdue, filed) = story.events
        overdue.change() instanceof CaseChange.Overdue
        filed.at() == (reported.change() as CaseChange.Reported).filingDeadline()
        contributions[new Category(MANHOLE)].get(FILED) == 1
        contributions[new Category(MANHOLE)].get(FILING_ON_TIME) == 0
    }

    def "a dispatch after the two-hour dispatch deadline is late"() {
        when:
        def contributions = lastContributions(Story.reported('c1').file().after(Duration.ofHours(3)).dispatch())

        then:
        contributions[new Category(MANHOLE)] == IndicatorTally.of(DISPATCHED)
        contributions[new Person(OPERATOR.id())] == IndicatorTally.of(DISPATCHED)
    }

    def "a feedback after the handling deadline is late even before the SLA clock marks the case overdue"() {
        when:
        def contributions = lastContributions(Story.reported('c1').file().dispatch().accept().after(Duration.ofHours(25)).handled())

        then:
        contributions[new Person(HANDLER.id())] == IndicatorTally.of(HANDLED)
    }

    def "a check after the four-hour check deadline is late"() {
        when:
        def contributions = lastContributions(Story.reported('c1').toHandled().after(Duration.ofHours(5)).pass())

        then:
        contributions[new Person(CHECKER.id())].get(CHECKED) == 1
        contributions[new Person(CHECKER.id())].get(CHECKED_ON_TIME) == 0
    }

    def "a closure without a hitch is on time"() {
        when:
        def contributions = lastContributions(Story.reported('c1').toClosed())

        then:
        contributions[new Category(MANHOLE)] == IndicatorTally.sum([IndicatorTally.of(CLOSED), IndicatorTally.of(CLOSED_ON_TIME),
                                                                    IndicatorTally.of(CLOSED_BY_DEADLINE)])
        contributions[new Person(OPERATOR.id())] == IndicatorTally.of(CLOSED).plus(IndicatorTally.of(CLOSED_BY_DEADLINE))
    }

    def "a case whose #stage stage went overdue is not closed on time"() {
        when:
        def contributions = lastContributions(markedOverdue(stage).toClosedFromHere())

        then: 'closed, and by the closing deadline unless that stage was the one overdue, but the case is not on time'
        contributions[new Category(MANHOLE)] == (stage == Stage.CLOSING ? IndicatorTally.of(CLOSED)
                : IndicatorTally.of(CLOSED).plus(IndicatorTally.of(CLOSED_BY_DEADLINE)))

        where:
        stage << Stage.values()
    }

    def "a case with a late feedback is not closed on time, even if it was never marked overdue"() {
        when:
        def contributions = lastContributions(Story.reported('c1').file().dispatch().accept()
                .after(Duration.ofHours(25)).handled().pass().close())

        then:
        contributions[new Category(MANHOLE)] == IndicatorTally.of(CLOSED).plus(IndicatorTally.of(CLOSED_BY_DEADLINE))
    }

    def "a case whose #step came late is not closed on time, even if it was never marked overdue"() {
        when:
        def contributions = lastContributions(story)

        then: 'closed, by the closing deadline unless the closing itself came late, and never on time'
        contributions[new Category(MANHOLE)] == (step == 'closing' ? IndicatorTally.of(CLOSED)
                : IndicatorTally.of(CLOSED).plus(IndicatorTally.of(CLOSED_BY_DEADLINE)))

        where:
        step       | story
        'filing'   | Story.reported('c1').after(Duration.ofHours(2)).file().dispatch().accept().handled().pass().close()
        'dispatch' | Story.reported('c1').file().after(Duration.ofHours(3)).dispatch().accept().handled().pass().close()
        'check'    | Story.reported('c1').file().dispatch().accept().handled().after(Duration.ofHours(5)).pass().close()
        'closing'  | Story.reported('c1').toHandled().pass().after(Duration.ofHours(2)).close()
    }

    def "a reworked case whose every step kept its deadline is closed on time"() {
        when:
        def contributions = lastContributions(Story.reported('c1').toHandled().fail().dispatch().accept().handled().pass().close())

        then:
        contributions[new Category(MANHOLE)].get(CLOSED_ON_TIME) == 1
    }

    def "an overdue #stage stage counts under #overdueCounter"() {
        when:
        def contributions = lastContributions(markedOverdue(stage))

        then:
        contributions[new Category(MANHOLE)] == IndicatorTally.of(overdueCounter)

        where:
        stage              || overdueCounter
        Stage.FILING       || OVERDUE_FILING
        Stage.VERIFICATION || OVERDUE_VERIFICATION
        Stage.DISPATCH     || OVERDUE_DISPATCH
        Stage.HANDLING     || OVERDUE_HANDLING
        Stage.CHECK        || OVERDUE_CHECK
        Stage.CLOSING      || OVERDUE_CLOSING
    }

    def "an overdue verification task counts against the supervisor it was sent to, an overdue filing against no one"() {
        expect:
        lastContributions(markedOverdue(Stage.VERIFICATION))[new Person(CHECKER.id())] == IndicatorTally.of(OVERDUE_VERIFICATION)
        lastContributions(markedOverdue(Stage.FILING)).keySet().every { !(it instanceof Person) }
    }

    def "the acceptor's work: a task sent by the running deadline is sent on time, and counts as taken in"() {
        when:
        def onTime = lastContributions(Story.reported('c1').after(Duration.ofMinutes(30)).sendToVerify(CHECKER.id(), ACCEPTOR))
        def late = lastContributions(Story.reported('c2').after(Duration.ofMinutes(90)).sendToVerify(CHECKER.id(), ACCEPTOR))

        then:
        onTime[new Person(ACCEPTOR.id())] == IndicatorTally.sum([IndicatorTally.of(VERIFICATIONS_SENT),
                                                                 IndicatorTally.of(VERIFICATIONS_SENT_ON_TIME), IndicatorTally.of(INTAKES)])
        late[new Person(ACCEPTOR.id())] == IndicatorTally.of(VERIFICATIONS_SENT).plus(IndicatorTally.of(INTAKES))
        onTime[new Category(MANHOLE)] == IndicatorTally.sum([IndicatorTally.of(VERIFICATIONS_SENT), IndicatorTally.of(VERIFICATIONS_SENT_ON_TIME)])
    }

    def "the supervisor's verification is on time by the task's own deadline, not the filing deadline"() {
        when: 'sent after 30 minutes, verified 2h50 later: past the one-hour filing limit, within the three hours of the task'
        def story = Story.reported('c1').after(Duration.ofMinutes(30)).sendToVerify().after(Duration.ofMinutes(169)).verify()

        then:
        lastContributions(story)[new Person(CHECKER.id())] == IndicatorTally.of(VERIFICATIONS).plus(IndicatorTally.of(VERIFICATIONS_ON_TIME))
    }

    def "a wrong filing counts against whoever filed it: sent back, or voided after filing"() {
        when:
        def sentBack = lastContributions(Story.reported('c1').file().step(DISPATCHER, new CaseAction.SendBack('private courtyard')))
        def voided = lastContributions(Story.reported('c2').file().voided())
        def voidedReport = lastContributions(Story.reported('c3').voided())

        then:
        sentBack[new Person(OPERATOR.id())] == IndicatorTally.of(SENT_BACK)
        voided[new Person(OPERATOR.id())] == IndicatorTally.of(VOIDED)
        voidedReport.keySet().every { !(it instanceof Person) }
    }

    def "a return counts against the dispatcher who sent the case there, as a wrong dispatch"() {
        when:
        def contributions = lastContributions(Story.reported('c1').file().step(DISPATCHER, new CaseAction.Dispatch('SANITATION', null, null))
                .accept().giveBack())

        then:
        contributions[new Person(DISPATCHER.id())] == IndicatorTally.of(MISDISPATCHED)
        contributions[new Person(HANDLER.id())] == IndicatorTally.of(RETURNED)
        contributions[new Category(MANHOLE)] == IndicatorTally.of(RETURNED)
    }

    /** A case whose {@code stage} deadline has just been marked overdue. */
    static Story markedOverdue(Stage stage) {
        def story = Story.reported('c1')
        switch (stage) {
            case Stage.FILING: return story.after(Duration.ofHours(1)).overdue(stage)
            case Stage.VERIFICATION: return story.sendToVerify().after(Duration.ofHours(3)).overdue(stage)
            case Stage.CLOSING: return story.toHandled().pass().after(Duration.ofHours(1)).overdue(stage)
            case Stage.DISPATCH: return story.file().after(Duration.ofHours(2)).overdue(stage)
            case Stage.HANDLING: return story.file().dispatch().accept().after(Duration.ofHours(24)).overdue(stage)
            case Stage.CHECK: return story.toHandled().after(Duration.ofHours(4)).overdue(stage)
        }
    }

    def "a rating of #score counts #satisfied satisfied"() {
        when:
        def contributions = lastContributions(Story.reported('c1').toClosed().rate(score))

        then:
        contributions[new Department('SANITATION')] == IndicatorTally.sum([
                IndicatorTally.of(RATINGS), IndicatorTally.of(RATING_SCORE_SUM, score), IndicatorTally.of(SATISFIED, satisfied)])

        where:
        score || satisfied
        1     || 0
        3     || 0
        4     || 1
        5     || 1
    }

    def "a void counts under the department still holding the case"() {
        when:
        def contributions = lastContributions(Story.reported('c1').file().dispatch().voided())

        then:
        contributions[new Department('SANITATION')] == IndicatorTally.of(VOIDED)
    }

    def "#what establishes no fact"() {
        when:
        def contributions = lastContributions(story.call(Story.reported('c1')))

        then:
        contributions.isEmpty()

        where:
        what                   | story
        'accepting'            | { Story s -> s.file().dispatch().accept() }
        'asking for more time' | { Story s -> s.file().dispatch().accept().step(HANDLER, new CaseAction.RequestExtension(Duration.ofHours(4), 'parts')) }
        'suspending'           | { Story s -> s.file().dispatch().step(OPERATOR, new CaseAction.Suspend('marathon')) }
        'warning of a deadline'| { Story s -> s.step(SYSTEM, new CaseAction.WarnDeadline(Stage.FILING)) }
    }

    def "handling time is counted in working hours by the category's clock"() {
        given: 'an office-hours world: dispatched on Friday 16:00, handled on Monday 10:00'
        def officeRules = new OfficeHoursRules()
        def friday = Instant.parse('2026-03-06T15:58:00Z')
        def story = Story.reported('c1', at: friday, decider: new CaseDecider(officeRules)).file().dispatch()
                .after(Duration.ofDays(2).plusHours(17).plusMinutes(58)).accept().handled().pass()
        facts = IndicatorFacts.using(officeRules)

        when:
        def contributions = lastContributions(story)

        then: 'one hour on Friday and one on Monday'
        story.current.times().firstDispatchedAt().get() == Instant.parse('2026-03-06T16:00:00Z')
        story.current.times().handledAt().get() == Instant.parse('2026-03-09T10:00:00Z')
        contributions[new Category(MANHOLE)].get(HANDLING_WORKING_SECONDS) == Duration.ofHours(2).toSeconds()
        Indicators.of(contributions[new Category(MANHOLE)]).averageHandlingHours().asDouble == 2.0d
    }

    def "handling time runs from the first dispatch to the feedback that passed, rework included"() {
        when:
        def story = Story.reported('c1').file().dispatch().accept().handled()
                .after(Duration.ofHours(1)).fail().dispatch().accept().handled().pass()
        def contributions = lastContributions(story)

        then: 'dispatch +1 min accept +1 min handled, +60 min, fail, dispatch, accept, handled: 2 + 61 + 3 = 66 minutes'
        contributions[new Category(MANHOLE)].get(HANDLING_WORKING_SECONDS) == Duration.ofMinutes(66).toSeconds()
        contributions[new Category(MANHOLE)].get(HANDLING_SAMPLES) == 1
    }

    def "contributions refuse an event that does not lead from the case before to the case after"() {
        given:
        def story = Story.reported('c1').file().dispatch()
        def (before, event, after) = story.lastStep()

        when:
        facts.contributions(after as Case, event, after as Case)

        then:
        thrown(IllegalArgumentException)
    }

    def "contributions refuse a report with a case before it"() {
        given:
        def story = Story.reported('c1')
        def (before, event, after) = story.lastStep()

        when:
        facts.contributions(after as Case, event, after as Case)

        then:
        thrown(IllegalArgumentException)
    }
}
