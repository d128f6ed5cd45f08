package org.citygrid.api.testkit

import org.citygrid.contracts.notify.CaseNotification
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseDecider
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.category.CatalogueCaseRules
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.wire.WireCodec

import java.time.Instant

/**
 * One case as the case cycle would keep it, played by a spec (cloud-backend does not run in mobile-api's
 * tests): each step is decided by grid-model's real {@link CaseDecider} on the shipped catalogue's rules
 * (China's working calendar), and what it decides is done as the case cycle and its projection do it: the
 * events are written to the read model (grid.case_events, grid.cases) and published on grid.case-events, and what
 * the case cycle tells the case's reporters of each is written to grid.notifications (v2).
 * A refused step fails the spec with the decider's reason.
 */
class PlayedCase {

    static final CaseDecider DECIDER = new CaseDecider(CatalogueCaseRules.chinaDefault())

    final String caseId
    Case current
    final List<CaseEvent> events = []
    private int commands = 0

    private PlayedCase(String caseId) {
        this.caseId = caseId
    }

    /** The case an intake record opens in {@code gridCode}, as the case cycle's Report makes it. */
    static PlayedCase reported(IntakeRecord intake, String gridCode, Instant at = Instant.now()) {
        def id = "${gridCode}-${String.format('%tY%<tm%<td', Date.from(at)).substring(2)}-${String.format('%08x', new Random().nextInt())}".toString()
        def played = new PlayedCase(id)
        def details = new ReportDetails(intake.intakeId(), intake.channel(), intake.categoryCode(), gridCode,
                intake.position(), intake.description(), intake.reporterId(), intake.anonymous(), intake.observedAt(),
                intake.media())
        played.take(CaseCommand.of("intake:${intake.intakeId()}", id, Actor.system('case-cycle'), at,
                new CaseAction.Report(details)))
        played
    }

    /** A step by a person (an operator filing, a handler accepting...), decided now. */
    PlayedCase step(Actor actor, CaseAction action) {
        take(CaseCommand.of("played-${caseId}-${++commands}", caseId, actor, Instant.now(), action))
    }

    /** A command as the API sent it (read back from grid.commands), decided and applied. */
    PlayedCase take(CaseCommand command) {
        def decision = DECIDER.decide(current, command)
        assert decision.accepted(): "the case cycle would refuse ${command.action()} on ${caseId}: ${decision}"
        List<CaseEvent> made = decision.events()
        made.each { current = current == null ? Case.open(it) : current.apply(it) }
        events.addAll(made)
        project(made)
        this
    }

    CaseState getState() {
        current.state()
    }

    /** What the projection writes, then what the case cycle publishes: the events, and what it tells their reporters. */
    private void project(List<CaseEvent> made) {
        ReadModelFixture.insertHistory(made)
        def v = current.verification().orElse(null)
        ReadModelFixture.insertCase(caseId: caseId, version: current.version(), state: current.state().name(),
                categoryCode: current.categoryCode(), gridCode: current.gridCode(), lon: current.report().position().lon(),
                lat: current.report().position().lat(), channel: current.report().channel().name(),
                description: current.report().description(), reporterId: current.report().reporterId(),
                anonymous: current.report().anonymous(), department: current.department().orElse(null),
                assignee: current.assignee().orElse(null), activeStage: current.activeStage().map { it.name() }.orElse(null),
                deadline: current.activeStage().flatMap { current.deadline(it) }.orElse(null),
                followers: current.followers() as List, rating: current.rating().orElse(null),
                reportedAt: current.times().reportedAt(), updatedAt: current.times().updatedAt(),
                verification: v == null ? null : [verifier: v.verifier(), at: v.at().toString(), found: v.found(), note: v.note()])
        made.each { event ->
            Topics.publish(event)
            toReporters(event).ifPresent { CaseNotifications.send(notification(event, it)) }
        }
    }

    /**
     * What the case cycle tells the reporters of {@code event} (the reporters' rows of docs/cloud-backend.md's
     * table; the other audiences a spec adds with {@link #tell}): the report's own reporter for a new or a
     * merged report, every follower for the rest.
     */
    private Optional<List<CaseNotification.Recipient>> toReporters(CaseEvent event) {
        def change = event.change()
        String what = REPORTERS_TOLD[change.getClass().simpleName]
        if (what == null) {
            return Optional.empty()
        }
        List<String> who = change instanceof CaseChange.Reported ? [change.details().reporterId()]
                : change instanceof CaseChange.DuplicateMerged ? [change.duplicate().reporterId()]
                : current.followers() as List
        Optional.of(who.collect { CaseNotifications.to(what, 'REPORTER', it) })
    }

    private static final Map<String, String> REPORTERS_TOLD = [Reported: 'REPORT_RECEIVED', Verified: 'REPORT_VERIFIED',
            DuplicateMerged: 'REPORT_MERGED', Filed: 'CASE_FILED', Dismissed: 'CASE_DISMISSED', Dispatched: 'CASE_DISPATCHED',
            Accepted: 'CASE_IN_PROGRESS', Suspended: 'CASE_SUSPENDED', Resumed: 'CASE_RESUMED', Handled: 'CASE_HANDLED',
            CheckFailed: 'CHECK_FAILED', Closed: 'CASE_CLOSED', Voided: 'CASE_VOIDED']

    private CaseNotification notification(CaseEvent event, List<CaseNotification.Recipient> recipients) {
        def change = event.change()
        String reason = change.metaClass.respondsTo(change, 'reason') ? change.reason()
                : change.metaClass.respondsTo(change, 'note') ? change.note() : null
        CaseNotifications.of(caseId, event.version(), recipients, [at: event.at().toString(), step: change.getClass().simpleName,
                state: current.state().name(), categoryCode: current.categoryCode(), gridCode: current.gridCode(),
                department: current.department().orElse(null), reason: reason,
                found: change instanceof CaseChange.Verified ? change.found() : null])
    }

    /** A grid.notifications record for this case's last event telling {@code kind}/{@code id} {@code what}, as the case cycle writes one. */
    void tell(String what, String kind, String id) {
        CaseNotifications.send(CaseNotifications.of(caseId, current.version(), [CaseNotifications.to(what, kind, id)],
                [at: Instant.now().toString(), step: events.last().change().getClass().simpleName, state: current.state().name(),
                 categoryCode: current.categoryCode(), gridCode: current.gridCode(), department: current.department().orElse(null)]))
    }

    /** The intake records on grid.intake that {@code reporterId} sent, in order. */
    static List<IntakeRecord> intakeOf(String reporterId) {
        Topics.readAll(TestStack.INTAKE).collect { WireCodec.intake().read(it.value()) }.findAll { it.reporterId() == reporterId }
    }

    /** The commands on grid.commands about {@code caseId}, in order. */
    static List<CaseCommand> commandsOn(String caseId) {
        Topics.withKey(TestStack.COMMANDS, caseId).collect { WireCodec.commands().read(it.value()) }
    }
}
