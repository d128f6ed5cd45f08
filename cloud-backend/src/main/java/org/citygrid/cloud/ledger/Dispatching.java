package org.citygrid.cloud.ledger;

import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseEvent;

/** Where a filed case goes: dispatched by the rules, or left for a person when no department is left. */
public interface Dispatching {

    /** What to do with a case after a command. */
    sealed interface Outcome {
        /** Send this dispatch through the decider. */
        record Dispatch(CaseCommand command) implements Outcome {
        }

        /** Every candidate department returned the case: the command desk must decide. */
        record NobodyLeft() implements Outcome {
        }

        /** The case is not waiting to be dispatched. */
        record NotFiled() implements Outcome {
        }
    }

    /**
     * @param c     the case after the command that just went through
     * @param last  that command's last event (a failed check sends the work back to its handler)
     * @param cause that command
     */
    Outcome next(Case c, CaseEvent last, CaseCommand cause);
}
