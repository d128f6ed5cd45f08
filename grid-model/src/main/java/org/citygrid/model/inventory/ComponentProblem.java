package org.citygrid.model.inventory;

import org.citygrid.model.component.ComponentCode;
import org.citygrid.model.grid.GridCode;

/** One problem {@link ComponentValidator} found in a register: which component, and what is wrong. */
public sealed interface ComponentProblem {

    ComponentCode code();

    /** What is wrong, naming the component. */
    String message();

    /** One code on several components. */
    record DuplicateCode(ComponentCode code, int count) implements ComponentProblem {
        public String message() {
            return "component code " + code + " is on " + count + " components";
        }
    }

    /** The code's county is not the register's district. */
    record WrongCounty(ComponentCode code, String county) implements ComponentProblem {
        public String message() {
            return "component " + code + " has the county code of " + code.county() + ", not of district " + county;
        }
    }

    /** The code's class is no component category of the catalogue. */
    record UnknownClass(ComponentCode code) implements ComponentProblem {
        public String message() {
            return "component " + code + " is of class " + code.categoryCode() + ", which the catalogue does not list";
        }
    }

    /** The owner or maintainer is no department of the catalogue. */
    record UnknownDepartment(ComponentCode code, String field, String department) implements ComponentProblem {
        public String message() {
            return "component " + code + " names " + field + " " + department + ", which the catalogue does not list";
        }
    }

    /** The position is in another grid than the one declared. */
    record GridMismatch(ComponentCode code, GridCode declared, GridCode located) implements ComponentProblem {
        public String message() {
            return "component " + code + " is declared in grid " + declared + " but stands in grid " + located;
        }
    }

    /** The position is outside the managed area: no grid within the index's tolerance. */
    record OutsideGrids(ComponentCode code, double distanceMetres) implements ComponentProblem {
        public String message() {
            return String.format(java.util.Locale.ROOT, "component %s stands %.0f m from the nearest grid, outside the managed area",
                    code, distanceMetres);
        }
    }
}
