package org.citygrid.api.push;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.citygrid.contracts.notify.CaseNotification;

/**
 * What people are told about a case, in codes: the case cycle's vocabulary of notifications
 * ({@code what} on grid.notifications, docs/wire-formats.md) and the facts a message names.
 * {@link MessageTexts} writes it for people in Chinese and English; {@link Delivery} puts it in their
 * inboxes and on their phones.
 *
 * @param key          what the message is for, the same however often its record is read:
 *                     {@code notification:<notificationId>/<what>/<audience kind>/<audience id>}; a person's inbox
 *                     holds one message per key
 * @param what         e.g. {@code CASE_DISPATCHED}, {@code VERIFY_NEEDED}
 * @param reader       who reads it, which decides how it is worded
 * @param caseVersion  the case version after the step
 * @param at           when the step happened
 * @param categoryCode the case's category; the catalogue names it
 * @param department   the department holding the case after the step, if any
 * @param deadline     for deadline messages
 * @param found        for a verification: whether the grid worker found the problem
 * @param reason       words a person gave with the step that the message repeats (a dismissal's reason...), or null
 */
public record CaseMessage(String key, String what, Reader reader, String caseId, long caseVersion, Instant at,
                          String categoryCode, String gridCode, String department, Instant deadline, Boolean found,
                          String reason) {

    /** Who reads a message: someone who reported the case, someone working on it, or a whole community. */
    public enum Reader {
        REPORTER,
        STAFF,
        PUBLIC
    }

    /** The key of a message made from one of the case cycle's notifications: {@code notification:<message id>}. */
    public static final String NOTIFICATION = "notification:";

    public CaseMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        reason = reason == null || reason.isBlank() ? null : reason;
    }

    /**
     * What {@code recipient} of a v2 notification is told, read as {@code reader}: the record's facts, the
     * words a person gave with the step ({@code reason}, {@code found}), keyed by the documented message id
     * {@code <notificationId>/<what>/<kind>/<id>} (docs/wire-formats.md).
     */
    public static CaseMessage of(CaseNotification n, CaseNotification.Recipient recipient, Reader reader) {
        String key = NOTIFICATION + n.notificationId() + "/" + recipient.what() + "/" + recipient.audience().kind()
                + "/" + recipient.audience().id();
        return new CaseMessage(key, recipient.what().name(), reader, n.caseId(), n.caseVersion(), n.at(),
                n.categoryCode(), n.gridCode(), n.department(), n.deadline(), n.found(), n.reason());
    }

    /** What an app needs to open the case from the message (its push data and its inbox entry's). */
    public Map<String, String> data() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("caseId", caseId);
        data.put("version", Long.toString(caseVersion));
        data.put("what", what);
        data.put("key", key);
        return data;
    }
}
