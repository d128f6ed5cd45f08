package org.citygrid.model.grid;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link GridValidator} found.
 *
 * @param gridCount how many grids were checked
 * @param problems  the problems, grouped by kind in the order of {@link GridProblem}'s records and
 *                  in code order within a kind; empty when the grids are clean
 */
public record ValidationReport(int gridCount, List<GridProblem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /** Whether no problem was found. */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** The problems of one kind, e.g. {@code problemsOf(GridProblem.Overlap.class)}. */
    public <T extends GridProblem> List<T> problemsOf(Class<T> kind) {
        return problems.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Override
    public String toString() {
        if (isClean()) {
            return gridCount + " grids, no problems";
        }
        return gridCount + " grids, " + problems.size() + " problems:\n"
                + problems.stream().map(p -> "  " + p.message()).collect(Collectors.joining("\n"));
    }
}
