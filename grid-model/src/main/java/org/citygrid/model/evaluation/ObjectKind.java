package org.citygrid.model.evaluation;

import org.citygrid.model.cases.Role;

/** What is evaluated: an area, a department, or a person in one of the posts the standard evaluates. */
public enum ObjectKind {
    /** 区域评价: an area at the configured level (a street by default). */
    REGION("区域", null),
    /** 部门评价: a handling department (专业部门). */
    DEPARTMENT("专业部门", null),
    /** 监督员: a grid supervisor, with their patrol area. */
    SUPERVISOR("监督员", Role.GRID_WORKER),
    /** 受理员. */
    ACCEPTOR("受理员", Role.ACCEPTOR),
    /** 值班长. */
    SHIFT_LEADER("值班长", Role.SHIFT_LEADER),
    /** 派遣员. */
    DISPATCHER("派遣员", Role.DISPATCHER);

    private final String nameZh;
    private final Role post;

    ObjectKind(String nameZh, Role post) {
        this.nameZh = nameZh;
        this.post = post;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The post whose people are evaluated as this kind; {@code null} for regions and departments. */
    public Role post() {
        return post;
    }
}
