package org.citygrid.api.testkit

import org.citygrid.contracts.notify.CaseNotification
import org.citygrid.contracts.notify.NotificationIntent.Audience
import org.citygrid.contracts.notify.NotificationIntent.What
import org.citygrid.contracts.topics.TopicCatalogue
import org.citygrid.model.cases.CaseState

import java.time.Instant

/**
 * Writes grid.notifications v2 records as cloud-backend's case cycle does (one per case event, every
 * audience in it, through the catalogue's serde): cloud-backend does not run in mobile-api's tests.
 */
class CaseNotifications {

    /** One recipient: {@code what} told to {@code kind}/{@code id} ({@code USER}, {@code REPORTER}, {@code GRID}...). */
    static CaseNotification.Recipient to(String what, String kind, String id) {
        new CaseNotification.Recipient(What.valueOf(what), new Audience(Audience.Kind.valueOf(kind), id))
    }

    /**
     * A notification of version {@code caseVersion} of {@code caseId}, with the record's facts in {@code facts}
     * (step, state, categoryCode, gridCode, department, deadline, found, reason, at), defaults for the rest.
     */
    static CaseNotification of(String caseId, long caseVersion, List<CaseNotification.Recipient> recipients, Map facts = [:]) {
        new CaseNotification("${caseId}:${caseVersion}".toString(), caseId, caseVersion,
                Instant.parse((facts.at ?: '2026-03-02T01:10:00Z') as String), (facts.step ?: 'Dispatched') as String,
                CaseState.valueOf((facts.state ?: 'DISPATCHED') as String),
                (facts.containsKey('categoryCode') ? facts.categoryCode : 'C0101') as String,
                (facts.gridCode ?: '110101001001023') as String,
                (facts.containsKey('department') ? facts.department : 'DRAINAGE') as String, null,
                facts.deadline == null ? null : Instant.parse(facts.deadline as String), null,
                facts.found as Boolean, facts.reason as String, recipients)
    }

    /** Writes {@code notification} onto grid.notifications, keyed by its case, {@code copies} times. */
    static void send(CaseNotification notification, int copies = 1) {
        copies.times {
            Topics.send(TestStack.NOTIFICATIONS, notification.caseId(), TopicCatalogue.NOTIFICATIONS.write(notification))
        }
    }

    /** The key mobile-api gives the message of {@code recipient} (push data {@code key}, the inbox's). */
    static String key(CaseNotification n, CaseNotification.Recipient recipient) {
        "notification:${n.notificationId()}/${recipient.what()}/${recipient.audience().kind()}/${recipient.audience().id()}".toString()
    }
}
