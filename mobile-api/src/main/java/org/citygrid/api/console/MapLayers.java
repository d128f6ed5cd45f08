package org.citygrid.api.console;

import java.time.Instant;
import java.util.List;
import org.citygrid.api.map.Bbox;

/**
 * The console's map layers as GeoJSON FeatureCollections (text), straight from the read model, with
 * the properties {@link org.citygrid.api.map.MapLayer} lists for the console. Every box may be null
 * (the whole city).
 */
public interface MapLayers {

    /** At most this many case points in one answer; the map asks again for a smaller viewport. */
    int MAX_CASES = 10_000;

    /** Unit grids with their open cases and how many of them are late (marked overdue, or past their deadline now). */
    String grids(Bbox bbox);

    /**
     * Open and late case counts of the grids that have open cases, without geometry:
     * {@code {"110101001001023": [2, 1], ...}}. What the console re-reads instead of the grid layer.
     */
    String gridCounts();

    /** Street or community outlines: the union of their unit grids. */
    String areas(AreaLevel level, Bbox bbox);

    /** Sensors with the last alarm edge seen (RAISED or CLEARED) and the case their latest alarm opened or joined. */
    String sensors(Bbox bbox);

    /** Cases in the box; open ones only unless states are named (terminal states included then). */
    String cases(Bbox bbox, CaseFilter filter);

    /**
     * Which cases the map shows: empty lists filter nothing; {@code reportedFrom} is inclusive,
     * {@code reportedBefore} exclusive, either may be null.
     */
    record CaseFilter(List<String> states, List<String> categories, List<String> departments,
                      Instant reportedFrom, Instant reportedBefore) {
    }

    /** The area levels whose outlines the map draws over the unit grids. */
    enum AreaLevel {
        STREET,
        COMMUNITY
    }
}
