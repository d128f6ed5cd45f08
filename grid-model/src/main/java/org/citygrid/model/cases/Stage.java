package org.citygrid.model.cases;

/**
 * A step of the loop that runs against a time limit. One stage runs at a time: each stage's clock
 * starts when the previous step completes and stops when its own step does, so a late step is the
 * lateness of the post that owns it ({@link #owner()}), never of the one before or after.
 */
public enum Stage {
    /**
     * 立案: the supervision centre decides on a report (files it, dismisses it, or sends it to a
     * supervisor to verify). Runs from the report, and again from a verification's finding.
     */
    FILING("立案", Role.SHIFT_LEADER),
    /** 核实: a named supervisor verifies the report on site; runs from the verification task. */
    VERIFICATION("核实", Role.GRID_WORKER),
    /** 派遣: from filing (or a return, or a failed check) to dispatch (command centre). */
    DISPATCH("派遣", Role.DISPATCHER),
    /** 处置: from dispatch to the department's feedback, extensions and suspensions included. */
    HANDLING("处置", Role.HANDLER),
    /** 核查: from feedback to the on-site check; starts again from a check task. */
    CHECK("核查", Role.GRID_WORKER),
    /** 结案: from a passed check to closing the case (supervision centre). */
    CLOSING("结案", Role.SHIFT_LEADER);

    private final String nameZh;
    private final Role owner;

    Stage(String nameZh, Role owner) {
        this.nameZh = nameZh;
        this.owner = owner;
    }

    public String nameZh() {
        return nameZh;
    }

    /**
     * The post expected to complete the stage: its lateness counts against this post. A filing
     * stage that ends in a verification task is the acceptor's; the check stage before a check task
     * is sent likewise.
     */
    public Role owner() {
        return owner;
    }
}
