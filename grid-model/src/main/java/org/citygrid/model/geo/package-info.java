/**
 * Positions and the coordinate systems of Chinese phone maps.
 *
 * <p>CityGrid stores and indexes WGS 84. Clients send positions in WGS 84 (GPS, OpenStreetMap),
 * GCJ-02 (AMap, Tencent) or BD-09 (Baidu) and say which in a {@code crs} field, read with
 * {@link org.citygrid.model.geo.Crs#parse(String)}; {@link org.citygrid.model.geo.Position#toWgs84()}
 * converts on the way in. The formulas and their accuracy are documented on
 * {@link org.citygrid.model.geo.ChinaCrsTransforms}.
 */
package org.citygrid.model.geo;
