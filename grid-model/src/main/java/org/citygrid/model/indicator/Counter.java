package org.citygrid.model.indicator;

import org.citygrid.model.cases.Stage;

/**
 * One quantity an {@link IndicatorTally} adds up. All are counts of facts except
 * {@link #HANDLING_WORKING_SECONDS} and {@link #RATING_SCORE_SUM}, which are sums; every one only
 * ever grows, so tallies of any time slices add up to the tally of their union.
 *
 * <p>A fact is counted on the day of the event that establishes it (see {@link IndicatorFacts}).
 */
public enum Counter {
    /** 上报数: cases opened by a first report, from any channel. */
    REPORTED("上报数"),
    /** 重复上报数: further reports merged into an open case as duplicates. */
    DUPLICATES("重复上报数"),
    /** 立案数 (= 有效上报数): reports filed as cases. */
    FILED("立案数"),
    /** 不予立案数: reports dismissed as not meeting the filing criteria. */
    DISMISSED("不予立案数"),
    /** 按时核实数: filing decisions (filed or dismissed) made by the filing deadline. */
    VERIFIED_ON_TIME("按时核实数"),
    /** 派遣数: dispatches of a filed case: the first, and again after a return or a failed check. */
    DISPATCHED("派遣数"),
    /** 按时派遣数: of {@link #DISPATCHED}, those made by the dispatch deadline. */
    DISPATCHED_ON_TIME("按时派遣数"),
    /** 改派数: cases taken from the department that held them and given to another. */
    REDISPATCHED("改派数"),
    /** 回退数: cases a department gave back as not its responsibility. */
    RETURNED("回退数"),
    /** 处置反馈数: feedbacks from departments (a reworked case gives one per round). */
    HANDLED("处置反馈数"),
    /** 按时处置数: of {@link #HANDLED}, those not after the handling deadline. */
    HANDLED_ON_TIME("按时处置数"),
    /** 核查数: on-site checks, passed or failed. */
    CHECKED("核查数"),
    /** 按时核查数: of {@link #CHECKED}, those made by the check deadline. */
    CHECKED_ON_TIME("按时核查数"),
    /** 核查通过数: checks that passed. */
    CHECK_PASSED("核查通过数"),
    /** 返工数: checks that failed and sent the case back for rework. */
    REWORKED("返工数"),
    /** 结案数: cases closed after a passed check. */
    CLOSED("结案数"),
    /**
     * 按期结案数: closed cases with no stage ever marked overdue and no feedback after its handling
     * deadline.
     */
    CLOSED_ON_TIME("按期结案数"),
    /** 作废数: cases voided, whatever state they were in. */
    VOIDED("作废数"),
    /** 立案超期数: filing deadlines that passed (marked by the SLA clock). */
    OVERDUE_FILING("立案超期数"),
    /** 派遣超期数: dispatch deadlines that passed. */
    OVERDUE_DISPATCH("派遣超期数"),
    /** 处置超期数: handling deadlines that passed. */
    OVERDUE_HANDLING("处置超期数"),
    /** 核查超期数: check deadlines that passed. */
    OVERDUE_CHECK("核查超期数"),
    /** 处置用时样本数: cases whose handling time is in {@link #HANDLING_WORKING_SECONDS}. */
    HANDLING_SAMPLES("处置用时样本数"),
    /**
     * 处置用时 (sum, in working seconds): for each case whose check passed, the time from its first
     * dispatch to the feedback that passed, counted by the category's SLA clock.
     */
    HANDLING_WORKING_SECONDS("处置用时合计（工作秒）"),
    /** 评价数: residents' ratings. */
    RATINGS("评价数"),
    /** 评分合计 (sum): the scores of those ratings, 1 to 5 each. */
    RATING_SCORE_SUM("评分合计"),
    /** 满意数: ratings of 4 or 5. */
    SATISFIED("满意数");

    private final String nameZh;

    Counter(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The counter of deadlines passed in {@code stage}. */
    public static Counter overdue(Stage stage) {
        return switch (stage) {
            case FILING -> OVERDUE_FILING;
            case DISPATCH -> OVERDUE_DISPATCH;
            case HANDLING -> OVERDUE_HANDLING;
            case CHECK -> OVERDUE_CHECK;
        };
    }
}
