package org.citygrid.sample;

import java.util.List;
import java.util.Objects;
import org.citygrid.model.grid.GridHierarchy;

/**
 * A made-up but plausible district: its grids, departments, people and sensors.
 *
 * @param grids       the district's streets, communities and unit grids
 * @param departments district-wide departments, then one office per street and one committee per community
 * @param workers     grid workers, handlers and operators
 * @param sensors     sensors, each inside its grid
 */
public record SampleCity(GridHierarchy grids, List<Department> departments, List<Worker> workers, List<Sensor> sensors) {

    public SampleCity {
        Objects.requireNonNull(grids, "grids");
        departments = List.copyOf(departments);
        workers = List.copyOf(workers);
        sensors = List.copyOf(sensors);
    }
}
