package org.citygrid.model.cases;

import java.time.Duration;
import org.citygrid.model.worktime.SlaClock;

/**
 * What the state machine needs to know about categories and departments, kept behind an interface
 * so the machine stays a pure function of its inputs. The category catalogue provides the real
 * answers; tests provide small fixed ones.
 */
public interface CaseRules {

    boolean knowsCategory(String categoryCode);

    boolean knowsDepartment(String departmentCode);

    /** The time allowed for a stage of a case in this category, counted by {@link #clock}. */
    Duration timeLimit(String categoryCode, Stage stage);

    /** Working hours for most categories; round the clock for emergencies. */
    SlaClock clock(String categoryCode);

    /** Whether reports of this category from this channel are filed without an operator. */
    boolean filesAutomatically(String categoryCode, Channel channel);

    /** The most handling time one extension may add. */
    Duration maxExtension(String categoryCode);
}
