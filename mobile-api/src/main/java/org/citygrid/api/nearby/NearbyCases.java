package org.citygrid.api.nearby;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.citygrid.model.geo.GeoPoint;

/** Read-model queries about what is near a point (grid.cases, grid.grids). */
public interface NearbyCases {

    /**
     * Open cases within {@code radiusMetres} of {@code point}, nearest first.
     *
     * @param categoryCode only this category, or every one when null
     */
    List<Row> openNear(GeoPoint point, double radiusMetres, String categoryCode, int limit);

    /** The community whose unit grid contains {@code point}, if any. */
    Optional<Community> communityAt(GeoPoint point);

    /** One open case near the point, with its reporters (kept server-side: only their count and "mine" leave). */
    record Row(String caseId, String categoryCode, String state, double lon, double lat, double distanceMetres,
               Instant reportedAt, List<String> reporters) {
    }

    /** A community with its street, named in both languages. */
    record Community(String code, String nameZh, String nameEn, String streetCode, String streetNameZh,
                     String streetNameEn) {
    }
}
