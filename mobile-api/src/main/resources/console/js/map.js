// The map: a configured base map (a MapLibre style URL, or raster tiles: Tianditu WMTS, AMap, a
// self-hosted server) under our own GeoJSON layers of grids, street outlines, sensors and cases.
// Chinese tile services draw in GCJ-02: with such a base map every overlay coordinate is moved to
// GCJ-02 (gcj02.js) so the overlay lines up. Without a base map the page says how to add one.
import { $ } from './dom.js';
import { t } from './i18n.js';
import { toGcj02, collectionToGcj02 } from './gcj02.js';
import { debug } from './debug.js';

// colours that never share a hue across meanings: states (case points), sensors (squares), clusters
export const STATE_COLOURS = {
  REPORTED: '#4aa3ff', FILED: '#a58bff', DISPATCHED: '#ffc02e', IN_PROGRESS: '#ff8a3d', SUSPENDED: '#9aa4ae',
  ON_LEDGER: '#c7a17a', HANDLED: '#2ec4b6', CHECK_PASSED: '#1e9e5a', CLOSED: '#5d6b78', DISMISSED: '#5d6b78', VOIDED: '#5d6b78'
};
export const LATE = '#ff4d5e';
export const CLUSTER = '#e8e3d3';
export const SENSOR_RAISED = '#ff2fb3';
export const SENSOR_CLEARED = '#c6ff00';
export const GRID_STEPS = ['#1d3347', '#7a6a1f', '#a4521c', '#a3202a'];

let map = null;
let gcj = false;
const EMPTY = { type: 'FeatureCollection', features: [] };

export const theMap = () => map;

/** Overlay data as the base map needs it: moved to GCJ-02 when the tiles are drawn in GCJ-02. */
export const forBaseMap = (fc) => (gcj ? collectionToGcj02(fc) : fc);
export const pointForBaseMap = (lon, lat) => (gcj ? toGcj02(lon, lat) : [lon, lat]);

function absolute(url) {
  return url.startsWith('/') ? location.origin + url : url;
}

function style(baseMap) {
  if (baseMap && baseMap.configured && baseMap.styleUrl) return absolute(baseMap.styleUrl);
  const sources = {};
  const layers = [{ id: 'background', type: 'background', paint: { 'background-color': '#0b1622' } }];
  if (baseMap && baseMap.configured && baseMap.tiles) {
    sources.base = { type: 'raster', tiles: baseMap.tiles.map(absolute), tileSize: baseMap.tileSize || 256, maxzoom: baseMap.maxZoom || 18 };
    if (baseMap.attribution) sources.base.attribution = baseMap.attribution;
    layers.push({ id: 'base', type: 'raster', source: 'base', paint: { 'raster-opacity': 0.85 } });
  }
  return { version: 8, sources, layers };
}

/** Creates the map once; `onReady(map)` runs when its own layers exist. */
export function createMap(baseMap, onReady) {
  gcj = !!(baseMap && baseMap.configured && baseMap.crs === 'GCJ02');
  $('map').dataset.crs = gcj ? 'GCJ02' : 'WGS84';
  $('basemap-message').hidden = !!(baseMap && baseMap.configured);
  $('map').dataset.basemap = baseMap && baseMap.configured ? 'configured' : 'none';
  try {
    // the CSP build's worker is a file of our own: no blob: worker for the Content-Security-Policy
    maplibregl.setWorkerUrl('vendor/maplibre-gl-csp-worker.js');
    map = new maplibregl.Map({
      container: 'map', style: style(baseMap), center: [116.40, 39.91], zoom: 12,
      attributionControl: baseMap && baseMap.attribution ? { compact: true } : false,
      preserveDrawingBuffer: true // the browser test's screenshots show the map
    });
  } catch (e) {
    console.warn('no map', e);
    $('map-message').textContent = t('map.noWebgl');
    $('map').dataset.map = 'no-webgl';
    return null;
  }
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.on('error', (e) => console.warn('map error', e && e.error && e.error.message));
  map.on('load', () => {
    addLayers(map);
    $('map').dataset.map = 'ready';
    onReady(map);
  });
  debug.map = map;
  return map;
}

