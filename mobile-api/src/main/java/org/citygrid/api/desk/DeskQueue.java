package org.citygrid.api.desk;

/**
 * A work queue of a desk: the open cases waiting for one step (GB/T 30428 terms). Which posts see
 * which queues is {@link DeskPosts}; which cases are in each is the store's SQL over the read model.
 */
public enum DeskQueue {
    /** 待受理: reports from residents, Open311 and the hotline, not yet verified on site. */
    TO_ACCEPT,
    /** 待立案: reports ready for the filing decision (verified, or from a patrol or a sensor). */
    TO_FILE,
    /** 待派遣: filed cases (again, after a return or a failed check) waiting for a department. */
    TO_DISPATCH,
    /** 延期申请: a department's request for more time (延期) waiting for approval. */
    EXTENSIONS,
    /** 待处置: held by a department, signed for or not. */
    HANDLING,
    /** 缓办: put on hold; the handling clock stands still. */
    SUSPENDED,
    /** 待核查: reported handled, waiting for the on-site check. */
    TO_CHECK,
    /** 待结案: the check passed, waiting to be closed. */
    TO_CLOSE,
    /** 待签收: dispatched to the handler's department, not signed for yet. */
    TO_SIGN,
    /** 处置中: signed for by the department and being handled. */
    IN_HAND,
    /** 超期: late cases (past the deadline of their step, or marked overdue) among the post's other queues. */
    OVERDUE
}
