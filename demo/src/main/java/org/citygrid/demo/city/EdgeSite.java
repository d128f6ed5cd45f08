package org.citygrid.demo.city;

import java.nio.file.Path;
import java.util.List;

import org.citygrid.model.geo.GeoPoint;

/**
 * One edge node of the demo: the street it serves and its files.
 *
 * @param index        1-based
 * @param nodeId       the node's id, derived from the street so that it stays the same across runs (the edge
 *                     node's intake ids start with it)
 * @param streetCode   the 9-digit street code, used as the neighbourhood id
 * @param streetName   for the console
 * @param centre       middle of the street's grids
 * @param radiusMetres reaches every grid of the street
 * @param dir          holds edge.json, devices.json, rules.json and the node's data
 * @param devices      the registered devices: sensors of the street and one patrol field device
 */
public record EdgeSite(int index, String nodeId, String streetCode, String streetName, GeoPoint centre,
                       double radiusMetres, Path dir, List<DemoDevice> devices) {

    public Path configFile() {
        return dir.resolve("edge.json");
    }

    public Path devicesFile() {
        return dir.resolve("devices.json");
    }

    public Path rulesFile() {
        return dir.resolve("rules.json");
    }

    public String name() {
        return "edge-" + index;
    }
}
