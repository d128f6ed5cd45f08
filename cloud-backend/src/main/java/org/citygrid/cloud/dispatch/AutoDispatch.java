package org.citygrid.cloud.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.citygrid.cloud.ledger.Dispatching;
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
 * to decide by hand. It reads only the folded case ({@link Case#returnedBy()},
 * {@link Case#lastHandler()}) and the event that just happened, never the case's history.
 */
public final class AutoDispatch implements Dispatching {

    public static final Actor ACTOR = Actor.system("case-cycle");

    private final ResponsibilityTable table;
    private final HandlerLoad load;

    public AutoDispatch(ResponsibilityTable table, HandlerLoad load) {
        this.table = table;
        this.load = load;
    }

    @Override
    public Outcome next(Case c, CaseEvent last, CaseCommand cause) {
        if (c.state() != CaseState.FILED) {
            return new Outcome.NotFiled();
        }
        List<Responsibility.Assignment> candidates = new ArrayList<>(table.candidates(c.categoryCode(), c.gridCode()));
        Optional<Actor> rework = last.change() instanceof CaseChange.CheckFailed ? c.lastHandler() : Optional.empty();
        Optional<String> preferredHandler = rework.map(Actor::id);
        if (rework.isPresent()) {
            String department = rework.get().department();
            Responsibility.Assignment listed = candidates.stream().filter(a -> a.department().equals(department))
                    .findFirst().orElse(new Responsibility.Assignment(department, List.of(preferredHandler.get())));
            candidates.remove(listed);
            candidates.add(0, listed);
        }
        Set<String> returned = c.returnedBy();
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
}
