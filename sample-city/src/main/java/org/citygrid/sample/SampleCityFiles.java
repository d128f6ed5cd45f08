package org.citygrid.sample;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citygrid.model.grid.GridGeoJson;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.inventory.ComponentGeoJson;
import org.citygrid.model.inventory.ComponentRegister;
import org.citygrid.model.patrol.PatrolArea;
import org.citygrid.model.wire.WireJson;

/**
 * Writes and reads a sample city as six files in a directory, so the demo and other modules can
 * load the same city without generating it:
 * <ul>
 *   <li>{@value #GRIDS}: the unit grids, in the format of {@link GridGeoJson};
 *   <li>{@value #DEPARTMENTS}: a JSON array of {@link Department}s:
 *       {@code {"id", "type", "nameZh", "nameEn", "areaCode"}};
 *   <li>{@value #WORKERS}: a JSON array of {@link Worker}s:
 *       {@code {"id", "name", "role", "departmentId", "gridCodes": ["110101001001001", ...]}};
 *   <li>{@value #SENSORS}: a JSON array of {@link Sensor}s:
 *       {@code {"id", "type": "manhole-tilt", "gridCode", "position": {"lon", "lat"}}};
 *   <li>{@value #COMPONENTS}: the component inventory, in the format of {@link ComponentGeoJson};
 *   <li>{@value #PATROL_AREAS}: a JSON array of {@link PatrolArea}s:
 *       {@code {"id", "name": {"zh", "en"}, "grids": [...], "supervisors": [...]}}.
 * </ul>
 * A city written before components and patrol areas reads with none of either.
 * Files are written in a fixed order of keys and elements, so one city always gives the same bytes.
 */
public final class SampleCityFiles {

    public static final String GRIDS = "grids.geojson";
    public static final String DEPARTMENTS = "departments.json";
    public static final String WORKERS = "workers.json";
    public static final String SENSORS = "sensors.json";
    public static final String COMPONENTS = "components.geojson";
    public static final String PATROL_AREAS = "patrol-areas.json";

    // grid codes and sensor types as their strings, by grid-model's wire mapping; no other wire settings
    private final ObjectMapper mapper = new ObjectMapper().registerModule(WireJson.module())
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final GridGeoJson geoJson = new GridGeoJson();
    private final ComponentGeoJson componentJson = new ComponentGeoJson();

    /** Writes the city's files into {@code dir}, creating it if needed and replacing older files. */
    public void write(SampleCity city, Path dir) {
        try {
            Files.createDirectories(dir);
            geoJson.write(city.grids(), dir.resolve(GRIDS));
            mapper.writeValue(dir.resolve(DEPARTMENTS).toFile(), city.departments());
            mapper.writeValue(dir.resolve(WORKERS).toFile(), city.workers());
            mapper.writeValue(dir.resolve(SENSORS).toFile(), city.sensors());
            componentJson.write(city.components(), dir.resolve(COMPONENTS));
            mapper.writeValue(dir.resolve(PATROL_AREAS).toFile(), city.patrolAreas());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample city to " + dir, e);
        }
    }

    /** Reads a city written by {@link #write}. */
    public SampleCity read(Path dir) {
        try {
            GridHierarchy grids = geoJson.read(dir.resolve(GRIDS));
            List<Department> departments = mapper.readValue(dir.resolve(DEPARTMENTS).toFile(), new TypeReference<>() {});
            List<Worker> workers = mapper.readValue(dir.resolve(WORKERS).toFile(), new TypeReference<>() {});
            List<Sensor> sensors = mapper.readValue(dir.resolve(SENSORS).toFile(), new TypeReference<>() {});
            if (!Files.exists(dir.resolve(COMPONENTS))) {
                return new SampleCity(grids, departments, workers, sensors);
            }
            ComponentRegister components = componentJson.read(dir.resolve(COMPONENTS));
            List<PatrolArea> areas = Files.exists(dir.resolve(PATROL_AREAS))
                    ? mapper.readValue(dir.resolve(PATROL_AREAS).toFile(), new TypeReference<>() {}) : List.of();
            return new SampleCity(grids, departments, workers, sensors, components, areas);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample city from " + dir, e);
        }
    }
}
