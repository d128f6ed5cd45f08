package org.citygrid.model.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.CategoryKind;
import org.citygrid.model.component.ComponentCode;
import org.citygrid.model.grid.GridIndex;
import org.citygrid.model.grid.GridLookup;

/**
 * Checks a register against the catalogue and the grids and lists every problem, not the first:
 * duplicate codes, codes of another district, classes and departments the catalogue does not
 * list, and positions outside their declared grid or outside every grid. A separate, explicit step,
 * like {@link org.citygrid.model.grid.GridValidator}.
 */
public final class ComponentValidator {

    private final CategoryCatalogue catalogue;
    private final GridIndex grids;
    private final Predicate<String> knownDepartment;

    /**
     * @param catalogue the catalogue whose component classes and departments the register refers to
     * @param grids     the district's grids, to check each position against its declared grid
     */
    public ComponentValidator(CategoryCatalogue catalogue, GridIndex grids) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.grids = Objects.requireNonNull(grids, "grids");
        // a territorial department is named with its area: STREET_OFFICE:110101001
        this.knownDepartment = code -> catalogue.department(code.contains(":") ? code.substring(0, code.indexOf(':')) : code)
                .isPresent();
    }

    public ComponentReport validate(ComponentRegister register) {
        List<ComponentProblem> problems = new ArrayList<>();
        Map<ComponentCode, Integer> counts = new LinkedHashMap<>();
        register.components().forEach(c -> counts.merge(c.code(), 1, Integer::sum));
        counts.forEach((code, n) -> {
            if (n > 1) {
                problems.add(new ComponentProblem.DuplicateCode(code, n));
            }
        });
        for (Component c : register.components()) {
            if (!c.code().county().equals(register.county())) {
                problems.add(new ComponentProblem.WrongCounty(c.code(), register.county()));
            }
        }
        for (Component c : register.components()) {
            boolean known = catalogue.byCode(c.categoryCode()).map(k -> k.kind() == CategoryKind.COMPONENT).orElse(false);
            if (!known) {
                problems.add(new ComponentProblem.UnknownClass(c.code()));
            }
        }
        for (Component c : register.components()) {
            if (!knownDepartment.test(c.owner())) {
                problems.add(new ComponentProblem.UnknownDepartment(c.code(), "owner", c.owner()));
            }
            if (c.maintainer() != null && !knownDepartment.test(c.maintainer())) {
                problems.add(new ComponentProblem.UnknownDepartment(c.code(), "maintainer", c.maintainer()));
            }
        }
        for (Component c : register.components()) {
            GridLookup lookup = grids.locate(c.position().lon(), c.position().lat());
            switch (lookup) {
                case GridLookup.Outside out -> problems.add(new ComponentProblem.OutsideGrids(c.code(), out.distanceMetres()));
                default -> lookup.assignedGrid().filter(g -> !g.code().equals(c.gridCode()))
                        .ifPresent(g -> problems.add(new ComponentProblem.GridMismatch(c.code(), c.gridCode(), g.code())));
            }
        }
        List<ComponentProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ComponentValidator::kindOrder).thenComparing(ComponentProblem::code));
        return new ComponentReport(register.size(), sorted);
    }

    private static int kindOrder(ComponentProblem p) {
        Class<?>[] kinds = ComponentProblem.class.getPermittedSubclasses();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i].isInstance(p)) {
                return i;
            }
        }
        return kinds.length;
    }
}
