package org.citygrid.sample;

import java.util.List;
import java.util.Objects;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.inventory.ComponentRegister;
import org.citygrid.model.patrol.PatrolArea;

/**
 * A made-up but plausible district: its grids, departments, people, sensors, component inventory
 * and patrol areas.
 *
 * @param grids       the district's streets, communities and unit grids
 * @param departments district-wide departments, then one office per street and one committee per community
 * @param workers     grid workers, handlers and the centres' posts
 * @param sensors     sensors, each inside its grid
 * @param components  the component inventory (部件普查)
 * @param patrolAreas the patrol areas (监督网格), each grid in exactly one, with its supervisor
 */
public record SampleCity(GridHierarchy grids, List<Department> departments, List<Worker> workers, List<Sensor> sensors,
                         ComponentRegister components, List<PatrolArea> patrolAreas) {

    public SampleCity {
        Objects.requireNonNull(grids, "grids");
        Objects.requireNonNull(components, "components");
        departments = List.copyOf(departments);
        workers = List.copyOf(workers);
        sensors = List.copyOf(sensors);
        patrolAreas = List.copyOf(patrolAreas);
    }

    /** A city as written before components and patrol areas: none of either. */
    public SampleCity(GridHierarchy grids, List<Department> departments, List<Worker> workers, List<Sensor> sensors) {
        this(grids, departments, workers, sensors, new ComponentRegister(grids.district().code(), List.of()), List.of());
    }
}
