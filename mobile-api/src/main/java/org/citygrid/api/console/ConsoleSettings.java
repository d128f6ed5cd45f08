package org.citygrid.api.console;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the console draws its base map and tells time (docs/console.md): a MapLibre style URL, or
 * raster tile URL templates (Tianditu WMTS, AMap, a self-hosted tile server), the coordinate system
 * the tiles are drawn in (GCJ-02 for most Chinese services, so the page shifts its overlay to match),
 * and the city's time zone. Without a style or tiles the page draws no base map and says how to add one.
 */
@Singleton
public class ConsoleSettings {

    private final String zone;
    private final String styleUrl;
    private final List<String> tiles;
    private final String crs;
    private final String attribution;
    private final int tileSize;
    private final int maxZoom;

    ConsoleSettings(@Value("${citygrid.console.zone:Asia/Shanghai}") String zone,
                    @Value("${citygrid.console.base-map.style-url:}") String styleUrl,
                    @Value("${citygrid.console.base-map.tiles:}") String tiles,
                    @Value("${citygrid.console.base-map.crs:WGS84}") String crs,
                    @Value("${citygrid.console.base-map.attribution:}") String attribution,
                    @Value("${citygrid.console.base-map.tile-size:256}") int tileSize,
                    @Value("${citygrid.console.base-map.max-zoom:18}") int maxZoom) {
        this.zone = ZoneId.of(zone).getId();
        this.styleUrl = styleUrl.isBlank() ? null : styleUrl.strip();
        // templates hold commas only between themselves: {x},{y} never appear with a comma between
        this.tiles = Arrays.stream(tiles.split("\\s*,\\s*(?=https?://|/)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.crs = crs.strip().toUpperCase(Locale.ROOT).replace("-", "");
        if (!this.crs.equals("WGS84") && !this.crs.equals("GCJ02")) {
            throw new IllegalArgumentException("citygrid.console.base-map.crs must be WGS84 or GCJ02, was " + crs);
        }
        this.attribution = attribution.isBlank() ? null : attribution.strip();
        this.tileSize = tileSize;
        this.maxZoom = maxZoom;
    }

    /** What the page reads at start ({@code GET /api/v1/console/config}). */
    public ConsoleConfig config() {
        boolean configured = styleUrl != null || !tiles.isEmpty();
        return new ConsoleConfig(zone, new ConsoleConfig.BaseMap(configured, styleUrl, tiles.isEmpty() ? null : tiles, crs,
                attribution, tileSize, maxZoom));
    }

    /**
     * The origins the base map loads from (scheme, host and port), for a Content-Security-Policy's
     * {@code connect-src} and {@code img-src}; empty without a base map or when it is served here.
     */
    public Set<String> baseMapOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(styleUrl), tiles.stream()).forEach(u -> {
            URI uri = URI.create(u.replace("{", "%7B").replace("}", "%7D"));
            if (uri.getScheme() != null && uri.getHost() != null) {
                origins.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
            }
        });
        return origins;
    }
}
