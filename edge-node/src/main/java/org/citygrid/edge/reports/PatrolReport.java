package org.citygrid.edge.reports;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.citygrid.model.geo.GeoPoint;

/**
 * A patrol report as a field device posts it to {@code /r}, in JSON or CBOR.
 *
 * @param id         the device's own report id: a retry carries the same id and is not filed twice
 * @param category   catalogue code with its kind, e.g. {@code C0101} or {@code E0401}
 * @param position   WGS 84 position of the problem
 * @param observedAt when the problem was seen; ISO-8601 text or epoch seconds; absent means now
 * @param text       what the grid worker wrote
 * @param reporter   the grid worker's user id; absent means the device
 * @param device     the posting device, only needed (and only believed) over plain development CoAP
 * @param photo      the photo bytes (a CBOR byte string, or base64 in JSON)
 * @param anonymous  hide the reporter from the public
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatrolReport(String id, String category, GeoPoint position, Instant observedAt, String text,
                           String reporter, String device, byte[] photo, Boolean anonymous) {
}
