package org.citygrid.cloud.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.citygrid.model.cases.Actor;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseAction;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.CaseDecider;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.cases.Stage;
import org.citygrid.model.worktime.SlaClock;

/**
 * When the SLA clock looks at a case, all counted on the category's clock (working time for most
 * categories, so a deadline that falls in a holiday waits for the next working day, and so do its
 * warning and escalations):
 * <ul>
 *   <li>warning: when {@code warnShare} of the stage's time limit is left;</li>
 *   <li>overdue: at the deadline;</li>
 *   <li>escalation to level n: when the case has been overdue for n times
 *       {@code escalateShare} of the stage's time limit.</li>
 * </ul>
 */
public final class SlaPolicy {

    public static final Actor ACTOR = Actor.system("sla");

    private final CaseRules rules;
    private final double warnShare;
    private final double escalateShare;

    public SlaPolicy(CaseRules rules, double warnShare, double escalateShare) {
        this.rules = rules;
        this.warnShare = warnShare;
        this.escalateShare = escalateShare;
    }

    /**
     * The next alarm the case's running stage needs: the warning while it is ahead, else the deadline, and once
     * the stage is overdue the next escalation. Empty when no stage with a deadline runs, or escalation is at its
     * top. One at a time: acting on it sets the next, so a stage holds one alarm, replaced as it goes, rather
     * than all of them at once.
     */
    public Optional<SlaAlarm> next(Case c, Instant now) {
        Optional<Stage> active = c.activeStage();
        if (active.isEmpty() || c.deadline(active.get()).isEmpty()) {
            return Optional.empty();
        }
        Stage stage = active.get();
        Instant deadline = c.deadline(stage).get();
        SlaClock clock = rules.clock(c.categoryCode());
        Duration limit = rules.timeLimit(c.categoryCode(), stage);
        if (!c.clock().overdue().contains(stage)) {
            if (!c.clock().warned().contains(stage)) {
                Duration lead = share(limit, warnShare);
                Duration left = clock.elapsed(now, deadline);
                if (left.compareTo(lead) > 0) {
                    return Optional.of(new SlaAlarm(c.id(), stage, deadline, SlaAlarm.Kind.WARN, 0,
                            clock.deadline(now, left.minus(lead))));
                }
            }
            return Optional.of(new SlaAlarm(c.id(), stage, deadline, SlaAlarm.Kind.OVERDUE, 0, deadline));
        }
        if (c.clock().escalationLevel() < CaseDecider.MAX_ESCALATION_LEVEL) {
            int level = c.clock().escalationLevel() + 1;
            Instant due = clock.deadline(deadline, share(limit, escalateShare).multipliedBy(level));
            return Optional.of(new SlaAlarm(c.id(), stage, deadline, SlaAlarm.Kind.ESCALATE, level, due));
        }
        return Optional.empty();
    }

    /** The command an alarm calls for now, or empty when the case has moved on and it is stale. */
    public Optional<CaseCommand> command(SlaAlarm alarm, Case c, Instant now) {
        boolean sameRun = c.activeStage().filter(alarm.stage()::equals).isPresent()
                && c.deadline(alarm.stage()).filter(alarm.deadline()::equals).isPresent();
        if (!sameRun) {
            return Optional.empty();
        }
        Stage stage = alarm.stage();
        CaseAction action = switch (alarm.kind()) {
            case WARN -> c.clock().warned().contains(stage) || c.clock().overdue().contains(stage) || !now.isBefore(alarm.deadline())
                    ? null : new CaseAction.WarnDeadline(stage);
            case OVERDUE -> c.clock().overdue().contains(stage) ? null : new CaseAction.MarkOverdue(stage);
            case ESCALATE -> c.clock().overdue().contains(stage) && c.clock().escalationLevel() == alarm.level() - 1
                    ? new CaseAction.Escalate(alarm.level()) : null;
        };
        if (action == null) {
            return Optional.empty();
        }
        String id = "sla:" + c.id() + ":" + stage + ":" + alarm.kind() + ":" + alarm.level() + ":" + alarm.deadline().toEpochMilli();
        return Optional.of(CaseCommand.of(id, c.id(), ACTOR, now, action));
    }

    private static Duration share(Duration limit, double share) {
        return Duration.ofMillis(Math.round(limit.toMillis() * share));
    }
}
