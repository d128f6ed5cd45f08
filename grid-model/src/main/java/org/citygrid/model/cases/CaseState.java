package org.citygrid.model.cases;

/**
 * Where a case stands in the closed loop. The supervision centre owns {@link #REPORTED},
 * {@link #CHECK_PASSED} and the terminal states; the command centre owns everything in between.
 */
public enum CaseState {
    /** 上报: reported, waiting for the supervision centre to file or dismiss it. */
    REPORTED("上报"),
    /** 立案: filed, waiting for the command centre to dispatch it (again, after a return or rework). */
    FILED("立案"),
    /** 派遣: dispatched to a department that has not accepted it yet. */
    DISPATCHED("已派遣"),
    /** 处置中: accepted by the department and being handled. */
    IN_PROGRESS("处置中"),
    /** 缓办: put on hold by the command centre; the handling clock stops. */
    SUSPENDED("缓办"),
    /**
     * 挂账: cannot be solved now (funding, season, planned works); on the ledger with a reason, no
     * clock runs and it is out of the overdue count until the command centre takes it up again.
     */
    ON_LEDGER("挂账"),
    /** 反馈: the department reported it handled; waiting for an on-site check. */
    HANDLED("已反馈"),
    /** 核查通过: a patroller confirmed the work on site; waiting to be closed. */
    CHECK_PASSED("核查通过"),
    /** 结案: closed after a passed check. */
    CLOSED("结案"),
    /** 不予立案: the report did not meet the filing criteria. */
    DISMISSED("不予立案"),
    /** 作废: voided, with a reason, by the supervision centre. */
    VOIDED("作废");

    private final String nameZh;

    CaseState(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** No command but a resident's rating changes a case in a terminal state. */
    public boolean isTerminal() {
        return this == CLOSED || this == DISMISSED || this == VOIDED;
    }
}
