package org.citygrid.api.keys;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
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
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.ogcapi.MapKeys;
import org.citygrid.api.open311.ApiKeys;

/**
 * Administrators issue and revoke keys of other systems: read-only map keys to GIS desks (a department's QGIS, a
 * GDAL script...) and api_keys to Open311 clients (a city app, a partner's kiosk...). One controller
 * for both because issuing is the same step over {@code support/HashedKeys}; the kinds differ only
 * in their table and in what the key opens, which {@link MapKeys} and {@link ApiKeys} decide.
 */
@Controller("/api/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
class AdminKeysController {

    private final MapKeys mapKeys;
    private final ApiKeys open311Keys;

    AdminKeysController(MapKeys mapKeys, ApiKeys open311Keys) {
        this.mapKeys = mapKeys;
        this.open311Keys = open311Keys;
    }

    /** Who the key is for, as shown in logs and in the key's row. */
    @Introspected
    record NewKey(@NotBlank @Pattern(regexp = "[A-Za-z0-9 ._-]{1,64}") String client) {
    }

    @Tag(name = "ogcapi")
    @Operation(summary = "Issue a read-only key for /ogcapi and /tiles; the key is shown only in this answer",
            security = @SecurityRequirement(name = "bearer"))
    @Post("/map-keys")
    HttpResponse<MapKeys.IssuedKey> issueMapKey(@Body @Valid NewKey body) {
        return HttpResponse.status(HttpStatus.CREATED).body(mapKeys.issue(body.client()));
    }

    @Tag(name = "ogcapi")
    @Operation(summary = "Revoke a map key: at once on the instance answering, within the map-key cache time "
            + "(citygrid.map-keys.cache-time, 30 s) on the others", security = @SecurityRequirement(name = "bearer"))
    @Delete("/map-keys/{id}")
    HttpResponse<Void> revokeMapKey(@PathVariable String id) {
        return revoked(mapKeys.revoke(id), id);
    }

    @Tag(name = "open311")
    @Operation(summary = "Issue an Open311 api_key; the key is shown only in this answer",
            security = @SecurityRequirement(name = "bearer"))
    @Post("/open311-keys")
    HttpResponse<ApiKeys.IssuedKey> issueOpen311Key(@Body @Valid NewKey body) {
        return HttpResponse.status(HttpStatus.CREATED).body(open311Keys.issue(body.client()));
    }

    @Tag(name = "open311")
    @Operation(summary = "Revoke an Open311 api_key, at once", security = @SecurityRequirement(name = "bearer"))
    @Delete("/open311-keys/{id}")
    HttpResponse<Void> revokeOpen311Key(@PathVariable String id) {
        return revoked(open311Keys.revoke(id), id);
    }

    private static HttpResponse<Void> revoked(boolean found, String id) {
        if (!found) {
            throw new NotFound("no key " + id);
        }
        return HttpResponse.noContent();
    }
}
