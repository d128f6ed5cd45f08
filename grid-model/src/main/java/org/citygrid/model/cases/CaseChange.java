package org.citygrid.model.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What happened to a case: the payload of a {@link CaseEvent}. Changes carry every fact needed to
 * rebuild the case (deadlines included), so replaying the audit trail never consults a calendar
 * or catalogue that may have changed since.
 */
public sealed interface CaseChange {

    /** A case was opened from a first report; its filing clock runs. */
    record Reported(ReportDetails details, Instant filingDeadline) implements CaseChange {
        public Reported {
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(filingDeadline, "filingDeadline");
        }
    }

    /** A grid worker verified the report on site; the case still waits to be filed. */
    record Verified(String verifier, boolean found, String note, List<Evidence> evidence) implements CaseChange {
        public Verified {
            evidence = List.copyOf(evidence);
        }
    }

    /** Filed; the dispatch clock runs. {@code automatic} when the category's rule filed it. */
    record Filed(String note, boolean automatic, Instant dispatchDeadline) implements CaseChange {
    }

    record Dismissed(String reason) implements CaseChange {
    }

    /**
     * Handed to a department; the handling clock (re)starts.
     *
     * @param redispatch whether the case was taken from another department that still held it
     */
    record Dispatched(String department, String assignee, String note, boolean redispatch,
                      Instant handlingDeadline) implements CaseChange {
    }

    record Accepted(String handler) implements CaseChange {
    }

    /** The department gave the case back; it waits for dispatch again. */
    record Returned(String department, String reason, Instant dispatchDeadline) implements CaseChange {
    }

    record ExtensionRequested(Duration extra, String reason) implements CaseChange {
    }

    record ExtensionApproved(Duration extra, String note, Instant handlingDeadline) implements CaseChange {
    }

    record ExtensionRejected(String reason) implements CaseChange {
    }

    /** On hold; {@code remaining} is the handling time left, counted by the category's clock. */
    record Suspended(String reason, CaseState resumeTo, Duration remaining) implements CaseChange {
    }

    record Resumed(String note, CaseState state, Instant handlingDeadline) implements CaseChange {
    }

    /** The department's feedback; {@code late} when it came after the handling deadline. */
    record Handled(String handler, String note, List<Evidence> evidence, boolean late,
                   Instant checkDeadline) implements CaseChange {
        public Handled {
            evidence = List.copyOf(evidence);
        }
    }

    record CheckPassed(String checker, String note, List<Evidence> evidence) implements CaseChange {
        public CheckPassed {
            evidence = List.copyOf(evidence);
        }
    }

    /** 返工: the check failed; the case goes back to the command centre for dispatch. */
    record CheckFailed(String checker, String note, List<Evidence> evidence, int rework,
                       Instant dispatchDeadline) implements CaseChange {
        public CheckFailed {
            evidence = List.copyOf(evidence);
        }
    }

    record Closed(String note) implements CaseChange {
    }

    record Voided(String reason, CaseState from) implements CaseChange {
    }

    /** A duplicate report joined the case as extra evidence. */
    record DuplicateMerged(ReportDetails duplicate) implements CaseChange {
        public DuplicateMerged {
            Objects.requireNonNull(duplicate, "duplicate");
        }
    }

    /** A sensor alarm behind the case ended: the sensor reads normal values again. */
    record AlarmCleared(String episodeId, String sourceId) implements CaseChange {
    }

    record DeadlineApproaching(Stage stage, Instant deadline) implements CaseChange {
    }

    record Overdue(Stage stage, Instant deadline) implements CaseChange {
    }

    record Escalated(int level) implements CaseChange {
    }

    record Rated(int score, String comment) implements CaseChange {
    }
}
