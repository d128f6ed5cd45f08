package org.citygrid.model.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.citygrid.model.casenumber.CaseNumber;

/**
 * The centres' work on one case: its number, who of the centres filed and dispatched it last, the
 * verification or check task that is open, the ledger entry, and how many extensions were granted.
 * Immutable and bounded; {@link Case#apply} moves it on. The indicators read it to attribute a
 * wrong filing or a wrong dispatch to the post that made it.
 *
 * @param number             the case number (案卷号), once assigned
 * @param filedBy            who filed the case last; kept when it is sent back, replaced when filed again
 * @param dispatchedBy       who dispatched it last (a person, or {@code system:...})
 * @param verificationTask   the verification task open now
 * @param checkTask          the check task open now
 * @param ledger             the ledger entry while the case is on the ledger (挂账)
 * @param extensionsGranted  how many extensions (延期) were granted: the next needs a higher approval tier
 */
public record CaseWork(CaseNumber number, String filedBy, String dispatchedBy, Task verificationTask, Task checkTask,
                       Ledger ledger, int extensionsGranted) {

    /** No work done yet. */
    public static final CaseWork NONE = new CaseWork(null, null, null, null, null, null, 0);

    /**
     * A task sent to a named supervisor (监督员), on site by {@code deadline}.
     *
     * @param supervisor the supervisor's user id
     * @param assignedAt when it was sent
     * @param deadline   when it is due, on the category's clock
     * @param assignedBy who sent it (an acceptor, or the case cycle by patrol area)
     */
    public record Task(String supervisor, Instant assignedAt, Instant deadline, String assignedBy) {
        public Task {
            Objects.requireNonNull(supervisor, "supervisor");
            Objects.requireNonNull(assignedAt, "assignedAt");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /**
     * Why and since when a case is on the ledger (挂账), and when to look at it again.
     *
     * @param from the state it left; a case taken off the ledger waits for dispatch again
     */
    public record Ledger(Instant since, String reason, Instant reviewBy, CaseState from) {
        public Ledger {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(from, "from");
        }
    }

    public CaseWork {
        if (extensionsGranted < 0) {
            throw new IllegalArgumentException("extensions granted are never negative: " + extensionsGranted);
        }
    }

    public Optional<CaseNumber> caseNumber() {
        return Optional.ofNullable(number);
    }

    public Optional<Task> openVerificationTask() {
        return Optional.ofNullable(verificationTask);
    }

    public Optional<Task> openCheckTask() {
        return Optional.ofNullable(checkTask);
    }

    public Optional<Ledger> ledgerEntry() {
        return Optional.ofNullable(ledger);
    }

    CaseWork numbered(CaseNumber n) {
        return new CaseWork(n, filedBy, dispatchedBy, verificationTask, checkTask, ledger, extensionsGranted);
    }

    CaseWork filedBy(String who) {
        return new CaseWork(number, who, dispatchedBy, null, checkTask, ledger, extensionsGranted);
    }

    CaseWork dispatchedBy(String who) {
        return new CaseWork(number, filedBy, who, verificationTask, checkTask, ledger, extensionsGranted);
    }

    CaseWork verificationTask(Task task) {
        return new CaseWork(number, filedBy, dispatchedBy, task, checkTask, ledger, extensionsGranted);
    }

    CaseWork checkTask(Task task) {
        return new CaseWork(number, filedBy, dispatchedBy, verificationTask, task, ledger, extensionsGranted);
    }

    CaseWork ledger(Ledger entry) {
        return new CaseWork(number, filedBy, dispatchedBy, verificationTask, checkTask, entry, extensionsGranted);
    }

    CaseWork extensionGranted() {
        return new CaseWork(number, filedBy, dispatchedBy, verificationTask, checkTask, ledger, extensionsGranted + 1);
    }

    /** No task open: what a case that reached the end, or went back a step, has. */
    CaseWork withoutTasks() {
        return new CaseWork(number, filedBy, dispatchedBy, null, null, ledger, extensionsGranted);
    }
}
