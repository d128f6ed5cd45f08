// What the map shows and how it follows the live stream: the grid polygons and street outlines are
// read once; case points and sensors are changed by id as events arrive; grid colours follow the
// open and late counts (GET /map/grid-counts, a few kilobytes) through feature state. Nothing
// re-downloads the grid layer.
import { $, throttle } from './dom.js';
import { api, getJson } from './api.js';
import { theMap, forBaseMap, bounds } from './map.js';
import { filterQuery, shownByFilters, filtersValid } from './filters.js';
import { debug } from './debug.js';

// the state a change leaves a case in, where the change alone says it; an open panel reads the case again
const STATE_AFTER = {
  Reported: 'REPORTED', Verified: 'REPORTED', Filed: 'FILED', Dismissed: 'DISMISSED', Dispatched: 'DISPATCHED',
  Accepted: 'IN_PROGRESS', Returned: 'FILED', Suspended: 'SUSPENDED', Handled: 'HANDLED', CheckPassed: 'CHECK_PASSED',
  CheckFailed: 'FILED', Closed: 'CLOSED', Voided: 'VOIDED'
};
const SENSOR_CHANGES = new Set(['AlarmCleared']);

const cases = new Map(); // caseId -> GeoJSON feature in WGS 84, as the server sent it
let sensors = null;
let caseCalls = 0;
let gridDownloads = 0;
debug.cases = cases;

function source(id) {
  const m = theMap();
  return m && m.getSource(id);
}

export async function loadGridsOnce() {
  if (gridDownloads > 0) return;
  gridDownloads++;
  debug.gridDownloads = gridDownloads;
  const data = await getJson('/api/v1/operator/map/grids');
  if (!data) return;
  debug.grids = data;
  $('map').dataset.gridFeatures = String(data.features.length);
  const moved = forBaseMap(data);
  source('grids').setData(moved);
  if (data.features.length) theMap().fitBounds(bounds(moved), { padding: 30, duration: 0 });
  const streets = await getJson('/api/v1/operator/map/areas?level=STREET');
  if (streets) source('streets').setData(forBaseMap(streets));
}

/** The open and late counts of every grid, as feature state: the grid colours without their polygons. */
export const refreshGridCounts = throttle(async () => {
  const counts = await getJson('/api/v1/operator/map/grid-counts');
  const m = theMap();
  if (!counts || !m || !debug.grids) return;
  debug.gridCountReads = (debug.gridCountReads || 0) + 1;
  debug.grids.features.forEach((f) => {
    const [open, late] = counts[f.properties.code] || [0, 0];
    m.setFeatureState({ source: 'grids', id: f.properties.code }, { openCases: open, lateCases: late });
  });
}, 3000);

export async function loadSensors() {
  const data = await getJson('/api/v1/operator/map/sensors');
  if (!data) return;
  sensors = data;
  $('map').dataset.sensorFeatures = String(data.features.length);
  drawSensors();
}

const drawSensors = () => { if (sensors && source('sensors')) source('sensors').setData(forBaseMap(sensors)); };
const reloadSensorsSoon = throttle(() => { loadSensors().catch(() => {}); }, 2000);

/** Case points for the filters (the server applies them); only the latest call's answer is shown. */
export async function loadCases() {
  if (!filtersValid()) return;
  const query = filterQuery();
  const call = ++caseCalls;
  const res = await api('/api/v1/operator/map/cases?' + query);
  if (call !== caseCalls) return;
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    $('filter-message').textContent = body.detail || String(res.status);
    return;
  }
  const data = await res.json();
  cases.clear();
  data.features.forEach((f) => cases.set(f.properties.caseId, f));
  debug.casesQuery = query;
  drawCases();
}

// a burst of events redraws the points once per animation frame, never once per event
let drawPending = false;
function drawCases() {
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => {
    drawPending = false;
    const features = Array.from(cases.values()).filter((f) => shownByFilters(f.properties));
    $('shown-count').textContent = String(features.length);
    $('map').dataset.caseFeatures = String(features.length);
    if (source('cases')) source('cases').setData(forBaseMap({ type: 'FeatureCollection', features }));
  });
}

/** One live event: the case's point moves to its new state (or appears), by id; counts follow. */
export function applyEvent(e) {
  const change = e.change || {};
  let f = cases.get(e.caseId);
  if (!f && change.type === 'Reported' && change.details && change.details.position) {
    const d = change.details;
    f = {
      type: 'Feature', id: e.caseId, geometry: { type: 'Point', coordinates: [d.position.lon, d.position.lat] },
      properties: { caseId: e.caseId, version: e.version, state: 'REPORTED', categoryCode: d.categoryCode,
        gridCode: d.gridCode, channel: d.channel, late: false, reportedAt: e.at }
    };
  }
  if (f && e.version >= (f.properties.version || 0)) {
    f.properties.version = e.version;
    if (STATE_AFTER[change.type]) f.properties.state = STATE_AFTER[change.type];
    if (change.type === 'Overdue') f.properties.late = true;
    if (change.type === 'Dispatched') f.properties.department = change.department;
    cases.set(e.caseId, f);
    drawCases();
  }
  if (SENSOR_CHANGES.has(change.type) && sensors) {
    sensors.features.filter((s) => s.properties.caseId === e.caseId).forEach((s) => { s.properties.alarmState = 'CLEARED'; });
    drawSensors();
  } else if (change.type === 'Reported' && change.details && change.details.channel === 'SENSOR') {
    reloadSensorsSoon();
  }
  refreshGridCounts();
}

export const redrawCases = drawCases;
