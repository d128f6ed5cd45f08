package org.citygrid.model.cases;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.citygrid.model.worktime.SlaClock;

/**
 * What the state machine needs to know about categories and departments, kept behind an interface
 * so the machine stays a pure function of its inputs. The category catalogue provides the real
 * answers; tests provide small fixed ones.
 */
public interface CaseRules {

    boolean knowsCategory(String categoryCode);

    boolean knowsDepartment(String departmentCode);

    /**
     * The time allowed for a stage of a case in this category, counted by {@link #clock}: every
     * {@link Stage}, the verification and closing stages included.
     */
    Duration timeLimit(String categoryCode, Stage stage);

    /** Working hours for most categories; round the clock for emergencies. */
    SlaClock clock(String categoryCode);

    /** Whether reports of this category from this channel are filed without an operator. */
    boolean filesAutomatically(String categoryCode, Channel channel);

    /** The most handling time one extension may add, or one postponement (缓办) may ask for. */
    Duration maxExtension(String categoryCode);

    /**
     * The posts that may approve (or refuse) a department's request: by default any of the
     * command centre's dispatcher, the shift leader and the leader. Rules with approval tiers
     * (the catalogue's {@code extensionApproval}) name fewer for larger or repeated requests.
     *
     * @param kind    延期 or 缓办
     * @param extra   the time asked for
     * @param granted how many extensions the case was granted before
     */
    default Set<Role> extensionApprovers(String categoryCode, ExtensionKind kind, Duration extra, int granted) {
        return EnumSet.of(Role.DISPATCHER, Role.SHIFT_LEADER, Role.LEADER);
    }
}
