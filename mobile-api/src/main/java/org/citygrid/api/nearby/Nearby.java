package org.citygrid.api.nearby;

import jakarta.inject.Singleton;
import java.util.List;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.i18n.Language;
import org.citygrid.api.validation.CityArea;
import org.citygrid.api.validation.Positions;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.geo.Crs;
import org.citygrid.model.geo.GeoPoint;

/**
 * What is near a point: the open problems a person should see before reporting (so that they follow
 * one instead of reporting it again), and the community a place belongs to (for signing up). The point
 * is in the client's coordinate system; answers come back in it too (the web layer converts them).
 */
@Singleton
public class Nearby {

    public static final int DEFAULT_RADIUS = 300;
    public static final int MAX_RADIUS = 2_000;
    static final int LIMIT = 50;

    private final CategoryCatalogue catalogue = CategoryCatalogue.loadDefault();
    private final NearbyCases store;
    private final CityArea city;

    Nearby(NearbyCases store, CityArea city) {
        this.store = store;
        this.city = city;
    }

    /**
     * @param radius metres, 10 to {@value #MAX_RADIUS}; {@value #DEFAULT_RADIUS} when null
     * @param category a category code to keep to, or null
     */
    public List<NearbyCase> openCases(String viewerId, Double lon, Double lat, Crs crs, Integer radius, String category,
                                      Language language) {
        GeoPoint point = point(lon, lat, crs);
        int r = radius == null ? DEFAULT_RADIUS : radius;
        if (r < 10 || r > MAX_RADIUS) {
            throw Invalid.field("radius", "between 10 and " + MAX_RADIUS + " metres");
        }
        if (category != null) {
            try {
                catalogue.byCode(category).orElseThrow(() -> Invalid.field("category", "no category " + category));
            } catch (IllegalArgumentException e) {
                throw Invalid.field("category", e.getMessage());
            }
        }
        return store.openNear(point, r, category, LIMIT).stream().map(row -> new NearbyCase(row.caseId(),
                row.categoryCode(), name(row.categoryCode(), language), row.state(), row.lon(), row.lat(),
                (int) Math.round(row.distanceMetres()), row.reportedAt(), row.reporters().size(),
                row.reporters().contains(viewerId))).toList();
    }

    /** The community at a point, named in {@code language}; 404 where no unit grid is. */
    public CommunityView communityAt(Double lon, Double lat, Crs crs, Language language) {
        NearbyCases.Community c = store.communityAt(point(lon, lat, crs))
                .orElseThrow(() -> new NotFound("no community of the city at that place"));
        return new CommunityView(c.code(), language == Language.ZH ? c.nameZh() : c.nameEn(), c.streetCode(),
                language == Language.ZH ? c.streetNameZh() : c.streetNameEn());
    }

    /** A community as a person signing up picks it. */
    public record CommunityView(String code, String name, String streetCode, String streetName) {
    }

    private GeoPoint point(Double lon, Double lat, Crs crs) {
        if (lon == null || lat == null) {
            throw Invalid.field(lon == null ? "lon" : "lat", "required");
        }
        return Positions.toWgs84("position", lon, lat, crs.wireName(), city);
    }

    private String name(String code, Language language) {
        try {
            return catalogue.byCode(code).map(Category::name).map(language::pick).orElse(code);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
