// Where a problem is. Three ways, and the coordinate system each speaks, sent with the position as
// "crs" so that the server converts it to WGS 84 itself: the phone's geolocation (WGS 84, as the W3C
// API defines it), a pin on the app's map (WGS 84: the map draws the city's own WGS 84 data), or a
// position pasted from a Chinese map app such as AMap or Tencent Maps (GCJ-02).
import { t } from './i18n.js';

/** The phone's position now: {lon, lat, crs: 'wgs84', accuracy, source: 'gps'}, or null (with the reason in onError). */
export function locate(onError) {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) {
      if (onError) onError(t('position.unsupported'));
      resolve(null);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude, crs: 'wgs84', accuracy: p.coords.accuracy, source: 'gps' }),
      (e) => { if (onError) onError(t('position.denied', { why: e.message || e.code })); resolve(null); },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
  });
}

/**
 * A position pasted from AMap or Tencent Maps ("116.397428,39.90923", as their coordinate pickers and
 * share links write it: longitude first; latitude first is recognised too), or null when the text holds
 * no position in China.
 */
export function parsePasted(text) {
  const numbers = String(text || '').match(/-?\d{1,3}\.\d+/g);
  if (!numbers || numbers.length < 2) return null;
  let lon = parseFloat(numbers[0]);
  let lat = parseFloat(numbers[1]);
  if (Math.abs(lon) <= 90 && Math.abs(lat) > 90) [lon, lat] = [lat, lon];
  if (lon < 73 || lon > 136 || lat < 3 || lat > 54) return null;
  return { lon, lat, crs: 'gcj02', source: 'paste' };
}

/** How the app shows a position to the person. */
export function describe(p) {
  if (!p) return t('position.none');
  if (p.source === 'gps') return t('position.gps', { m: Math.round(p.accuracy || 0) });
  if (p.source === 'paste') return t('position.paste', { lon: p.lon.toFixed(6), lat: p.lat.toFixed(6) });
  return t('position.map') + ' ' + p.lon.toFixed(5) + ', ' + p.lat.toFixed(5);
}

/** Metres between two WGS 84 points (haversine): how far a task is from the worker. */
export function distance(a, b) {
  const r = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}
