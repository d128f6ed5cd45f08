package org.citygrid.api.desk;

import java.util.List;
import org.citygrid.model.cases.CaseAction;

/**
 * A work queue of a desk: the open cases waiting for one step (GB/T 30428 terms), with the steps
 * taken from it. Which posts see which queues follows from those steps and grid-model's
 * {@code CommandRoles} ({@link DeskPosts}); which cases are in each is the store's SQL over the read model.
 */
public enum DeskQueue {
    /** 待受理: reports from residents, Open311 and the hotline, not yet verified on site: sent for 核实, or merged. */
    TO_ACCEPT(CaseAction.AssignVerification.class, CaseAction.MergeDuplicate.class),
    /** 待立案: reports ready for the filing decision (verified, or from a patrol or a sensor); corrected before. */
    TO_FILE(CaseAction.File.class, CaseAction.Dismiss.class, CaseAction.CorrectReport.class),
    /** 待派遣: filed cases waiting for a department. */
    TO_DISPATCH(CaseAction.Dispatch.class, CaseAction.SendBack.class),
    /** 部门回退: filed cases a department gave back, waiting to be dispatched again. */
    RETURNED(CaseAction.Dispatch.class, CaseAction.SendBack.class),
    /** 延期审批: a department's request for more time (延期) or to hold the work (缓办) waiting for approval. */
    EXTENSIONS(CaseAction.ApproveExtension.class, CaseAction.RejectExtension.class),
    /** 待处置: held by a department, signed for or not; pressed (督办) and urged (催办) from here. */
    HANDLING(CaseAction.Press.class, CaseAction.Urge.class),
    /** 待签收: dispatched to the handler's department, not signed for yet. */
    TO_SIGN(CaseAction.Accept.class, CaseAction.Return.class),
    /** 处置中: signed for by the department and being handled. */
    IN_HAND(CaseAction.ReportHandled.class, CaseAction.RequestExtension.class),
    /** 缓办: put on hold; the handling clock stands still until resumed. */
    SUSPENDED(CaseAction.Resume.class),
    /** 待核查: reported handled, waiting for the on-site check to be sent. */
    TO_CHECK(CaseAction.AssignCheck.class),
    /** 待结案: the check passed, waiting to be closed. */
    TO_CLOSE(CaseAction.Close.class),
    /** 超期: late cases (past the deadline of their step, or marked overdue) among the post's other queues. */
    OVERDUE;

    private final List<Class<? extends CaseAction>> steps;

    @SafeVarargs
    DeskQueue(Class<? extends CaseAction>... steps) {
        this.steps = List.of(steps);
    }

    /** The steps taken on the cases of this queue: whoever owns one of them works the queue. */
    public List<Class<? extends CaseAction>> steps() {
        return steps;
    }
}
