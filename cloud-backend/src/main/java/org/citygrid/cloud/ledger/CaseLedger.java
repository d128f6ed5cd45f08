package org.citygrid.cloud.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citygrid.contracts.notify.CaseNotification;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseDecider;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseSnapshot;
import org.citygrid.model.cases.CommandRejected;
import org.citygrid.model.cases.Decision;

/**
 * Runs commands against the cases of one partition: loads the case, lets grid-model's
 * {@code CaseDecider} decide, keeps the folded case, and sets off everything that follows
 * ({@link FollowUps}): the trackers follow each event, the SLA clock each changed case, and the
 * rules' own next steps (automatic filing, then dispatch) go through the decider like any other
 * command, so automation can never do what a person may not.
 *
 * <p>It speaks the domain only: its state is behind {@link CaseStore} and the follow-ups' interfaces,
 * and what it decides comes back as {@link CaseOutput}s for the caller to publish. The intake router,
 * the command processor and the SLA clock all act on cases this one way.
 */
public final class CaseLedger {

    /** A chain longer than report, file, dispatch means a policy is looping: stop and say so. */
    private static final int MAX_FOLLOW_UPS = 4;

    private final CaseDecider decider;
    private final CaseStore cases;
    private final FollowUps followUps;

    public CaseLedger(CaseDecider decider, CaseStore cases, FollowUps followUps) {
        this.decider = decider;
        this.cases = cases;
        this.followUps = followUps;
    }

    public Optional<Case> find(String caseId) {
        return cases.find(caseId);
    }

    /** Decides a command and everything it sets off; returns what to publish, in order. */
    public List<CaseOutput> handle(CaseCommand command) {
        Chain chain = new Chain();
        Deque<CaseCommand> queue = new ArrayDeque<>();
        queue.add(command);
        int steps = 0;
        while (!queue.isEmpty()) {
            CaseCommand next = queue.poll();
            if (steps++ > MAX_FOLLOW_UPS) {
                throw new IllegalStateException("follow-up commands of " + command.commandId() + " do not end: " + next);
            }
            Optional<CaseEvent> last = decide(next, chain);
            if (last.isEmpty()) {
                continue;
            }
            Case c = chain.cases.get(next.caseId());
            followUps.filing().next(c, next).ifPresent(queue::add);
            switch (followUps.dispatching().next(c, last.get(), next)) {
                case Dispatching.Outcome.Dispatch d -> queue.add(d.command());
                case Dispatching.Outcome.NobodyLeft n -> chain.dispatchNeeded(last.get(), c);
                case Dispatching.Outcome.NotFiled n -> {
                }
            }
        }
        // each changed case once, after its follow-ups: one store write, one snapshot (the compacted
        // topic keeps only the latest anyway) and one look at its SLA clock per command, not per step
        chain.cases.values().forEach(c -> {
            cases.save(c);
            chain.out.add(new CaseOutput.Snapshot(CaseSnapshot.of(c)));
            followUps.deadlines().follow(c, command.at());
        });
        chain.notifications.values().forEach(n -> chain.out.add(new CaseOutput.Notification(n)));
        return chain.out;
    }

    /**
     * One command: its events, or its rejection. Returns the last event, or empty if refused. Cases
     * changed earlier in the same chain come from the chain, not the store: the chain writes each case
     * once at its end, instead of reading and writing it at every step.
     */
    private Optional<CaseEvent> decide(CaseCommand command, Chain chain) {
        Case current = chain.cases.containsKey(command.caseId()) ? chain.cases.get(command.caseId())
                : cases.find(command.caseId()).orElse(null);
        Decision decision = decider.decide(current, command);
        if (decision instanceof Decision.Rejected rejected) {
            chain.out.add(new CaseOutput.CommandRefused(CommandRejected.of(command, rejected.rejection()), null));
            return Optional.empty();
        }
        CaseEvent last = null;
        for (CaseEvent event : decision.events()) {
            Case before = current;
            current = before == null ? Case.open(event) : before.apply(event);
            chain.out.add(new CaseOutput.Event(event));
            for (CaseTracker tracker : followUps.trackers()) {
                tracker.follow(before, event, current);
            }
            Case after = current;
            followUps.notices().of(before, event, after).ifPresent(n -> chain.notifications.put(key(event), n));
            last = event;
        }
        if (last != null) {
            chain.cases.put(current.id(), current);
        }
        return Optional.ofNullable(last);
    }

    private static String key(CaseEvent event) {
        return event.caseId() + ":" + event.version();
    }

    /** What one command and its follow-ups have decided so far. */
    private final class Chain {
        final List<CaseOutput> out = new ArrayList<>();
        final Map<String, Case> cases = new LinkedHashMap<>();
        final Map<String, CaseNotification> notifications = new LinkedHashMap<>();

        void dispatchNeeded(CaseEvent last, Case c) {
            String key = key(last);
            notifications.put(key, followUps.notices().withDispatchNeeded(Optional.ofNullable(notifications.get(key)), last, c));
        }
    }
}
