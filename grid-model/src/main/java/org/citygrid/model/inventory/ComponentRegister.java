package org.citygrid.model.inventory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.citygrid.model.component.ComponentCode;
import org.citygrid.model.grid.GridCode;

/**
 * A district's component inventory as loaded: its components in code order. It keeps what it is
 * given, duplicate codes included, so that {@link ComponentValidator} can report them; look-ups by
 * code answer the first.
 *
 * @param county     the district's 6-digit county code
 * @param components every component, in code order
 */
public record ComponentRegister(String county, List<Component> components) {

    public ComponentRegister {
        GridCode.requireCountyCode(county);
        components = components.stream().sorted(Comparator.comparing(Component::code)).toList();
    }

    public Optional<Component> component(ComponentCode code) {
        return components.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Component> component(String code) {
        return ComponentCode.isValid(code) ? component(ComponentCode.parse(code)) : Optional.empty();
    }

    /** The components of one class, e.g. {@code C0118}, in code order. */
    public List<Component> ofCategory(String categoryCode) {
        return components.stream().filter(c -> c.categoryCode().equals(categoryCode)).toList();
    }

    /** The components standing in one unit grid, in code order. */
    public List<Component> inGrid(GridCode grid) {
        return components.stream().filter(c -> c.gridCode().equals(grid)).toList();
    }

    /** How many components each class has, by category code. */
    public Map<String, Long> countByCategory() {
        return components.stream().collect(Collectors.groupingBy(Component::categoryCode, LinkedHashMap::new,
                Collectors.counting()));
    }

    public int size() {
        return components.size();
    }

    @Override
    public String toString() {
        return "ComponentRegister[" + county + ", " + components.size() + " components]";
    }
}
