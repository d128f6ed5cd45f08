package org.citygrid.cloud.filing;

import java.util.Optional;
import org.citygrid.cloud.ledger.Filing;
import org.citygrid.model.cases.Actor;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseAction;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.cases.CaseState;

/**
 * Files a new case without an operator where its category's rules say the channel is trusted
 * (sensor alarms, patrollers' reports for most categories). Every other report stays REPORTED and
 * waits for the supervision centre, which is told by a notification intent.
 */
public final class AutoFiling implements Filing {

    public static final Actor ACTOR = Actor.system("case-cycle");

    private final CaseRules rules;

    public AutoFiling(CaseRules rules) {
        this.rules = rules;
    }

    @Override
    public Optional<CaseCommand> next(Case c, CaseCommand cause) {
        if (c.state() != CaseState.REPORTED || c.version() != 1
                || !rules.filesAutomatically(c.categoryCode(), c.report().channel())) {
            return Optional.empty();
        }
        return Optional.of(CaseCommand.of("auto-file:" + c.id(), c.id(), ACTOR, cause.at(),
                new CaseAction.File("filed automatically: " + c.report().channel() + " reports of "
                        + c.categoryCode() + " are trusted")));
    }
}
