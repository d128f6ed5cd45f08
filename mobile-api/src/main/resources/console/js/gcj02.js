// WGS 84 to GCJ-02, the coordinate system Chinese tile services (AMap and most others) draw in: a
// port of the forward formula of grid-model's ChinaCrsTransforms (the published formula; identity
// outside China), so overlay coordinates line up with such a base map. Checked against the Java
// class point by point in ConsoleLiveMapSpec.

const A = 6378245.0;
const EE = 0.00669342162296594323;

export function outsideChina(lon, lat) {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function north(x, y) {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
  r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
  return r;
}

function east(x, y) {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
  r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
  return r;
}

/** [lon, lat] in GCJ-02 for a WGS 84 position. */
export function toGcj02(lon, lat) {
  if (outsideChina(lon, lat)) return [lon, lat];
  const x = lon - 105.0;
  const y = lat - 35.0;
  const radLat = lat / 180.0 * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (north(x, y) * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
  const dLon = (east(x, y) * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** A GeoJSON FeatureCollection with every coordinate moved to GCJ-02 (a new object; the input is left alone). */
export function collectionToGcj02(fc) {
  const move = (c) => (typeof c[0] === 'number' ? toGcj02(c[0], c[1]) : c.map(move));
  return Object.assign({}, fc, {
    features: fc.features.map((f) => Object.assign({}, f, {
      geometry: f.geometry && Object.assign({}, f.geometry, { coordinates: move(f.geometry.coordinates) })
    }))
  });
}
