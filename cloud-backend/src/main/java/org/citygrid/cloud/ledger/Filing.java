package org.citygrid.cloud.ledger;

import java.util.Optional;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseCommand;

/** Whether a case files itself now: the command that files it, else empty. */
public interface Filing {

    /**
     * @param c     the case after the command that just went through
     * @param cause that command: a follow-up carries its time
     */
    Optional<CaseCommand> next(Case c, CaseCommand cause);
}
