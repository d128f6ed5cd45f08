package org.citygrid.cloud.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citygrid.cloud.commands.CaseHistory;
import org.citygrid.contracts.dispatch.Responsibility;
import org.citygrid.model.cases.Actor;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseAction;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseState;

/**
 * Dispatches a filed case by the responsibility table, as the command centre would:
 * <ul>
 *   <li>a new case goes to the first responsible department;</li>
 *   <li>a returned case ("not ours") goes to the next department that has not returned it;</li>
 *   <li>a case whose check failed goes back to the department that did the work, preferably to
 *       the same handler, since rework is finishing one's own job.</li>
 * </ul>
 * When every candidate has returned the case, nothing is dispatched and the command desk is told
 * to decide by hand.
 */
public final class AutoDispatch {

    public static final Actor ACTOR = Actor.system("case-cycle");

    /** What to do with a filed case. */
    public sealed interface Outcome {
        record Dispatch(CaseCommand command) implements Outcome {
        }

        record NobodyLeft() implements Outcome {
        }

        record NotFiled() implements Outcome {
        }
    }

    private final ResponsibilityTable table;
    private final HandlerLoad load;

    public AutoDispatch(ResponsibilityTable table, HandlerLoad load) {
        this.table = table;
        this.load = load;
    }

    public Outcome next(CaseHistory history, CaseCommand cause) {
        Case c = history.current();
        if (c.state() != CaseState.FILED) {
            return new Outcome.NotFiled();
        }
        List<Responsibility.Assignment> candidates = new ArrayList<>(table.candidates(c.categoryCode(), c.gridCode()));
        Optional<CaseEvent> rework = lastEventIsCheckFailed(history) ? history.lastHandled() : Optional.empty();
        Optional<String> preferredHandler = rework.map(e -> e.actor().id());
        if (rework.isPresent()) {
            String department = rework.get().actor().department();
            Responsibility.Assignment listed = candidates.stream().filter(a -> a.department().equals(department))
                    .findFirst().orElse(new Responsibility.Assignment(department, List.of(preferredHandler.get())));
            candidates.remove(listed);
            candidates.add(0, listed);
        }
        List<String> returned = history.returnedBy();
        Optional<Responsibility.Assignment> target = candidates.stream()
                .filter(a -> !returned.contains(a.department()))
                .findFirst();
        if (target.isEmpty()) {
            return new Outcome.NobodyLeft();
        }
        String department = target.get().department();
        String assignee = load.choose(target.get().handlers(), c.id(), preferredHandler).orElse(null);
        String note = rework.isPresent() ? "rework after a failed check"
                : returned.isEmpty() ? "by the responsibility table" : "re-dispatched after a return by " + String.join(", ", returned);
        return new Outcome.Dispatch(CaseCommand.of("auto-dispatch:" + c.id() + ":" + c.version(), c.id(), ACTOR,
                cause.at(), new CaseAction.Dispatch(department, assignee, note)));
    }

    private static boolean lastEventIsCheckFailed(CaseHistory history) {
        List<CaseEvent> events = history.events();
        return events.get(events.size() - 1).change() instanceof CaseChange.CheckFailed;
    }
}
