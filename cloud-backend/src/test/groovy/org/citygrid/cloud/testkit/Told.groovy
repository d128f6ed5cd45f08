package org.citygrid.cloud.testkit

import groovy.transform.Immutable
import org.citygrid.contracts.notify.CaseNotification
import org.citygrid.contracts.notify.NotificationIntent.Audience
import org.citygrid.contracts.notify.NotificationIntent.What

/** One recipient of a notification with the notification it came in: what a person or desk was told. */
@Immutable(knownImmutableClasses = [CaseNotification, Audience])
class Told {
    What what
    Audience audience
    CaseNotification notification

    What what() { what }

    Audience audience() { audience }

    Integer level() { notification.level() }

    /** {@code WHAT KIND:id}, as specs compare them. */
    @Override
    String toString() { "${what} ${audience.kind()}:${audience.id()}" }

    static List<Told> of(CaseNotification n) {
        n.recipients().collect { new Told(it.what(), it.audience(), n) }
    }
}
