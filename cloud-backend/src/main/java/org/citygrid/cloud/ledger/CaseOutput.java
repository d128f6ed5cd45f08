package org.citygrid.cloud.ledger;

import org.citygrid.contracts.deadletters.DeadLetter;
import org.citygrid.contracts.indicators.DailyTally;
import org.citygrid.contracts.notify.CaseNotification;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseSnapshot;
import org.citygrid.model.cases.CommandRejected;
import org.citygrid.model.intake.IntakeRejection;

/**
 * Everything the case cycle publishes, as one type so the processors that decide can hand their
 * results to one downstream that sends each kind to its topic.
 */
public sealed interface CaseOutput {

    /** The message key on the output topic. */
    String key();

    record Event(CaseEvent event) implements CaseOutput {
        public String key() {
            return event.caseId();
        }
    }

    record Snapshot(CaseSnapshot snapshot) implements CaseOutput {
        public String key() {
            return snapshot.caseId();
        }
    }

    /**
     * A refused command. {@code payload} is set only for a command that could not even be read,
     * so that it is not lost: it travels as an extra {@code payload} field of the v1 record.
     */
    record CommandRefused(CommandRejected rejection, String payload) implements CaseOutput {
        public String key() {
            return rejection.caseId() != null ? rejection.caseId() : String.valueOf(rejection.commandId());
        }
    }

    record IntakeRefused(IntakeRejection rejection) implements CaseOutput {
        public String key() {
            return String.valueOf(rejection.intakeId());
        }
    }

    record Notification(CaseNotification notification) implements CaseOutput {
        public String key() {
            return notification.caseId();
        }
    }

    record Indicator(DailyTally delta) implements CaseOutput {
        public String key() {
            return delta.key();
        }
    }

    /** A record the case cycle gave up on, set aside on {@code grid.dead-letters}. */
    record DeadLettered(DeadLetter letter) implements CaseOutput {
        public String key() {
            return letter.coordinates();
        }
    }
}
