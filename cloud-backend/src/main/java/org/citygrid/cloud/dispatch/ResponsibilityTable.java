package org.citygrid.cloud.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citygrid.contracts.dispatch.Responsibility;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.Department;

/**
 * Who is responsible for a category in an area: the most specific row of the responsibility
 * table (grid, then community, street, county, then the city-wide {@code *} row), else the
 * catalogue's dispatch order for the category (owner first for components, territory first for
 * events). The table lives in a GlobalKTable so every instance sees every row, whatever
 * partitions it holds.
 */
public final class ResponsibilityTable {

    /** The table's rows by key ({@link Responsibility#key}): the GlobalKTable over {@code grid.responsibility}. */
    @FunctionalInterface
    public interface Rows {
        Optional<Responsibility> row(String key);
    }

    private final Rows rows;
    private final CategoryCatalogue catalogue;

    public ResponsibilityTable(Rows rows, CategoryCatalogue catalogue) {
        this.rows = rows;
        this.catalogue = catalogue;
    }

    /** The departments to try, in order, with territorial ones resolved to the case's area. */
    public List<Responsibility.Assignment> candidates(String categoryCode, String gridCode) {
        for (String area : List.of(gridCode, gridCode.substring(0, 12), gridCode.substring(0, 9),
                gridCode.substring(0, 6), "*")) {
            Optional<Responsibility> row = rows.row(Responsibility.key(categoryCode, area));
            if (row.isPresent() && !row.get().departments().isEmpty()) {
                return resolve(row.get().departments(), gridCode);
            }
        }
        List<Responsibility.Assignment> fallback = new ArrayList<>();
        catalogue.byCode(categoryCode).map(Category::dispatchOrder).orElse(List.of())
                .forEach(d -> fallback.add(new Responsibility.Assignment(d.code(), List.of())));
        return resolve(fallback, gridCode);
    }

    private List<Responsibility.Assignment> resolve(List<Responsibility.Assignment> assignments, String gridCode) {
        return assignments.stream()
                .map(a -> new Responsibility.Assignment(resolve(a.department(), gridCode), a.handlers()))
                .toList();
    }

    /** {@code STREET_OFFICE} in grid 110101001001023 is {@code STREET_OFFICE:110101001}. */
    private String resolve(String department, String gridCode) {
        if (department.contains(":")) {
            return department;
        }
        return catalogue.department(department).map(Department::territorial).map(level -> switch (level) {
            case NONE -> department;
            case STREET -> department + ":" + gridCode.substring(0, 9);
            case COMMUNITY -> department + ":" + gridCode.substring(0, 12);
        }).orElse(department);
    }
}
