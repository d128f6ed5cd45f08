package org.citygrid.api.nearby;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.citygrid.api.crs.ClientCrs;
import org.citygrid.api.i18n.Language;

/**
 * What is near a point, for the phone app: open problems before reporting, and the community of a
 * place for signing up. {@code lat}/{@code lon} are in the client's system ({@code crs} or
 * {@code Accept-Crs}: wgs84 by default, gcj02 for AMap and Tencent, bd09 for Baidu), and positions
 * come back in it.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "nearby")
class NearbyController {

    private final Nearby nearby;

    NearbyController(Nearby nearby) {
        this.nearby = nearby;
    }

    @Operation(summary = "Open problems near a point, nearest first, at most 50: category, state, position, distance "
            + "(m), when reported, how many reported it and whether you did; never who, what they wrote or their "
            + "photos. radius 10-2000 m (300); category: one category code", security = @SecurityRequirement(name = "bearer"))
    @Get("/cases/nearby")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<List<NearbyCase>> cases(@QueryValue @Nullable Double lat, @QueryValue @Nullable Double lon,
                                         @QueryValue @Nullable Integer radius, @QueryValue @Nullable String category,
                                         @QueryValue @Nullable String crs, @Header(ClientCrs.HEADER) @Nullable String crsHeader,
                                         @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
                                         Authentication auth) {
        Language language = Language.preferred(acceptLanguage);
        return HttpResponse.ok(nearby.openCases(auth.getName(), lon, lat, ClientCrs.of(crs, crsHeader), radius, category,
                language)).header(HttpHeaders.CONTENT_LANGUAGE, language.tag());
    }

    @Operation(summary = "The community a place belongs to (its unit grid's), for signing up: code and name, street")
    @Get("/communities/at")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Nearby.CommunityView> community(@QueryValue @Nullable Double lat, @QueryValue @Nullable Double lon,
                                                 @QueryValue @Nullable String crs,
                                                 @Header(ClientCrs.HEADER) @Nullable String crsHeader,
                                                 @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        Language language = Language.preferred(acceptLanguage);
        return HttpResponse.ok(nearby.communityAt(lon, lat, ClientCrs.of(crs, crsHeader), language))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag());
    }
}
