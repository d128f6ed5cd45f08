package org.citygrid.model.cases;

/**
 * Who acts on a case. {@link #SYSTEM} is the case-cycle service itself, acting on a category's
 * rules (automatic filing and dispatch, SLA clocks, duplicate merging), never a person.
 */
public enum Role {
    RESIDENT,
    GRID_WORKER,
    HANDLER,
    OPERATOR,
    ADMIN,
    SYSTEM
}
