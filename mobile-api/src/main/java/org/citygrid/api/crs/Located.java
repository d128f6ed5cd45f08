package org.citygrid.api.crs;

import org.citygrid.model.geo.Crs;
import org.citygrid.model.geo.Position;

/**
 * A view that shows a position, stored and computed in WGS 84, which a client may ask for in the
 * coordinate system of its map ({@link ClientCrs}). Views implement it, and the web layer's
 * {@code CrsFilter} hands a client each such view (alone or in a list) in the system it asked for.
 *
 * @param <T> the view itself
 */
public interface Located<T extends Located<T>> {

    /** WGS 84 longitude. */
    double lon();

    /** WGS 84 latitude. */
    double lat();

    /** The same view with its position replaced. */
    T at(double lon, double lat);

    /** The same view with its position in {@code crs} (itself for WGS 84). */
    @SuppressWarnings("unchecked")
    default T in(Crs crs) {
        if (crs == Crs.WGS84) {
            return (T) this;
        }
        Position p = Position.wgs84(lon(), lat()).to(crs);
        return at(p.lon(), p.lat());
    }
}
