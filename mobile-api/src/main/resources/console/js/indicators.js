// The evaluation indicators (综合评价): closure, on-time closure and rework rates and the overdue
// count per area or department over a range of city days, and a chart of one row's cases per day.
// GET /api/v1/operator/indicators[/daily] (docs/mobile-api.md).
import { $, el, throttle } from './dom.js';
import { t, cityDay, currentLang, onLangChange } from './i18n.js';
import { api } from './api.js';
import { departmentName, onNames } from './names.js';

let rows = [];
let chartCode = null;
let calls = 0;
let grids = () => null;

/** The indicators endpoints' query: areas at a level, or departments (which have no level). */
function query(extra) {
  const dimension = $('ind-dimension').value;
  const q = new URLSearchParams({ dimension });
  if (dimension === 'area') q.set('level', $('ind-level').value);
  Object.entries(Object.assign({}, extra, { from: $('ind-from').value, to: $('ind-to').value })).forEach(([k, v]) => q.set(k, v));
  return q;
}

export async function loadIndicators() {
  const panel = $('indicators');
  const dimension = $('ind-dimension').value;
  $('ind-level').disabled = dimension !== 'area';
  $('ind-code-head').dataset.i18n = dimension === 'area' ? 'ind.code' : 'ind.department';
  $('ind-code-head').textContent = t($('ind-code-head').dataset.i18n);
  panel.dataset.dimension = dimension;
  // a later call (another dimension, or a live refresh) wins over an earlier one still on its way
  const call = ++calls;
  let res;
  try {
    res = await api('/api/v1/operator/indicators?' + query({}));
  } catch (e) {
    return;
  }
  if (call !== calls) return;
  if (res.status === 404) panel.dataset.state = 'unavailable';
  else if (!res.ok) panel.dataset.state = 'error';
  rows = res.ok ? ((await res.json()).rows || []) : [];
  if (res.ok) panel.dataset.state = rows.length ? 'ready' : 'empty';
  panel.dataset.rows = String(rows.length);
  render();
  const code = chartCode || (rows[0] && rows[0].code);
  if (code) loadDaily(code);
}

/** The indicators follow live events, at most every ten seconds. */
export const refreshIndicatorsSoon = throttle(() => { loadIndicators().catch(() => {}); }, 10000);

const pct = (v) => (v === null || v === undefined ? '—' : Math.round(v * 1000) / 10 + '%');

/** A row's name: an area's from the grid layer, a department's from the catalogue. */
function rowName(code) {
  if ($('ind-dimension').value === 'department') return departmentName(code);
  const data = grids();
  const level = $('ind-level').value;
  const key = { STREET: 'streetCode', COMMUNITY: 'communityCode', GRID: 'code' }[level];
  const f = key && data && data.features.find((g) => g.properties[key] === code);
  if (!f) return code;
  const base = { STREET: 'streetName', COMMUNITY: 'communityName', GRID: 'name' }[level];
  const p = f.properties;
  return ((currentLang() === 'zh' ? p[base + 'Zh'] : p[base + 'En']) || p[base + 'Zh'] || '') + ' ' + code;
}

function render() {
  const state = $('indicators').dataset.state;
  $('ind-message').textContent = { unavailable: t('ind.unavailable'), empty: t('ind.empty'), error: t('ind.error') }[state] || '';
  $('ind-table').querySelector('tbody').replaceChildren(...rows.map((r) => {
    const ind = r.indicators || {};
    const cells = [['code', rowName(r.code)], ['closureRate', pct(ind.closureRate)], ['onTimeClosureRate', pct(ind.onTimeClosureRate)],
      ['reworkRate', pct(ind.reworkRate)], ['overdueCount', String(ind.overdueCount ?? '—')]];
    return el('tr', {
      dataset: { code: r.code }, className: r.code === chartCode ? 'selected' : '',
      onclick: () => { chartCode = r.code; render(); loadDaily(r.code); }
    }, cells.map(([k, v]) => el('td', { dataset: { indicator: k }, text: v })));
  }));
}

async function loadDaily(code) {
  const res = await api('/api/v1/operator/indicators/daily?' + query({ code }));
  $('chart-code').textContent = rowName(code);
  $('chart-code').dataset.code = code;
  drawChart(res.ok ? ((await res.json()).days || []) : []);
}

/** Reported and closed cases per day as two lines on a plain canvas. */
function drawChart(days) {
  const canvas = $('ind-chart');
  canvas.dataset.days = String(days.length);
  // what the chart drew, for screen readers and for the browser test
  canvas.dataset.reported = String(days.reduce((n, d) => n + ((d.counts || {}).REPORTED || 0), 0));
  const ratio = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 300;
  const h = canvas.clientHeight || 160;
  canvas.width = w * ratio;
  canvas.height = h * ratio;
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  g.clearRect(0, 0, w, h);
  const series = [['REPORTED', '#4aa3ff'], ['CLOSED', '#3ddc97']];
  const max = Math.max(1, ...days.flatMap((d) => series.map(([k]) => (d.counts || {})[k] || 0)));
  const pad = 24;
  g.strokeStyle = '#38506a';
  g.fillStyle = '#9fb3c8';
  g.font = '11px sans-serif';
  g.beginPath();
  g.moveTo(pad, 6); g.lineTo(pad, h - pad); g.lineTo(w - 6, h - pad);
  g.stroke();
  g.fillText(String(max), 2, 14);
  g.fillText('0', 8, h - pad);
  if (days.length) {
    g.fillText(days[0].day.slice(5), pad, h - 8);
    g.fillText(days[days.length - 1].day.slice(5), w - 40, h - 8);
  }
  const x = (i) => pad + (days.length < 2 ? (w - pad - 6) / 2 : i * (w - pad - 6) / (days.length - 1));
  const y = (v) => h - pad - v * (h - pad - 8) / max;
  series.forEach(([k, colour]) => {
    g.strokeStyle = colour;
    g.fillStyle = colour;
    g.lineWidth = 2;
    g.beginPath();
    days.forEach((d, i) => { const v = (d.counts || {})[k] || 0; if (i === 0) g.moveTo(x(i), y(v)); else g.lineTo(x(i), y(v)); });
    g.stroke();
    days.forEach((d, i) => { g.beginPath(); g.arc(x(i), y((d.counts || {})[k] || 0), 2.5, 0, 7); g.fill(); });
  });
}

let ready = false;
/** `gridLayer()` gives the map's grid layer (area names) or null. */
export function initIndicators(gridLayer) {
  grids = gridLayer;
  if (!ready) {
    $('ind-from').value = cityDay(null, -29);
    $('ind-to').value = cityDay(null, 0);
    ['ind-dimension', 'ind-level', 'ind-from', 'ind-to'].forEach((id) => $(id).addEventListener('change', () => { chartCode = null; loadIndicators(); }));
    onLangChange(render);
    onNames(render);
    ready = true;
  }
  loadIndicators();
}