function addLayers(m) {
  m.addSource('grids', { type: 'geojson', data: EMPTY, promoteId: 'code' });
  m.addSource('streets', { type: 'geojson', data: EMPTY });
  m.addSource('sensors', { type: 'geojson', data: EMPTY, promoteId: 'deviceId' });
  m.addSource('cases', {
    type: 'geojson', data: EMPTY, cluster: true, clusterRadius: 40, clusterMaxZoom: 15, promoteId: 'caseId',
    clusterProperties: { late: ['+', ['case', ['==', ['get', 'late'], true], 1, 0]] }
  });
  // counts follow live events through feature state (grid-counts), so the polygons are read once
  const open = ['coalesce', ['feature-state', 'openCases'], ['get', 'openCases'], 0];
  const late = ['coalesce', ['feature-state', 'lateCases'], ['get', 'lateCases'], 0];
  m.addLayer({
    id: 'grids-fill', type: 'fill', source: 'grids',
    paint: { 'fill-color': ['step', open, GRID_STEPS[0], 1, GRID_STEPS[1], 3, GRID_STEPS[2], 6, GRID_STEPS[3]], 'fill-opacity': 0.45 }
  });
  m.addLayer({
    id: 'grids-line', type: 'line', source: 'grids',
    paint: { 'line-color': ['case', ['>', late, 0], LATE, '#4d6a85'], 'line-width': ['case', ['>', late, 0], 2, 0.6] }
  });
  m.addLayer({ id: 'streets-line', type: 'line', source: 'streets', paint: { 'line-color': '#d7e3ee', 'line-width': 2.2 } });
  m.addLayer({
    id: 'clusters', type: 'circle', source: 'cases', filter: ['has', 'point_count'],
    paint: {
      'circle-color': CLUSTER, 'circle-opacity': 0.9,
      'circle-radius': ['step', ['get', 'point_count'], 12, 10, 17, 50, 23, 200, 30],
      'circle-stroke-color': ['case', ['>', ['coalesce', ['get', 'late'], 0], 0], LATE, '#3a4a5a'],
      'circle-stroke-width': ['case', ['>', ['coalesce', ['get', 'late'], 0], 0], 4, 1.5]
    }
  });
  m.addLayer({
    id: 'case-points', type: 'circle', source: 'cases', filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': ['match', ['get', 'state']].concat(...Object.entries(STATE_COLOURS).map(([s, c]) => [s, c]), ['#cccccc']),
      'circle-radius': 7,
      'circle-stroke-color': ['case', ['==', ['get', 'late'], true], LATE, '#0b1622'],
      'circle-stroke-width': ['case', ['==', ['get', 'late'], true], 3.5, 1.5]
    }
  });
  m.addLayer({
    id: 'sensor-points', type: 'circle', source: 'sensors',
    paint: {
      'circle-color': ['match', ['get', 'alarmState'], 'RAISED', SENSOR_RAISED, SENSOR_CLEARED],
      'circle-radius': 4.5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5
    }
  }, 'clusters');
  m.on('click', 'clusters', (e) => {
    const f = e.features[0];
    m.getSource('cases').getClusterExpansionZoom(f.properties.cluster_id).then((zoom) => m.easeTo({ center: f.geometry.coordinates, zoom }));
  });
  ['clusters', 'case-points', 'sensor-points'].forEach((l) => {
    m.on('mouseenter', l, () => { m.getCanvas().style.cursor = 'pointer'; });
    m.on('mouseleave', l, () => { m.getCanvas().style.cursor = ''; });
  });
}

/** The bounds of a FeatureCollection, for fitting the view. */
export function bounds(fc) {
  let b = [180, 90, -180, -90];
  const walk = (c) => {
    if (typeof c[0] === 'number') b = [Math.min(b[0], c[0]), Math.min(b[1], c[1]), Math.max(b[2], c[0]), Math.max(b[3], c[1])];
    else c.forEach(walk);
  };
  fc.features.forEach((f) => walk(f.geometry.coordinates));
  return [[b[0], b[1]], [b[2], b[3]]];
}
