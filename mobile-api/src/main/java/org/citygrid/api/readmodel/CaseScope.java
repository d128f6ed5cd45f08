package org.citygrid.api.readmodel;

import org.citygrid.api.accounts.CurrentUser;

/**
 * Which cases a person may see and act on: operators and administrators all of them, a handler
 * those held by their department, a grid worker those in their grids, a resident those they
 * reported or follow.
 */
public final class CaseScope {

    private CaseScope() {
    }

    public static boolean sees(CurrentUser user, CaseRow c) {
        return switch (user.role()) {
            case OPERATOR, ADMIN -> true;
            case HANDLER -> user.department() != null && user.department().equals(c.department());
            case GRID_WORKER -> user.grids().contains(c.gridCode());
            case RESIDENT -> c.followedBy(user.id());
            case SYSTEM -> false;
        };
    }
}
