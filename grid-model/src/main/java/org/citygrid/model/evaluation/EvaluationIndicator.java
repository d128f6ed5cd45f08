package org.citygrid.model.evaluation;

import static org.citygrid.model.indicator.Counter.*;

import java.util.function.BiFunction;
import org.citygrid.model.indicator.IndicatorTally;

/**
 * The indicators the evaluation scores, each of one kind of object, with its formula over the
 * period's counters (docs/evaluation.md, with the source of each). A rate is a fraction of two counts
 * of the object's tally; the supervisor's 漏报率 counts over the grids of their patrol area; a count
 * indicator's denominator is 1.
 */
public enum EvaluationIndicator {

    // ---- regions (CJ/T 292 区域评价) ----
    /** 监督举报率 = 监督举报立案数 / 立案数 (立案数 without the ledger's): the public found what patrols missed. */
    PUBLIC_REPORT_RATE(ObjectKind.REGION, "监督举报率", "Public report rate", Scoring.INVERSE_RATE,
            (own, area) -> fraction(own.get(PUBLIC_FILED), filedNotLedgered(own))),
    /** 立案数 = 立案数 − 挂账数. */
    FILED_COUNT(ObjectKind.REGION, "立案数", "Cases filed", Scoring.RELATIVE,
            (own, area) -> fraction(filedNotLedgered(own), 1)),
    /** 结案率 = 结案数 / 应结案数 (结案数 + 应结未结数). */
    CLOSURE_RATE(ObjectKind.REGION, "结案率", "Closure rate", Scoring.RATE,
            (own, area) -> fraction(own.get(CLOSED), due(own))),
    /** 按期结案率 = 按期结案数 / 应结案数. */
    ON_TIME_CLOSURE_RATE(ObjectKind.REGION, "按期结案率", "On-time closure rate", Scoring.RATE,
            (own, area) -> fraction(own.get(CLOSED_ON_TIME), due(own))),

    // ---- departments ----
    /** 处置率 = 处置数 / 应处置数 (处置数 + 应处置未处置数). */
    HANDLING_RATE(ObjectKind.DEPARTMENT, "处置率", "Handling rate", Scoring.RATE,
            (own, area) -> fraction(own.get(HANDLED), toHandle(own))),
    /** 按期处置率 = 按期处置数 / 应处置数. */
    ON_TIME_HANDLING_RATE(ObjectKind.DEPARTMENT, "按期处置率", "On-time handling rate", Scoring.RATE,
            (own, area) -> fraction(own.get(HANDLED_ON_TIME), toHandle(own))),
    /** 返工率 = 返工数 / 应结案数. */
    REWORK_RATE(ObjectKind.DEPARTMENT, "返工率", "Rework rate", Scoring.INVERSE_RATE,
            (own, area) -> fraction(own.get(REWORKED), due(own))),
    /** 超期待处置率 = 应处置未处置数 / 应处置数. */
    OVERDUE_OPEN_RATE(ObjectKind.DEPARTMENT, "超期待处置率", "Overdue unhandled rate", Scoring.INVERSE_RATE,
            (own, area) -> fraction(own.get(HANDLING_DUE_OPEN), toHandle(own))),
    /** 延期率 = 延期数 / 应处置数. */
    EXTENSION_RATE(ObjectKind.DEPARTMENT, "延期率", "Extension rate", Scoring.INVERSE_RATE,
            (own, area) -> fraction(own.get(EXTENDED), toHandle(own))),

    // ---- supervisors (监督员) ----
    /** 有效上报率 = 有效上报数 / 上报数: of the supervisor's patrol reports, the share filed. */
    VALID_REPORT_RATE(ObjectKind.SUPERVISOR, "有效上报率", "Valid report rate", Scoring.RATE,
            (own, area) -> fraction(own.get(FILED), own.get(REPORTED))),
    /** 漏报率 = 漏报数 / 立案数 in the patrol area: filed cases the public reported first. */
    MISSED_REPORT_RATE(ObjectKind.SUPERVISOR, "漏报率", "Missed report rate", Scoring.INVERSE_RATE,
            (own, area) -> fraction(area.get(PUBLIC_FILED), area.get(FILED))),
    /** 按时核实率 = 按时核实数 / 核实数. */
    ON_TIME_VERIFICATION_RATE(ObjectKind.SUPERVISOR, "按时核实率", "On-time verification rate", Scoring.RATE,
            (own, area) -> fraction(own.get(VERIFICATIONS_ON_TIME), own.get(VERIFICATIONS))),
    /** 按时核查率 = 按时核查数 / 核查数. */
    ON_TIME_CHECK_RATE(ObjectKind.SUPERVISOR, "按时核查率", "On-time check rate", Scoring.RATE,
            (own, area) -> fraction(own.get(CHECKED_ON_TIME), own.get(CHECKED))),

