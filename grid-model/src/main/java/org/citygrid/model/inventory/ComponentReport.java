package org.citygrid.model.inventory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link ComponentValidator} found.
 *
 * @param componentCount how many components were checked
 * @param problems       grouped by kind in the order of {@link ComponentProblem}'s records, in code
 *                       order within a kind; empty when the register is clean
 */
public record ComponentReport(int componentCount, List<ComponentProblem> problems) {

    public ComponentReport {
        problems = List.copyOf(problems);
    }

    public boolean isClean() {
        return problems.isEmpty();
    }

    public <T extends ComponentProblem> List<T> problemsOf(Class<T> kind) {
        return problems.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Override
    public String toString() {
        return isClean() ? componentCount + " components, no problems"
                : componentCount + " components, " + problems.size() + " problems:\n"
                + problems.stream().map(p -> "  " + p.message()).collect(Collectors.joining("\n"));
    }
}
