package org.citygrid.cloud.archfixture.notify;

/** A follow-up's implementation. */
public class PushSender {
}
