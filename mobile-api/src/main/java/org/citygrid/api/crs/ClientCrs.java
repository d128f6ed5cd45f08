package org.citygrid.api.crs;

import org.citygrid.api.errors.Malformed;
import org.citygrid.model.geo.Crs;
import org.citygrid.model.geo.UnknownCrsException;

/**
 * The coordinate system a client's map speaks: the {@code crs} query parameter, or else the
 * {@code Accept-Crs} header, or else WGS 84. Names are grid-model's {@link Crs#parse} (wgs84, gcj02,
 * bd09 and their aliases: amap, gaode, tencent, baidu...). A phone drawing on AMap or Tencent Maps
 * asks for {@code gcj02} and gets positions it can draw as they are: the API stores WGS 84 and
 * converts on the way out (and, where a request carries a position, on the way in).
 */
public final class ClientCrs {

    /** The request header a client names its coordinate system in, when it does not use the query parameter. */
    public static final String HEADER = "Accept-Crs";
    /** The response header naming the coordinate system the positions of the body are in. */
    public static final String CONTENT_HEADER = "Content-Crs";
    public static final String PARAMETER = "crs";

    private ClientCrs() {
    }

    /**
     * @param parameter the {@code crs} query parameter, or null
     * @param header    the {@code Accept-Crs} header, or null
     * @throws Malformed {@code invalid-crs} (400) naming the accepted systems, for a name it does not know
     */
    public static Crs of(String parameter, String header) {
        String name = parameter != null && !parameter.isBlank() ? parameter : header;
        if (name == null || name.isBlank()) {
            return Crs.WGS84;
        }
        try {
            return Crs.parse(name);
        } catch (UnknownCrsException e) {
            throw Malformed.request("invalid-crs", (parameter != null && !parameter.isBlank() ? PARAMETER : HEADER)
                    + ": " + e.getMessage() + " (wgs84, gcj02 or bd09)");
        }
    }
}
