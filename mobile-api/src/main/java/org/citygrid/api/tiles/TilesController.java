package org.citygrid.api.tiles;

import org.citygrid.api.accounts.Authorities;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.map.MapLayer;
import org.citygrid.api.ogcapi.MapKeys;

/**
 * Mapbox vector tiles of grids, cases and sensors in the XYZ scheme (Web Mercator, y from the north),
 * for MapLibre and QGIS. A tile without features is 204 No Content, which both treat as empty.
 */
@Controller("/tiles")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Authorities.CENTRE, MapKeys.ROLE})
@Tag(name = "tiles")
class TilesController {

    static final String MVT = "application/vnd.mapbox-vector-tile";
    /** Beyond zoom 22 a tile is a few centimetres wide: nothing in the read model is that precise. */
    static final int MAX_ZOOM = 22;

    private final TileStore tiles;

    TilesController(TileStore tiles) {
        this.tiles = tiles;
    }

    @Operation(summary = "A Mapbox vector tile of grids, cases or sensors; 204 when empty")
    @Get("/{layer}/{z}/{x}/{y}.mvt")
    HttpResponse<byte[]> tile(@PathVariable String layer, @PathVariable String z, @PathVariable String x,
                              @PathVariable String y) {
        MapLayer mapLayer = MapLayer.byId(layer).orElseThrow(() -> new NotFound(
                "no tile layer '" + layer + "'; the layers are grids, cases and sensors"));
        int zoom = number("z", z, 0, MAX_ZOOM);
        int max = (1 << zoom) - 1;
        int column = number("x", x, 0, max);
        int row = number("y", y, 0, max);
        byte[] bytes = tiles.tile(mapLayer, zoom, column, row);
        if (bytes.length == 0) {
            return HttpResponse.noContent();
        }
        return HttpResponse.ok(bytes).contentType(MVT);
    }

    private static int number(String name, String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Malformed.request("invalid-tile", name + "=" + text + ": not a whole number");
        }
        if (value < min || value > max) {
            throw Malformed.request("invalid-tile", name + "=" + text + ": outside " + min + ".." + max
                    + (name.equals("z") ? "" : " at this zoom"));
        }
        return value;
    }
}
