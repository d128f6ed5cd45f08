package org.citygrid.api.ogcapi;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Administrators issue read-only map keys to GIS desks (a department's QGIS, a GDAL script...). */
@Controller("/api/v1/admin/map-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
@Tag(name = "ogcapi")
class MapKeysController {

    private final MapKeys keys;

    MapKeysController(MapKeys keys) {
        this.keys = keys;
    }

    @Introspected
    record NewKey(@NotBlank @Pattern(regexp = "[A-Za-z0-9 ._-]{1,64}") String client) {
    }

    @Operation(summary = "Issue a read-only key for /ogcapi and /tiles; the key is shown only in this answer",
            security = @SecurityRequirement(name = "bearer"))
    @Post
    HttpResponse<MapKeys.IssuedKey> issue(@Body @Valid NewKey body) {
        return HttpResponse.status(HttpStatus.CREATED).body(keys.issue(body.client()));
    }
}
