package org.citygrid.model.cases;

import static org.citygrid.model.cases.Role.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which posts own which actions: the one table of who may ask for what, enforced by
 * {@link CaseDecider} and shown in docs/roles.md (a spec reads the page's table and compares it with
 * this one, so the two cannot drift).
 *
 * <p>The supervision centre's acceptor (受理员) takes reports in, merges duplicates and sends
 * verification and check tasks; its shift leader (值班长) corrects reports, files, dismisses, voids
 * and closes. The command centre's dispatcher (派遣员) dispatches, takes a wrong filing back,
 * suspends and presses departments; extensions go to the dispatcher, the shift leader or the
 * leader by tier ({@link CaseRules#extensionApprovers}). Handlers never check their own work and
 * patrollers never dispatch. The legacy {@link Role#OPERATOR} may ask for whatever any centre
 * post may ({@link Role#holds}).
 */
public final class CommandRoles {

    private static final Map<Class<? extends CaseAction>, Set<Role>> POSTS = table();

    private CommandRoles() {
    }

    private static Map<Class<? extends CaseAction>, Set<Role>> table() {
        Map<Class<? extends CaseAction>, Set<Role>> t = new LinkedHashMap<>();
        row(t, CaseAction.Report.class, RESIDENT, GRID_WORKER, ACCEPTOR, SYSTEM);
        row(t, CaseAction.AssignVerification.class, ACCEPTOR, SYSTEM);
        row(t, CaseAction.Verify.class, GRID_WORKER);
        row(t, CaseAction.CorrectReport.class, ACCEPTOR, SHIFT_LEADER);
        row(t, CaseAction.File.class, SHIFT_LEADER, SYSTEM);
        row(t, CaseAction.Dismiss.class, SHIFT_LEADER);
        row(t, CaseAction.Dispatch.class, DISPATCHER, SYSTEM);
        row(t, CaseAction.SendBack.class, DISPATCHER);
        row(t, CaseAction.Accept.class, HANDLER);
        row(t, CaseAction.Return.class, HANDLER);
        row(t, CaseAction.RequestExtension.class, HANDLER);
        row(t, CaseAction.ApproveExtension.class, DISPATCHER, SHIFT_LEADER, LEADER);
        row(t, CaseAction.RejectExtension.class, DISPATCHER, SHIFT_LEADER, LEADER);
        row(t, CaseAction.Suspend.class, DISPATCHER);
        row(t, CaseAction.Resume.class, DISPATCHER);
        row(t, CaseAction.ReportHandled.class, HANDLER);
        row(t, CaseAction.AssignCheck.class, ACCEPTOR, SYSTEM);
        row(t, CaseAction.Check.class, GRID_WORKER);
        row(t, CaseAction.Close.class, SHIFT_LEADER, SYSTEM);
        row(t, CaseAction.Void.class, SHIFT_LEADER, ADMIN);
        row(t, CaseAction.PutOnLedger.class, LEADER);
        row(t, CaseAction.TakeOffLedger.class, DISPATCHER, LEADER);
        row(t, CaseAction.Press.class, DISPATCHER);
        row(t, CaseAction.Urge.class, DISPATCHER);
        row(t, CaseAction.AssignNumber.class, SYSTEM);
        row(t, CaseAction.MergeDuplicate.class, ACCEPTOR, SYSTEM);
        row(t, CaseAction.ClearAlarm.class, SYSTEM);
        row(t, CaseAction.WarnDeadline.class, SYSTEM);
        row(t, CaseAction.MarkOverdue.class, SYSTEM);
        row(t, CaseAction.Escalate.class, SYSTEM);
        row(t, CaseAction.Rate.class, RESIDENT);
        List<Class<?>> missing = Arrays.stream(CaseAction.class.getPermittedSubclasses()).filter(c -> !t.containsKey(c))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no posts for " + missing + " in CommandRoles");
        }
        return Collections.unmodifiableMap(t);
    }

    private static void row(Map<Class<? extends CaseAction>, Set<Role>> t, Class<? extends CaseAction> action, Role... posts) {
        if (Arrays.asList(posts).contains(OPERATOR)) {
            throw new IllegalArgumentException("the legacy operator follows from the posts it holds, not from the table");
        }
        t.put(action, Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(posts))));
    }

    /** The roles allowed to ask for {@code action}: its posts, and the legacy operator where it holds one of them. */
    public static Set<Role> allowed(CaseAction action) {
        return allowed(action.getClass());
    }

    /** The roles allowed to ask for an action of this kind. */
    public static Set<Role> allowed(Class<? extends CaseAction> action) {
        Set<Role> posts = posts(action);
        EnumSet<Role> roles = EnumSet.copyOf(posts);
        if (posts.stream().anyMatch(OPERATOR::holds)) {
            roles.add(OPERATOR);
        }
        return Collections.unmodifiableSet(roles);
    }

    /** The posts that own an action of this kind, as the table (and docs/roles.md) writes them: without the legacy operator. */
    public static Set<Role> posts(Class<? extends CaseAction> action) {
        Set<Role> posts = POSTS.get(action);
        if (posts == null) {
            throw new IllegalArgumentException("not an action: " + action);
        }
        return posts;
    }

    /** Every kind of action, in the order of the table. */
    public static List<Class<? extends CaseAction>> actions() {
        return List.copyOf(POSTS.keySet());
    }
}
