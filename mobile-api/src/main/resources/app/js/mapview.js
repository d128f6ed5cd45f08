// The map: MapLibre GL JS, the console's copy (/console/vendor), loaded only when a map is opened so
// that the app's first screen does not wait for it. It draws the city's own WGS 84 data (no tile
// server): a pin to place, the person's GPS position, open problems nearby, a worker's grids and track.
import { $, show, back } from './ui.js';
import { t } from './i18n.js';
import { call } from './api.js';

const EMPTY = { type: 'FeatureCollection', features: [] };
let loading = null;
let map = null;
let mode = null;
let pin = null;
let done = null;

function maplibre() {
  if (window.maplibregl) return Promise.resolve(window.maplibregl);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/console/vendor/maplibre-gl.css' }));
      const s = document.createElement('script');
      s.src = '/console/vendor/maplibre-gl.js';
      s.onload = () => resolve(window.maplibregl);
      s.onerror = () => { loading = null; reject(new Error('maplibre did not load')); };
      document.head.append(s);
    });
  }
  return loading;
}

const point = (lon, lat, props) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: props || {} });

function layers(m) {
  ['area', 'track', 'cases', 'me', 'pin'].forEach((id) => m.addSource(id, { type: 'geojson', data: EMPTY }));
  m.addLayer({ id: 'area-fill', type: 'fill', source: 'area', paint: { 'fill-color': '#0f5ea8', 'fill-opacity': 0.15 } });
  m.addLayer({ id: 'area-line', type: 'line', source: 'area', paint: { 'line-color': '#0f5ea8', 'line-width': 2 } });
  m.addLayer({ id: 'track-line', type: 'line', source: 'track', paint: { 'line-color': '#1e8e5a', 'line-width': 3 } });
  m.addLayer({ id: 'cases-dot', type: 'circle', source: 'cases', paint: { 'circle-radius': 7, 'circle-color': '#ff8a3d', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
  m.addLayer({ id: 'me-dot', type: 'circle', source: 'me', paint: { 'circle-radius': 8, 'circle-color': '#2b7de9', 'circle-stroke-color': '#fff', 'circle-stroke-width': 3 } });
  m.addLayer({ id: 'pin-dot', type: 'circle', source: 'pin', paint: { 'circle-radius': 10, 'circle-color': '#c0392b', 'circle-stroke-color': '#fff', 'circle-stroke-width': 3 } });
}

async function ready(center) {
  const gl = await maplibre();
  if (!map) {
    map = new gl.Map({
      container: 'map', center: [center.lon, center.lat], zoom: 16, attributionControl: false,
      style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } }] }
    });
    window.citygridMap = map;
    await new Promise((resolve) => map.once('load', resolve));
    layers(map);
    map.on('click', (e) => {
      if (mode !== 'pick') return;
      pin = { lon: e.lngLat.lng, lat: e.lngLat.lat, crs: 'wgs84', source: 'map' };
      map.getSource('pin').setData({ type: 'FeatureCollection', features: [point(pin.lon, pin.lat)] });
      $('map-done').disabled = false;
    });
  } else {
    map.resize();
    map.jumpTo({ center: [center.lon, center.lat] });
  }
  return map;
}

/** The map ready at {@code center}, or false (said on the screen) where MapLibre cannot load: offline before any map was opened. */
async function opened(center) {
  try {
    await ready(center);
    return true;
  } catch (e) {
    $('map-hint').textContent = t('map.unavailable');
    $('map').dataset.map = 'unavailable';
    return false;
  }
}

function set(id, data) { map.getSource(id).setData(data || EMPTY); }

/**
 * Opens the map to place a pin near {@code center} (WGS 84); onPicked gets {lon, lat, crs: 'wgs84', source: 'map'}.
 * me: the GPS position to show, cases: open problems nearby (WGS 84 positions).
 */
export async function pickOnMap(center, me, cases, onPicked) {
  mode = 'pick';
  pin = null;
  done = onPicked;
  $('map-done').hidden = false;
  $('map-done').disabled = true;
  $('map-hint').textContent = t('map.pickHint');
  show('map');
  $('map').dataset.map = 'loading';
  if (!await opened(center)) return;
  set('pin', EMPTY);
  set('area', EMPTY);
  set('track', EMPTY);
  set('me', me ? { type: 'FeatureCollection', features: [point(me.lon, me.lat)] } : EMPTY);
  set('cases', { type: 'FeatureCollection', features: (cases || []).map((c) => point(c.lon, c.lat, { caseId: c.caseId })) });
  $('map').dataset.map = 'ready';
}

/** A grid worker's patrol area (their grids) with today's track. */
export async function showArea(me) {
  mode = 'area';
  done = null;
  $('map-done').hidden = true;
  $('map-hint').textContent = t('map.areaHint');
  show('map');
  $('map').dataset.map = 'loading';
  const [area, track] = await Promise.all([call('/api/v1/patrol/area'), call('/api/v1/patrol/track?hours=12')]);
  const grids = area.ok && area.body && area.body.features ? area.body : EMPTY;
  const first = grids.features.length ? grids.features[0].geometry.coordinates[0][0][0] : null;
  const center = me || (first ? { lon: first[0], lat: first[1] } : { lon: 116.397, lat: 39.909 });
  if (!await opened(center)) return;
  set('pin', EMPTY);
  set('cases', EMPTY);
  set('area', grids);
  set('me', me ? { type: 'FeatureCollection', features: [point(me.lon, me.lat)] } : EMPTY);
  const line = (track.ok && Array.isArray(track.body) ? track.body : []).map((p) => [p.lon, p.lat]);
  set('track', line.length > 1 ? { type: 'Feature', geometry: { type: 'LineString', coordinates: line }, properties: {} } : EMPTY);
  if (grids.features.length) {
    const xs = [];
    const ys = [];
    grids.features.forEach((f) => f.geometry.coordinates.flat(2).forEach((c) => { xs.push(c[0]); ys.push(c[1]); }));
    map.fitBounds([[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]], { padding: 30, duration: 0 });
  }
  $('map').dataset.grids = String(grids.features.length);
  $('map').dataset.map = 'ready';
}

export function wire() {
  $('map-done').addEventListener('click', () => {
    const picked = pin;
    const then = done;
    back('report');
    if (picked && then) then(picked);
  });
  $('map-back').addEventListener('click', () => back('report'));
}
