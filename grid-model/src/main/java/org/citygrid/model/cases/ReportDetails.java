package org.citygrid.model.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.citygrid.model.component.ComponentCode;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.grid.GridCode;

/**
 * What a reporter said about a problem: the content of a first report, and of every duplicate
 * merged into the case later.
 *
 * @param sourceId     the id the intake channel gave the report (edge event id, app report id,
 *                     Open311 request id); the same source id never opens or joins a case twice
 * @param channel      how the report arrived
 * @param categoryCode the category code from the catalogue, kind included: {@code C0101} is a component, {@code E0101} an event
 * @param gridCode     the unit grid the position falls in
 * @param position     WGS 84 position
 * @param description  free text; may be empty for sensor alarms
 * @param reporterId   the reporting user or device; followers of the case are told of changes
 * @param anonymous    whether the reporter is hidden from the public (never from operators)
 * @param observedAt   when the reporter saw the problem (the sensor's reading time, the photo's)
 * @param evidence     photos and other media
 * @param componentCode the component (部件标识码) the report names, if the reporter picked one on the
 *                      map or a sensor is mounted on it; {@code null} otherwise. A component's
 *                      class is the report's category: its code's class digits match
 *                      {@code categoryCode}
 */
public record ReportDetails(
        String sourceId,
        Channel channel,
        String categoryCode,
        String gridCode,
        GeoPoint position,
        String description,
        String reporterId,
        boolean anonymous,
        Instant observedAt,
        List<Evidence> evidence,
        String componentCode) {

    public ReportDetails {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(observedAt, "observedAt");
        requireText(sourceId, "sourceId");
        requireText(categoryCode, "categoryCode");
        requireText(gridCode, "gridCode");
        if (!GridCode.isValid(gridCode)) {
            throw new IllegalArgumentException("a report's gridCode is a unit grid code (county, street, community, serial), not '" + gridCode + "'");
        }
        requireText(reporterId, "reporterId");
        description = description == null ? "" : description;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (componentCode != null) {
            ComponentCode component = ComponentCode.parse(componentCode);
            if (!component.categoryCode().equals(categoryCode)) {
                throw new IllegalArgumentException("component " + componentCode + " is of category " + component.categoryCode()
                        + ", not " + categoryCode);
            }
        }
    }

    /** A report that names no component. */
    public ReportDetails(String sourceId, Channel channel, String categoryCode, String gridCode, GeoPoint position,
                         String description, String reporterId, boolean anonymous, Instant observedAt,
                         List<Evidence> evidence) {
        this(sourceId, channel, categoryCode, gridCode, position, description, reporterId, anonymous, observedAt, evidence,
                null);
    }

    /** The same report, corrected when filing: another category, position and grid, or component. */
    public ReportDetails corrected(String newCategory, GeoPoint newPosition, String newGrid, String newComponent) {
        return new ReportDetails(sourceId, channel, newCategory, newGrid, newPosition, description, reporterId, anonymous,
                observedAt, evidence, newComponent);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a report needs a " + name);
        }
    }
}
