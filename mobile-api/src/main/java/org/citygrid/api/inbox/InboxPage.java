package org.citygrid.api.inbox;

import java.util.List;

/**
 * A page of a person's inbox, newest first.
 *
 * @param unread how many of all their messages are unread
 * @param next   the older page's address, or null at the oldest
 */
public record InboxPage(List<InboxItem> items, int unread, String next) {
}
