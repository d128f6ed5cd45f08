package org.citygrid.cloud.commands;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.citygrid.cloud.dispatch.AutoDispatch;
import org.citygrid.cloud.dispatch.HandlerLoad;
import org.citygrid.cloud.duplicates.OpenCaseIndex;
import org.citygrid.cloud.filing.AutoFiling;
import org.citygrid.cloud.indicators.IndicatorBuffer;
import org.citygrid.cloud.indicators.IndicatorContributions;
import org.citygrid.cloud.notify.Notifier;
import org.citygrid.cloud.sla.SlaAlarm;
import org.citygrid.cloud.sla.SlaPolicy;
import org.citygrid.contracts.indicators.DailyTally;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseDecider;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseSnapshot;
import org.citygrid.model.cases.CommandRejected;
import org.citygrid.model.cases.Decision;

/**
 * Runs commands against the cases of one partition: loads the case, lets grid-model's
 * {@code CaseDecider} decide, stores the events, and keeps everything that follows from them in
 * step in the same transaction: the open-case index, handler load, SLA alarms, and the
 * commands the rules call for next (automatic filing, then dispatch). Each follow-up goes through
 * the decider like any other command, so automation can never do what a person may not.
 *
 * <p>Not a processor itself: the intake router, the command processor and the SLA punctuator all
 * act on cases, and share this one way of doing it.
 */
public final class CaseLedger {

    public static final String STORE = "cases";

    /** A chain longer than report, file, dispatch means a policy is looping: stop and say so. */
    private static final int MAX_FOLLOW_UPS = 4;

    private final CaseDecider decider;
    private final KeyValueStore<String, CaseHistory> cases;
    private final OpenCaseIndex openCases;
    private final HandlerLoad load;
    private final KeyValueStore<String, SlaAlarm> alarms;
    private final SlaPolicy sla;
    private final AutoFiling filing;
    private final AutoDispatch dispatch;
    private final Notifier notifier;
    private final IndicatorContributions indicators;
    private final IndicatorBuffer tallies;
    private final java.util.Map<String, DailyTally> pendingTallies = new java.util.HashMap<>();

    public CaseLedger(CaseDecider decider, KeyValueStore<String, CaseHistory> cases,
                      OpenCaseIndex openCases, HandlerLoad load, KeyValueStore<String, SlaAlarm> alarms, SlaPolicy sla,
                      AutoFiling filing, AutoDispatch dispatch, Notifier notifier, IndicatorContributions indicators,
                      IndicatorBuffer tallies) {
        this.decider = decider;
        this.cases = cases;
        this.openCases = openCases;
        this.load = load;
        this.alarms = alarms;
        this.sla = sla;
        this.filing = filing;
        this.dispatch = dispatch;
        this.notifier = notifier;
        this.indicators = indicators;
        this.tallies = tallies;
    }

    public CaseHistory history(String caseId) {
        return cases.get(caseId);
    }

    /** Sums the indicator tallies held since the last flush, to publish them. */
    public List<CaseOutput> flushIndicators() {
        return tallies.flush().stream().map(t -> (CaseOutput) new CaseOutput.Indicator(t)).toList();
    }

    /** Decides a command and everything it sets off; returns what to publish, in order. */
    public List<CaseOutput> handle(CaseCommand command) {
        List<CaseOutput> out = new ArrayList<>();
        Deque<CaseCommand> queue = new ArrayDeque<>();
        queue.add(command);
        int steps = 0;
        java.util.Map<String, CaseHistory> changed = new java.util.LinkedHashMap<>();
        while (!queue.isEmpty()) {
            CaseCommand next = queue.poll();
            if (steps++ > MAX_FOLLOW_UPS) {
                throw new IllegalStateException("follow-up commands of " + command.commandId() + " do not end: " + next);
            }
            CaseHistory history = decide(next, out, changed);
            if (history == null) {
                continue;
            }
            changed.put(history.current().id(), history);
            filing.next(history.current(), next).ifPresent(queue::add);
            switch (dispatch.next(history, next)) {
                case AutoDispatch.Outcome.Dispatch d -> queue.add(d.command());
                case AutoDispatch.Outcome.NobodyLeft n ->
                        out.add(new CaseOutput.Notification(notifier.dispatchNeeded(history.current(), 0)));
                case AutoDispatch.Outcome.NotFiled n -> {
                }
            }
        }
        // one snapshot per case and command, after its follow-ups: the compacted topic keeps
        // only the latest anyway, and a report's three steps need not be three snapshots
        changed.values().forEach(h -> {
            cases.put(h.current().id(), h);
            out.add(new CaseOutput.Snapshot(CaseSnapshot.of(h.current())));
        });
        // a report's steps touch the same keys three times: one store update per key, not per fact
        pendingTallies.values().forEach(tallies::add);
        pendingTallies.clear();
        return out;
    }

    /**
     * One command: its events, or its rejection. Returns the new history, or null if refused.
     * Cases changed earlier in the same chain come from {@code working}, not the store: the chain
     * writes each case once at its end, instead of reading and writing it at every step.
     */
    private CaseHistory decide(CaseCommand command, List<CaseOutput> out, java.util.Map<String, CaseHistory> working) {
        CaseHistory history = working.containsKey(command.caseId()) ? working.get(command.caseId()) : cases.get(command.caseId());
        Decision decision = decider.decide(history == null ? null : history.current(), command);
        if (decision instanceof Decision.Rejected rejected) {
            out.add(new CaseOutput.CommandRefused(CommandRejected.of(command, rejected.rejection()), null));
            return null;
        }
        for (CaseEvent event : decision.events()) {
            Case before = history == null ? null : history.current();
            history = history == null ? CaseHistory.opened(event) : history.plus(event);
            Case after = history.current();
            out.add(new CaseOutput.Event(event));
            openCases.apply(event, after);
            load.follow(before, after);
            notifier.intents(before, event, after).forEach(i -> out.add(new CaseOutput.Notification(i)));
            indicators.of(before, event, after).forEach(t -> pendingTallies.merge(t.key(), t, DailyTally::plus));
        }
        for (SlaAlarm alarm : sla.alarms(history.current(), command.at())) {
            alarms.put(alarm.key(), alarm);
        }
        return history;
    }
}
