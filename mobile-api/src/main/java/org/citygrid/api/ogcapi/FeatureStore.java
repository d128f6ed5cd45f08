package org.citygrid.api.ogcapi;

import java.util.List;
import java.util.Optional;
import org.citygrid.api.map.Bbox;
import org.citygrid.api.map.MapLayer;

/**
 * The feature collections' GeoJSON, written by PostGIS. Pages are keyset pages on the feature id: a
 * page is "the next {@code limit} ids after the last one seen", which stays cheap deep into a million
 * rows and neither skips nor repeats a feature when rows are added while a client pages.
 */
public interface FeatureStore {

    /**
     * @param features the GeoJSON features of the page, in id order
     * @param lastId   the id of the last feature, for the next page
     * @param more     whether a feature follows the page
     */
    record Page(List<String> features, String lastId, boolean more) {
    }

    /** One page of {@code layer} matching the filters (each may be null), after the id {@code after}. */
    Page page(MapLayer layer, Bbox bbox, TimeFilter time, String after, int limit);

    /** How many features match, without paging: the {@code numberMatched} of the first page. */
    long count(MapLayer layer, Bbox bbox, TimeFilter time);

    /** One feature's GeoJSON. */
    Optional<String> byId(MapLayer layer, String id);
}
