package org.citygrid.api.patrol;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.citygrid.api.accounts.CurrentUser;

/** A grid worker's patrol: the track posted while on duty, and the area they cover. */
@Controller("/api/v1/patrol")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("GRID_WORKER")
@Tag(name = "patrol")
class PatrolController {

    private static final String GEOJSON = "application/geo+json";

    private final Patrol patrol;

    PatrolController(Patrol patrol) {
        this.patrol = patrol;
    }

    @Operation(summary = "Post a batch of track points (1-500; lon, lat, at, accuracy in metres; crs of the batch: wgs84 "
            + "by default). A point sent again is kept once, so a batch may be retried without an Idempotency-Key",
            security = @SecurityRequirement(name = "bearer"))
    @Post("/track")
    Patrol.Received track(@Body @Valid Patrol.TrackBatch batch, Authentication auth) {
        return patrol.addTrack(CurrentUser.of(auth), batch);
    }

    @Operation(summary = "My track of the last hours (1-48, default 12), oldest first, WGS 84",
            security = @SecurityRequirement(name = "bearer"))
    @Get("/track")
    List<PatrolStore.TrackPoint> myTrack(@QueryValue @Nullable Integer hours, Authentication auth) {
        return patrol.recentTrack(CurrentUser.of(auth), hours == null ? 12 : hours);
    }

    @Operation(summary = "The unit grids I cover, as GeoJSON (WGS 84) with their codes and names",
            security = @SecurityRequirement(name = "bearer"))
    @Get(value = "/area", produces = {GEOJSON, MediaType.APPLICATION_JSON})
    HttpResponse<String> area(Authentication auth) {
        return HttpResponse.ok(patrol.area(CurrentUser.of(auth))).contentType(GEOJSON);
    }
}
