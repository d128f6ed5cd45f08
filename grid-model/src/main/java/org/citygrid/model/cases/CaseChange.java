package org.citygrid.model.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.citygrid.model.casenumber.CaseNumber;
import org.citygrid.model.geo.GeoPoint;

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

    /**
     * A verification task went to a named supervisor (again, to another one: {@code reassigned});
     * the verification clock runs until {@code verificationDeadline}.
     */
    record VerificationAssigned(String supervisor, String note, boolean reassigned, Instant verificationDeadline)
            implements CaseChange {
        public VerificationAssigned {
            Objects.requireNonNull(supervisor, "supervisor");
            Objects.requireNonNull(verificationDeadline, "verificationDeadline");
        }
    }

    /**
     * A grid worker verified the report on site; the case still waits to be filed, and the filing
     * clock starts again from the finding until {@code filingDeadline} (absent in events written
     * before verification tasks: the filing clock then ran on).
     */
    record Verified(String verifier, boolean found, String note, List<Evidence> evidence, Instant filingDeadline)
            implements CaseChange {
        public Verified {
            evidence = List.copyOf(evidence);
        }

        public Verified(String verifier, boolean found, String note, List<Evidence> evidence) {
            this(verifier, found, note, evidence, null);
        }
    }

    /**
     * Before filing, the supervision centre corrected the report: its category, its position and
     * grid, or its component. The earlier category and grid are kept for the audit trail.
     */
    record ReportCorrected(String categoryCode, GeoPoint position, String gridCode, String componentCode, String reason,
                           String previousCategoryCode, String previousGridCode) implements CaseChange {
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

    /** The command centre gave a wrongly filed case back to the supervision centre; it waits to be filed again. */
    record SentBack(String reason, Instant filingDeadline) implements CaseChange {
    }

    record Accepted(String handler) implements CaseChange {
    }

    /** The department gave the case back; it waits for dispatch again. */
    record Returned(String department, String reason, Instant dispatchDeadline) implements CaseChange {
    }

    /** A department asked for time: more handling time (延期), or to put the work on hold (缓办). */
    record ExtensionRequested(Duration extra, String reason, ExtensionKind kind) implements CaseChange {
        public ExtensionRequested(Duration extra, String reason) {
            this(extra, reason, null);
        }

        /** {@link ExtensionKind#EXTENSION} unless said otherwise. */
        public ExtensionKind kindOrDefault() {
            return kind == null ? ExtensionKind.EXTENSION : kind;
        }
    }

    record ExtensionApproved(Duration extra, String note, Instant handlingDeadline) implements CaseChange {
    }

    record ExtensionRejected(String reason) implements CaseChange {
    }

    /**
     * A department's request to put the work on hold (缓办) was approved: the case is on hold as if
     * suspended, with the handling time left in {@code remaining}.
     */
    record PostponementApproved(String note, String reason, CaseState resumeTo, Duration remaining) implements CaseChange {
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

    /**
     * A check task went to a named supervisor (again, to another: {@code reassigned}); the check
     * clock starts again until {@code checkDeadline}.
     */
    record CheckAssigned(String supervisor, String note, boolean reassigned, Instant checkDeadline) implements CaseChange {
        public CheckAssigned {
            Objects.requireNonNull(supervisor, "supervisor");
            Objects.requireNonNull(checkDeadline, "checkDeadline");
        }
    }

    /**
     * The check passed; the closing clock runs until {@code closingDeadline} (absent in events
     * written before the closing stage: no clock then ran until the case closed).
     */
    record CheckPassed(String checker, String note, List<Evidence> evidence, Instant closingDeadline) implements CaseChange {
        public CheckPassed {
            evidence = List.copyOf(evidence);
        }

        public CheckPassed(String checker, String note, List<Evidence> evidence) {
            this(checker, note, evidence, null);
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

    /** 挂账: on the ledger, with the state it came from; no clock runs. */
    record Ledgered(String reason, Instant reviewBy, CaseState from) implements CaseChange {
    }

    /** 销账: taken off the ledger; it waits for dispatch until {@code dispatchDeadline}. */
    record LedgerCleared(String note, Instant dispatchDeadline) implements CaseChange {
    }

    /** 督办: the command centre pressed the department holding the case. */
    record Pressed(String department, String reason) implements CaseChange {
    }

    /** 催办: the command centre reminded the department holding the case to hurry. */
    record Urged(String department, String note) implements CaseChange {
    }

    /** The case got its readable number (案卷号). */
    record Numbered(CaseNumber number) implements CaseChange {
        public Numbered {
            Objects.requireNonNull(number, "number");
        }
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