    // ---- acceptors (受理员) ----
    /** 受理数: reports taken in (hotline entries, reports sent for verification). */
    INTAKE_COUNT(ObjectKind.ACCEPTOR, "受理数", "Reports taken in", Scoring.BANDS,
            (own, area) -> fraction(own.get(INTAKES), 1)),
    /** 核实按时派发率 = 核实按时派发数 / 核实派发数. */
    VERIFICATION_SENT_ON_TIME_RATE(ObjectKind.ACCEPTOR, "核实按时派发率", "Verification tasks sent on time", Scoring.RATE,
            (own, area) -> fraction(own.get(VERIFICATIONS_SENT_ON_TIME), own.get(VERIFICATIONS_SENT))),
    /** 核查按时派发率 = 核查按时派发数 / 核查派发数. */
    CHECK_SENT_ON_TIME_RATE(ObjectKind.ACCEPTOR, "核查按时派发率", "Check tasks sent on time", Scoring.RATE,
            (own, area) -> fraction(own.get(CHECKS_SENT_ON_TIME), own.get(CHECKS_SENT))),

    // ---- shift leaders (值班长) ----
    /** 按时立案率 = 按时立案数 / (立案数 + 不予立案数): the filing decisions made by the deadline. */
    ON_TIME_FILING_RATE(ObjectKind.SHIFT_LEADER, "按时立案率", "On-time filing rate", Scoring.RATE,
            (own, area) -> fraction(own.get(FILING_ON_TIME), own.get(FILED) + own.get(DISMISSED))),
    /** 准确立案率 = (立案数 − 作废数 − 回退监督中心数) / 立案数. */
    ACCURATE_FILING_RATE(ObjectKind.SHIFT_LEADER, "准确立案率", "Accurate filing rate", Scoring.RATE,
            (own, area) -> fraction(Math.max(0, own.get(FILED) - own.get(VOIDED) - own.get(SENT_BACK)), own.get(FILED))),
    /** 按时结案率 = 按时结案数 / 结案数. */
    ON_TIME_CLOSING_RATE(ObjectKind.SHIFT_LEADER, "按时结案率", "On-time closing rate", Scoring.RATE,
            (own, area) -> fraction(own.get(CLOSED_BY_DEADLINE), own.get(CLOSED))),

    // ---- dispatchers (派遣员) ----
    /** 派遣数. */
    DISPATCH_COUNT(ObjectKind.DISPATCHER, "派遣数", "Dispatches", Scoring.RELATIVE,
            (own, area) -> fraction(own.get(DISPATCHED), 1)),
    /** 按时派遣率 = 按时派遣数 / 派遣数. */
    ON_TIME_DISPATCH_RATE(ObjectKind.DISPATCHER, "按时派遣率", "On-time dispatch rate", Scoring.RATE,
            (own, area) -> fraction(own.get(DISPATCHED_ON_TIME), own.get(DISPATCHED))),
    /** 准确派遣率 = (派遣数 − 错派数) / 派遣数: dispatches the department did not give back as not theirs. */
    ACCURATE_DISPATCH_RATE(ObjectKind.DISPATCHER, "准确派遣率", "Accurate dispatch rate", Scoring.RATE,
            (own, area) -> fraction(Math.max(0, own.get(DISPATCHED) - own.get(MISDISPATCHED)), own.get(DISPATCHED)));

    /** A numerator over a denominator; the denominator of a count is 1. */
    public record Fraction(long numerator, long denominator) {
    }

    private final ObjectKind kind;
    private final String nameZh;
    private final String nameEn;
    private final Scoring scoring;
    private final BiFunction<IndicatorTally, IndicatorTally, Fraction> formula;

    EvaluationIndicator(ObjectKind kind, String nameZh, String nameEn, Scoring scoring,
                        BiFunction<IndicatorTally, IndicatorTally, Fraction> formula) {
        this.kind = kind;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.scoring = scoring;
        this.formula = formula;
    }

    public ObjectKind kind() {
        return kind;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** How the value becomes a score: the indicator's own way; a count's bands come from the configuration. */
    public Scoring scoring() {
        return scoring;
    }

    /**
     * The indicator's numerator and denominator.
     *
     * @param own  the object's tally for the period
     * @param area for a supervisor, the sum of the tallies of their patrol area's grids; otherwise empty
     */
    public Fraction measure(IndicatorTally own, IndicatorTally area) {
        return formula.apply(own, area);
    }

    private static Fraction fraction(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
    }

    private static long filedNotLedgered(IndicatorTally t) {
        return Math.max(0, t.get(FILED) - t.get(LEDGERED));
    }

    private static long due(IndicatorTally t) {
        return t.get(CLOSED) + t.get(DUE_OPEN);
    }

    private static long toHandle(IndicatorTally t) {
        return t.get(HANDLED) + t.get(HANDLING_DUE_OPEN);
    }
}
