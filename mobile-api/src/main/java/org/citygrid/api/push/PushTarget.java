package org.citygrid.api.push;

/** A device registration token or an FCM topic. */
public record PushTarget(String value, boolean topic) {

    public static PushTarget token(String token) {
        return new PushTarget(token, false);
    }

    /** Residents' devices are subscribed per community: notices go to this topic. */
    public static PushTarget community(String communityCode) {
        return new PushTarget("community-" + communityCode, true);
    }

    @Override
    public String toString() {
        return (topic ? "topic:" : "token:") + value;
    }
}
