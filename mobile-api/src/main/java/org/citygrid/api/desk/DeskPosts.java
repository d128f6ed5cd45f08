package org.citygrid.api.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citygrid.model.cases.CaseAction;
import org.citygrid.model.cases.CommandRoles;
import org.citygrid.model.cases.Role;

/**
 * Which queues each post's desk shows, in the order of the loop, worked out from grid-model's
 * {@link CommandRoles} (docs/roles.md), so that a desk never offers a queue whose steps its post may
 * not take: a queue is on the desk of every post that owns one of its steps ({@link DeskQueue#steps},
 * through {@link Role#holds}, so the legacy operator gets every centre queue), with the overdue ones
 * among them. So the acceptor (受理员) has 待受理, 待立案 (corrections) and 待核查 (sending the check);
 * the shift leader (值班长) 待立案, 延期审批 (the second tier) and 待结案; the dispatcher (派遣员) 待派遣,
 * 部门回退, 延期审批, 待处置 and 缓办.
 *
 * <p>Two desks are not a post's own steps: the leader (中心领导) reads an overview of every centre queue
 * ({@link #readOnly}), and a department's handler also sees its cases on hold (缓办), which the command
 * centre resumes.
 */
public final class DeskPosts {

    private static final List<DeskQueue> DEPARTMENT_WATCHES = List.of(DeskQueue.SUSPENDED);

    private DeskPosts() {
    }

    /** The queues of this role's desk, in order; empty when the role has no desk (residents, workers, administrators). */
    public static Optional<List<DeskQueue>> queuesOf(Role role) {
        if (!role.isCentrePost() && role != Role.HANDLER) {
            return Optional.empty();
        }
        List<DeskQueue> queues = new ArrayList<>();
        for (DeskQueue queue : DeskQueue.values()) {
            if (queue == DeskQueue.OVERDUE) {
                continue;
            }
            boolean works = queue.steps().stream().anyMatch(step -> CommandRoles.posts(step).stream().anyMatch(role::holds));
            boolean overview = readOnly(role) && queue.steps().stream().noneMatch(DeskPosts::departments);
            boolean watches = departmental(role) && DEPARTMENT_WATCHES.contains(queue);
            if (works || overview || watches) {
                queues.add(queue);
            }
        }
        queues.add(DeskQueue.OVERDUE);
        return Optional.of(List.copyOf(queues));
    }

    /** Whether the desk of this role works for one department only (and sees its cases only). */
    public static boolean departmental(Role role) {
        return role == Role.HANDLER;
    }

    /** Whether this role's desk is an overview to read, without steps: the leader's (中心领导). */
    public static boolean readOnly(Role role) {
        return role == Role.LEADER;
    }

    /** A step only a department takes (a handler's: sign for, report handled...), not the centres'. */
    private static boolean departments(Class<? extends CaseAction> step) {
        return CommandRoles.posts(step).stream().allMatch(p -> p == Role.HANDLER);
    }
}
