package org.citygrid.model.category;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.Stage;
import org.citygrid.model.worktime.RoundTheClock;
import org.citygrid.model.worktime.SlaClock;
import org.citygrid.model.worktime.WorkingCalendar;

/**
 * The case state machine's rules as the category catalogue and the working-day calendar state
 * them: time limits per step, the SLA clock of each category, automatic filing and the departments
 * a case can be dispatched to.
 *
 * <p>Territorial departments exist once per area, so a dispatch names them with the area code:
 * {@code STREET_OFFICE:110101001} (a street office) or {@code COMMUNITY_COMMITTEE:110101001002}.
 * The code after the colon must have the length of its level: 9 digits for a street, 12 for a
 * community.
 *
 * <p>One extension may add at most the category's own handling limit: doubling the time allowed
 * is the most a command centre grants without voiding and re-filing.
 */
public final class CatalogueCaseRules implements CaseRules {

    private static final Map<Stage, TimeLimits.Step> STEPS = Map.of(
            Stage.FILING, TimeLimits.Step.FILE,
            Stage.VERIFICATION, TimeLimits.Step.VERIFY,
            Stage.DISPATCH, TimeLimits.Step.DISPATCH,
            Stage.HANDLING, TimeLimits.Step.HANDLE,
            Stage.CHECK, TimeLimits.Step.CHECK,
            Stage.CLOSING, TimeLimits.Step.CLOSE);
    private static final Duration CLOCK_DAY = Duration.ofHours(24);

    private final CategoryCatalogue catalogue;
    private final WorkingCalendar calendar;

    public CatalogueCaseRules(CategoryCatalogue catalogue, WorkingCalendar calendar) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The shipped catalogue on the Chinese working-day calendar with the bundled holiday years. */
    public static CatalogueCaseRules chinaDefault() {
        return new CatalogueCaseRules(CategoryCatalogue.loadDefault(), WorkingCalendar.chinaDefault());
    }

    @Override
    public boolean knowsCategory(String categoryCode) {
        return find(categoryCode) != null;
    }

    @Override
    public boolean knowsDepartment(String departmentCode) {
        if (departmentCode == null) {
            return false;
        }
        int colon = departmentCode.indexOf(':');
        String code = colon < 0 ? departmentCode : departmentCode.substring(0, colon);
        return catalogue.department(code).map(d -> switch (d.territorial()) {
            case NONE -> colon < 0;
            case STREET -> colon > 0 && isDigits(departmentCode.substring(colon + 1), 9);
            case COMMUNITY -> colon > 0 && isDigits(departmentCode.substring(colon + 1), 12);
        }).orElse(false);
    }

    /** A limit in working days counts whole working days of the calendar; on a round-the-clock category, days of 24 hours. */
    @Override
    public Duration timeLimit(String categoryCode, Stage stage) {
        Category category = require(categoryCode);
        Duration day = category.slaClock() == SlaClockKind.ROUND_THE_CLOCK ? CLOCK_DAY : calendar.workingDay();
        return category.timeLimits().of(STEPS.get(stage), day);
    }

    @Override
    public SlaClock clock(String categoryCode) {
        return require(categoryCode).slaClock() == SlaClockKind.ROUND_THE_CLOCK ? RoundTheClock.INSTANCE : calendar;
    }

    @Override
    public boolean filesAutomatically(String categoryCode, Channel channel) {
        AutoFilingChannel auto = switch (channel) {
            case SENSOR -> AutoFilingChannel.SENSOR;
            case PATROL -> AutoFilingChannel.PATROL;
            default -> null;
        };
        return auto != null && require(categoryCode).filesAutomaticallyFrom(auto);
    }

    @Override
    public Duration maxExtension(String categoryCode) {
        return timeLimit(categoryCode, Stage.HANDLING);
    }

    /** The catalogue's approval tiers ({@code extensionApproval}), against the category's handling limit. */
    @Override
    public java.util.Set<org.citygrid.model.cases.Role> extensionApprovers(String categoryCode,
            org.citygrid.model.cases.ExtensionKind kind, Duration extra, int granted) {
        return catalogue.extensionApproval().approvers(extra, granted, timeLimit(categoryCode, Stage.HANDLING));
    }

    private Category find(String categoryCode) {
        if (categoryCode == null) {
            return null;
        }
        try {
            return catalogue.byCode(CategoryCode.parse(categoryCode)).orElse(null);
        } catch (IllegalArgumentException notACode) {
            return null;
        }
    }

    private Category require(String categoryCode) {
        Category category = find(categoryCode);
        if (category == null) {
            throw new IllegalArgumentException("there is no category " + categoryCode + " in the catalogue");
        }
        return category;
    }

    private static boolean isDigits(String s, int length) {
        return s.length() == length && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }
}
