package org.citygrid.api.console;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The console's settings: its base map and time zone. Public like the console's files: it says how
 * to draw a map, nothing about cases or people (a tile key in it is a browser key, visible in every
 * tile request anyway).
 */
@Controller("/api/v1/console/config")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "console")
class ConsoleConfigController {

    private final ConsoleSettings settings;

    ConsoleConfigController(ConsoleSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "The console's base map (MapLibre style URL or raster tiles, and their CRS: WGS84 or GCJ02) and time zone")
    @Get
    ConsoleConfig config() {
        return settings.config();
    }
}
