package org.citygrid.api.notifications;

/**
 * Tells one person something that concerns them, in words they read (Chinese, then English). The one place
 * features hand such messages over: today each goes out as a push to the person's devices
 * ({@link PushedPersonNotifications}); an inbox that keeps them for the app is to be added behind this
 * interface, so that no feature has to change for it.
 */
public interface PersonNotifications {

    void tell(PersonMessage message);
}
