package org.citygrid.api.cases;

import java.util.Map;
import java.util.Optional;
import org.citygrid.api.errors.Forbidden;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseDecider;
import org.citygrid.model.cases.Decision;
import org.citygrid.model.cases.RejectionReason;

/**
 * The case cycle's refusals the API may give at once, from the case as the read model has it, because the
 * read model catching up cannot change them: who reported a case, and who handled the work on it, are facts of
 * the sender's own part in it. The rule itself stays grid-model's {@link CaseDecider#decide}; this class only
 * runs it early and answers 403 instead of 202-then-refused.
 *
 * <ul>
 *   <li>{@code VERIFIER_IS_REPORTER}: a case's reporter is fixed by its first event, so a worker verifying
 *       their own report is refused by the case cycle whatever it has seen since.</li>
 *   <li>{@code CHECKER_IS_HANDLER}: the decider says so only when the read model shows the case handled by
 *       the sender. The case cycle would take the check only if someone else had handled it again since,
 *       which needs a check and rework in between: the sender then checks work they have not seen, as with a
 *       version conflict.</li>
 * </ul>
 * Every other reason goes to the case cycle as before (202, and the refusal on the command's status): a state,
 * a deadline, a department, a pending extension, a version, or even a rating by someone who is not (yet) a
 * follower can all change as the read model catches up.
 */
final class SettledRefusals {

    /** Each settled reason with the problem it is answered as (the types the API used before issue 14). */
    private static final Map<RejectionReason, Problem> SETTLED = Map.of(
            RejectionReason.VERIFIER_IS_REPORTER, new Problem("own-report", "Cannot verify own report",
                    "这是您本人的举报，须由另一位网格员现场核实"),
            RejectionReason.CHECKER_IS_HANDLER, new Problem("own-work", "Cannot check own work",
                    "您处置的案件须由另一位网格员核查"));

    /** A problem type, its title, and what the person is told in Chinese before the case cycle's English. */
    private record Problem(String type, String title, String zh) {
    }

    private SettledRefusals() {
    }

    /** The 403 the case cycle's refusal of {@code command} on {@code current} is answered with now, if it is settled. */
    static Optional<Forbidden> of(CaseDecider decider, Case current, CaseCommand command) {
        if (!(decider.decide(current, command) instanceof Decision.Rejected rejected)) {
            return Optional.empty();
        }
        Problem problem = SETTLED.get(rejected.rejection().reason());
        return problem == null ? Optional.empty()
                : Optional.of(new Forbidden(problem.type(), problem.title(),
                problem.zh() + " / " + rejected.rejection().message()));
    }
}
