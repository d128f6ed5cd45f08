package org.citygrid.demo.simulator;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The simulated people's judgement calls, apart from the HTTP that carries them out: what a handler does with a
 * task, whether the command desk approves an extension, and where it sends a returned case.
 */
public final class Choices {
    private final PeopleShares shares;
    private final Random random;

    public Choices(PeopleShares shares, Random random) {
        this.shares = shares;
        this.random = random;
    }

    /** What a handler does with a task dispatched to their department. */
    public enum OnDispatched { ACCEPT, RETURN }

    /** What a handler does with an accepted task. */
    public enum OnInProgress { REPORT_HANDLED, ASK_EXTENSION }

    /**
     * A handler returns a small share of fresh tasks. Not a case someone already returned (the desk chose this
     * department after that), nor a rework of work already reported handled. The timeline is read only when the
     * handler is minded to return the task, as a person opens the details only then.
     */
    public OnDispatched onDispatched(Supplier<Optional<CaseTimeline>> timeline) {
        if (random.nextDouble() >= shares.returnShare()) {
            return OnDispatched.ACCEPT;
        }
        return timeline.get().filter(t -> !t.wasReturned() && !t.wasHandled())
                .map(t -> OnDispatched.RETURN).orElse(OnDispatched.ACCEPT);
    }

    /** A handler asks for more time on a share of tasks, at most once per case. */
    public OnInProgress onInProgress(boolean askedBefore) {
        return !askedBefore && random.nextDouble() < shares.extensionShare() ? OnInProgress.ASK_EXTENSION
                : OnInProgress.REPORT_HANDLED;
    }

    /** The desk approves most extension requests and refuses the rest. */
    public boolean approvesExtension() {
        return random.nextDouble() < shares.approveShare();
    }

    /**
     * Where the command desk sends a returned case, or empty when it can stay where it is (the case cycle's own
     * dispatch already gave it to a department that has people and has not returned it) or nobody is left.
     *
     * @param state       the case's state now
     * @param department  the department holding it now (null when none)
     * @param returnedBy  departments that returned it
     * @param staffed     departments that have handlers to take it
     */
    public Optional<String> redispatch(String state, String department, Collection<String> returnedBy,
                                       Set<String> staffed) {
        boolean waiting = "FILED".equals(state);
        boolean stuck = "DISPATCHED".equals(state)
                && (department == null || !staffed.contains(department) || returnedBy.contains(department));
        if (!waiting && !stuck) {
            return Optional.empty();
        }
        List<String> candidates = staffed.stream().sorted()
                .filter(d -> !returnedBy.contains(d) && !d.equals(department))
                .toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }
}
