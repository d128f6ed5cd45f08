package org.citygrid.cloud.geocode;

import java.nio.file.Path;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.grid.GridGeoJson;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.grid.GridIndex;
import org.citygrid.model.grid.GridLookup;
import org.citygrid.model.sample.SampleCityGenerator;

/**
 * The production {@link GridLocator}: grid-model's JTS index of the city's unit grids, with its
 * tolerance for positions just outside a grid (a phone fix a few metres off the district's edge).
 */
public final class IndexedGridLocator implements GridLocator {

    private final GridIndex index;

    public IndexedGridLocator(GridIndex index) {
        this.index = index;
    }

    /** The grids of {@code file} (GeoJSON, WGS 84), or the generated Dongcheng sample city when null. */
    public static GridHierarchy load(Path file) {
        return file == null ? new SampleCityGenerator(1).generate().grids() : new GridGeoJson().read(file);
    }

    @Override
    public Placement place(GeoPoint position) {
        return switch (index.locate(position)) {
            case GridLookup.Inside in -> new InGrid(in.grid().code().value());
            case GridLookup.Near near -> new InGrid(near.grid().code().value());
            case GridLookup.Outside out -> new Outside(out.distanceMetres());
        };
    }
}
