package org.citygrid.api.testkit

import groovy.json.JsonOutput
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseAction
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
 * events are written to the read model (grid.case_events, grid.cases) and published on grid.case-events.
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

    /** What the projection writes, then what the case cycle publishes. */
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
        made.each { Topics.publish(it) }
    }

    /** A v1 notification intent on grid.notifications, as the case cycle writes one for this case's last event. */
    void intent(String what, Map audience) {
        def intent = [v           : 1, intentId: "${caseId}:${current.version()}:${what}".toString(), caseId: caseId,
                      caseVersion : current.version(), at: Instant.now().toString(), what: what, audience: audience,
                      state       : current.state().name(), categoryCode: current.categoryCode(),
                      gridCode    : current.gridCode(), department: current.department().orElse(null)]
        Topics.send(TestStack.NOTIFICATIONS, caseId, JsonOutput.toJson(intent).bytes)
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
