package org.citygrid.model.cases

import org.citygrid.model.testkit.*

import static org.citygrid.model.testkit.CaseFixtures.*

import java.time.Duration
import java.time.Instant
import spock.lang.Specification

/**
 * Random command sequences from random actors at random times ({@link CaseWalks}), checking what
 * must hold whatever happens. Seeds are fixed so a failure can be replayed; the failing seed is in
 * the message.
 */
class CaseInvariantsSpec extends Specification {

    def "random command sequences keep every invariant (seed #seed)"() {
        when:
        def history = CaseWalks.walk(seed) { before, after, e, h -> checkStepInvariants(before, after, e, h) }

        then: 'versions run 1, 2, 3... without a gap'
        history*.version() == (1..history.size()).toList()

        and: 'the history replays to the same case'
        Case.replay(history).version() == history.last().version()

        where:
        seed << (1..60)
    }

    def "the random walks reach every kind of change, so the invariants are tested where it matters"() {
        when:
        def seen = (1..60).collectMany { CaseWalks.walk(it) }*.change()*.getClass() as Set

        then:
        seen == CaseChange.permittedSubclasses as Set
    }

    static void checkStepInvariants(Case before, Case after, CaseEvent e, List<CaseEvent> history) {
        def changes = history*.change()
        if (after.state() == CaseState.CLOSED) {
            int lastPass = changes.findLastIndexOf { it instanceof CaseChange.CheckPassed }
            int lastFail = changes.findLastIndexOf { it instanceof CaseChange.CheckFailed }
            int lastHandled = changes.findLastIndexOf { it instanceof CaseChange.Handled }
            assert lastPass >= 0 && lastPass > lastFail && lastPass > lastHandled: 'closed without a passed check of the latest work'
        }
        after.clock().deadlines().each { stage, deadline ->
            boolean setByThisStep = before.deadline(stage).orElse(null) != deadline
            if (setByThisStep && !(e.change() instanceof CaseChange.ExtensionApproved)) {
                assert !deadline.isBefore(e.at()): "deadline $deadline of $stage set before the step at ${e.at()}"
            }
        }
        assert after.clock().deadlines().size() <= 1: 'more than one stage clock running'
        assert after.activeStage().map { after.clock().deadlines().containsKey(it) }.orElse(after.clock().deadlines().isEmpty())
        def filed = after.times().filedAt()
        if (filed.isPresent()) {
            after.clock().deadlines().values().each { assert !it.isBefore(filed.get()): 'deadline before filing' }
        }
        if (before.state().isTerminal()) {
            assert e.change() instanceof CaseChange.Rated: "a terminal case changed by ${e.change()}"
        }
        assert after.version() == before.version() + 1
        if (e.change() instanceof CaseChange.Verified) {
            assert before.state() == CaseState.REPORTED && after.state() == CaseState.REPORTED: 'verified outside the filing step'
            assert changes.count { it instanceof CaseChange.Verified } == 1: 'a report verified twice'
            assert e.actor().id() != after.report().reporterId(): 'a report verified by its own reporter'
        }
        assert after.rating().map { it >= CaseDecider.MIN_SCORE && it <= CaseDecider.MAX_SCORE }.orElse(true)
        if (after.state() in [CaseState.IN_PROGRESS, CaseState.DISPATCHED, CaseState.HANDLED]) {
            assert after.department().isPresent()
        }
        if (after.state() == CaseState.FILED) {
            assert after.department().isEmpty()
        }
    }
}
