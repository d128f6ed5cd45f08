package org.citygrid.api.desk;

import static org.citygrid.api.desk.DeskQueue.EXTENSIONS;
import static org.citygrid.api.desk.DeskQueue.HANDLING;
import static org.citygrid.api.desk.DeskQueue.IN_HAND;
import static org.citygrid.api.desk.DeskQueue.OVERDUE;
import static org.citygrid.api.desk.DeskQueue.SUSPENDED;
import static org.citygrid.api.desk.DeskQueue.TO_ACCEPT;
import static org.citygrid.api.desk.DeskQueue.TO_CHECK;
import static org.citygrid.api.desk.DeskQueue.TO_CLOSE;
import static org.citygrid.api.desk.DeskQueue.TO_DISPATCH;
import static org.citygrid.api.desk.DeskQueue.TO_FILE;
import static org.citygrid.api.desk.DeskQueue.TO_SIGN;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which queues each post's desk shows, in the order of the loop: the one table to change when the
 * posts change. The supervision centre's acceptor (受理员) takes reports in and sends checks, its
 * shift leader (值班长) files and closes; the command centre's dispatcher (派遣员) dispatches and
 * follows the departments; the legacy operator holds every post; a handler (处置人员) works their
 * department's tasks. Keyed by role name so the table reads the same before and after the posts
 * exist in grid-model's {@code Role}.
 */
public final class DeskPosts {

    private static final Map<String, List<DeskQueue>> QUEUES = Map.of(
            "ACCEPTOR", List.of(TO_ACCEPT, TO_CHECK, OVERDUE),
            "SHIFT_LEADER", List.of(TO_FILE, TO_CLOSE, OVERDUE),
            "DISPATCHER", List.of(TO_DISPATCH, EXTENSIONS, HANDLING, SUSPENDED, OVERDUE),
            "OPERATOR", List.of(TO_ACCEPT, TO_FILE, TO_DISPATCH, EXTENSIONS, HANDLING, SUSPENDED, TO_CHECK, TO_CLOSE, OVERDUE),
            "HANDLER", List.of(TO_SIGN, IN_HAND, SUSPENDED, OVERDUE));

    private DeskPosts() {
    }

    /** The queues of this role's desk, in order; empty when the role has no desk (residents, workers, administrators). */
    public static Optional<List<DeskQueue>> queuesOf(String role) {
        return Optional.ofNullable(QUEUES.get(role));
    }

    /** Whether the desk of this role works for one department only (and sees its cases only). */
    public static boolean departmental(String role) {
        return "HANDLER".equals(role);
    }
}
