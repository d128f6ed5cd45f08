package org.citygrid.api.nearby;

import java.time.Instant;
import org.citygrid.api.crs.Located;

/**
 * An open problem near a point, as anyone signed in may see it before reporting: what, where, since
 * when and how far, never who reported it, what they wrote or their photos.
 *
 * @param category  the category's name in the language asked for
 * @param lon       WGS 84, or the system the client asks for ({@link Located})
 * @param distance  metres from the point asked about, on the ellipsoid
 * @param reports   how many people reported it
 * @param mine      whether the person asking is one of them (they follow it already)
 */
public record NearbyCase(String caseId, String categoryCode, String category, String state, double lon, double lat,
                         int distance, Instant reportedAt, int reports, boolean mine) implements Located<NearbyCase> {

    @Override
    public NearbyCase at(double lon, double lat) {
        return new NearbyCase(caseId, categoryCode, category, state, lon, lat, distance, reportedAt, reports, mine);
    }
}
