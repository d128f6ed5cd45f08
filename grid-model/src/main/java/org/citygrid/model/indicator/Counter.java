package org.citygrid.model.indicator;

import org.citygrid.model.cases.Stage;

/**
 * One quantity an {@link IndicatorTally} adds up. All are counts of facts except
 * {@link #HANDLING_WORKING_SECONDS} and {@link #RATING_SCORE_SUM}, which are sums; every one only
 * ever grows, so tallies of any time slices add up to the tally of their union.
 *
 * <p>A fact is counted on the day of the event that establishes it (see {@link IndicatorFacts}).
 * Two counters are not facts of an event but of a moment, the end of a period: {@link #DUE_OPEN}
 * and {@link #HANDLING_DUE_OPEN}, which {@link IndicatorCalculator#period} adds; a tally of a
 * longer period is computed for it, never summed from shorter ones.
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
    /**
     * 按时立案数: filing decisions (filed or dismissed) made by the filing deadline. Called
     * {@code VERIFIED_ON_TIME} before verification tasks; tallies written under that name read as this.
     */
    FILING_ON_TIME("按时立案数"),
    /** 受理数: reports an acceptor took in: entered from the hotline, or sent for verification. */
    INTAKES("受理数"),
    /** 核实派发数: verification tasks sent (a re-assignment is not another). */
    VERIFICATIONS_SENT("核实派发数"),
    /** 核实按时派发数: of those, sent by the filing deadline running then. */
    VERIFICATIONS_SENT_ON_TIME("核实按时派发数"),
    /** 核实数: on-site verifications made. */
    VERIFICATIONS("核实数"),
    /** 按时核实数: of those, made by the deadline running: the task's, or the filing deadline without a task. */
    VERIFICATIONS_ON_TIME("按时核实数"),
    /** 监督举报立案数: filed cases a resident, the hotline or Open311 reported first, not a patroller or a sensor. */
    PUBLIC_FILED("监督举报立案数"),
    /** 回退监督中心数: filed cases the command centre sent back as wrongly filed; also under the person who filed them. */
    SENT_BACK("回退监督中心数"),
    /** 派遣数: dispatches of a filed case: the first, and again after a return or a failed check. */
    DISPATCHED("派遣数"),
    /** 按时派遣数: of {@link #DISPATCHED}, those made by the dispatch deadline. */
    DISPATCHED_ON_TIME("按时派遣数"),
    /** 改派数: cases taken from the department that held them and given to another. */
    REDISPATCHED("改派数"),
    /** 回退数: cases a department gave back as not its responsibility. */
    RETURNED("回退数"),
    /** 错派数: such returns, under the person who dispatched the case there (the dispatcher's accuracy). */
    MISDISPATCHED("错派数"),
    /** 延期数: extensions (延期) granted. */
    EXTENDED("延期数"),
    /** 缓办数: postponements (缓办) granted on a department's request. */
    POSTPONED("缓办数"),
    /** 处置反馈数: feedbacks from departments (a reworked case gives one per round). */
    HANDLED("处置反馈数"),
    /** 按时处置数: of {@link #HANDLED}, those not after the handling deadline. */
    HANDLED_ON_TIME("按时处置数"),
    /** 核查派发数: check tasks sent (a re-assignment is not another). */
    CHECKS_SENT("核查派发数"),
    /** 核查按时派发数: of those, sent by the check deadline running then. */
    CHECKS_SENT_ON_TIME("核查按时派发数"),
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
    /** 按时结案数: closings made by the closing deadline; under the person who closed. */
    CLOSED_BY_DEADLINE("按时结案数"),
    /** 作废数: cases voided, whatever state they were in; a filed case's also under the person who filed it. */
    VOIDED("作废数"),
    /** 挂账数: cases put on the ledger. */
    LEDGERED("挂账数"),
    /** 销账数: cases taken off the ledger. */
    LEDGER_CLEARED("销账数"),
    /** 督办数: formal pressings of a department by the command centre. */
    PRESSED("督办数"),
    /** 催办数: reminders to a department. */
    URGED("催办数"),
    /** 立案超期数: filing deadlines that passed (marked by the SLA clock). */
    OVERDUE_FILING("立案超期数"),
    /** 核实超期数: verification deadlines that passed; also under the task's supervisor. */
    OVERDUE_VERIFICATION("核实超期数"),
    /** 派遣超期数: dispatch deadlines that passed. */
    OVERDUE_DISPATCH("派遣超期数"),
    /** 处置超期数: handling deadlines that passed. */
    OVERDUE_HANDLING("处置超期数"),
    /** 核查超期数: check deadlines that passed; also under the task's supervisor. */
    OVERDUE_CHECK("核查超期数"),
    /** 结案超期数: closing deadlines that passed. */
    OVERDUE_CLOSING("结案超期数"),
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
    SATISFIED("满意数"),
    /**
     * 应结未结数, at the end of a period: filed cases still open whose running deadline (dispatch,
     * handling, check or closing) had passed; a case on hold (缓办) or on the ledger (挂账) is not.
     * 应结案数 = {@link #CLOSED} + this.
     */
    DUE_OPEN("应结未结数"),
    /**
     * 应处置未处置数, at the end of a period: cases a department held past their handling deadline.
     * 应处置数 = {@link #HANDLED} + this.
     */
    HANDLING_DUE_OPEN("应处置未处置数");

    /** The names tallies were written under before a counter got its right name. */
    private static final java.util.Map<String, Counter> LEGACY_NAMES = java.util.Map.of("VERIFIED_ON_TIME", FILING_ON_TIME);

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
            case VERIFICATION -> OVERDUE_VERIFICATION;
            case DISPATCH -> OVERDUE_DISPATCH;
            case HANDLING -> OVERDUE_HANDLING;
            case CHECK -> OVERDUE_CHECK;
            case CLOSING -> OVERDUE_CLOSING;
        };
    }

    /**
     * The counter of this name, or of the name it was written under before it was renamed
     * ({@code VERIFIED_ON_TIME} is {@link #FILING_ON_TIME}); the JSON form of tallies reads through it.
     *
     * @throws IllegalArgumentException for a name no counter ever had
     */
    public static Counter byName(String name) {
        Counter legacy = LEGACY_NAMES.get(name);
        return legacy != null ? legacy : valueOf(name);
    }
}
