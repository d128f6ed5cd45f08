package org.citygrid.sample;

/** What a person does in the case cycle. */
public enum WorkerRole {
    /** 网格员: patrols assigned grids, reports, verifies and checks on site. */
    GRID_WORKER,
    /** 处置人员: handles cases dispatched to a department. */
    HANDLER,
    /** 受理员: takes reports in at the supervision centre and files cases. */
    ACCEPTOR,
    /** 派遣员: dispatches filed cases from the command centre. */
    DISPATCHER,
    /** 值班长: supervises a shift and approves extensions and voids. */
    SHIFT_LEADER,
    /** 领导: reads the evaluation. */
    LEADER;

    /** Whether the role works in the centres at the map console. */
    public boolean isOperator() {
        return this == ACCEPTOR || this == DISPATCHER || this == SHIFT_LEADER || this == LEADER;
    }
}
