package org.citygrid.api.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The console's settings as the page reads them.
 *
 * @param zone    the city's time zone, in which every date on the page is shown
 * @param baseMap the base map; {@code configured} false when there is none
 */
public record ConsoleConfig(String zone, BaseMap baseMap) {

    /**
     * @param styleUrl a MapLibre style document's URL
     * @param tiles    raster tile URL templates ({z}, {x}, {y}), used when there is no style
     * @param crs      {@code WGS84} or {@code GCJ02}: the coordinate system the tiles are drawn in
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BaseMap(boolean configured, String styleUrl, List<String> tiles, String crs, String attribution,
                          int tileSize, int maxZoom) {
    }
}
