package org.citygrid.contracts.dispatch;

import java.util.List;
import java.util.Objects;

/**
 * One row of the responsibility table (责任划分表) as {@code grid.responsibility} carries it, keyed
 * {@code <categoryCode>@<areaCode>}: for this category in this area (a grid, community, street or
 * county code, or {@code *} for everywhere), the departments to dispatch to, in the order to try
 * them, and the handlers of each who take such tasks.
 *
 * <pre>{"v":1,"departments":[{"department":"DRAINAGE","handlers":["handler-12","handler-13"]},
 *                            {"department":"STREET_OFFICE","handlers":[]}]}</pre>
 *
 * A territorial department may be named without its area ({@code STREET_OFFICE}); it is resolved
 * to the case's street or community. A tombstone (null value) deletes the row.
 */
public record Responsibility(List<Assignment> departments) {

    public Responsibility {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** A department and the handlers who spread its tasks among them. */
    public record Assignment(String department, List<String> handlers) {
        public Assignment {
            Objects.requireNonNull(department, "department");
            handlers = handlers == null ? List.of() : List.copyOf(handlers);
        }
    }

    public static String key(String categoryCode, String areaCode) {
        return categoryCode + "@" + areaCode;
    }
}
