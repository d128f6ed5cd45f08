package org.citygrid.api.desk;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.cases.CaseViews;
import org.citygrid.api.errors.Forbidden;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.validation.Texts;
import org.citygrid.model.text.TextRules;

/**
 * The desks of the centres' posts and of the departments' handlers: the queues of one's post
 * ({@link DeskPosts}) with their counts, a page of one queue with the steps one may take on each
 * case, and a search. A handler's desk holds their department's cases only.
 */
@Singleton
public class DeskService {

    /** Most cases on one page or in one search answer. */
    public static final int MAX_PAGE = 100;

    private final DeskStore store;
    private final CaseViews cases;
    private final Clock clock;

    DeskService(DeskStore store, CaseViews cases, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.clock = clock;
    }

    public Desk desk(CurrentUser user) {
        List<DeskQueue> queues = queuesOf(user);
        return new Desk(user.role().name(), department(user), DeskPosts.readOnly(user.role()),
                store.summaries(queues, department(user), clock.instant()));
    }

    /**
     * A page of a queue of the person's desk, with each case's allowed steps.
     *
     * @param page 0-based
     */
    public QueuePage queue(CurrentUser user, String queueName, int page, int size) {
        List<DeskQueue> queues = queuesOf(user);
        DeskQueue queue = queues.stream().filter(q -> q.name().equalsIgnoreCase(queueName)).findFirst()
                .orElseThrow(() -> new NotFound("no queue " + queueName + " on the desk of a " + user.role()));
        if (page < 0) {
            throw Invalid.field("page", "0 or more");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw Invalid.field("size", "1 to " + MAX_PAGE);
        }
        Instant now = clock.instant();
        String department = department(user);
        // counted with the post's other queues: the overdue queue is the late cases among them
        long total = store.summaries(queues, department, now).stream().filter(s -> s.queue() == queue)
                .findFirst().orElseThrow().count();
        List<DeskItem> items = store.page(queue, queues, department, now, page * size, size).stream()
                .map(i -> i.withAllowedActions(cases.allowed(user, i.caseId()))).toList();
        return new QueuePage(queue, total, page, size, items);
    }

    /** Cases found by case number, grid code, address or description (at least 2 characters). */
    public List<DeskItem> search(CurrentUser user, String text) {
        queuesOf(user);
        String q = text == null ? "" : text.strip();
        if (q.length() < 2 || q.length() > 100) {
            throw Invalid.field("q", "2 to 100 characters");
        }
        Texts.accept(TextRules.note().named("q"), q);
        return store.search(q, department(user), clock.instant(), 50);
    }

    private static List<DeskQueue> queuesOf(CurrentUser user) {
        List<DeskQueue> queues = DeskPosts.queuesOf(user.role())
                .orElseThrow(() -> Forbidden.because("a " + user.role() + " has no desk"));
        if (DeskPosts.departmental(user.role()) && user.department() == null) {
            throw Forbidden.because("a handler without a department has no desk");
        }
        return queues;
    }

    private static String department(CurrentUser user) {
        return DeskPosts.departmental(user.role()) ? user.department() : null;
    }
}
