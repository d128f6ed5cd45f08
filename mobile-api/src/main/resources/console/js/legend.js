// The map's legend: colours that never share a meaning (case states, late rings, clusters, sensors),
// closable, and closed by default on a phone where it would cover the map.
import { $, el } from './dom.js';
import { t, onLangChange } from './i18n.js';
import { STATE_COLOURS, LATE, CLUSTER, SENSOR_RAISED, SENSOR_CLEARED, GRID_STEPS } from './map.js';

const KEY = 'citygrid.console.legend';
const OPEN_STATES = ['REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'SUSPENDED', 'HANDLED', 'CHECK_PASSED'];

function swatch(colour, label, shape = 'dot') {
  const i = el('i', { className: shape });
  // CSSOM, not a style attribute: the Content-Security-Policy allows no inline styles
  if (shape === 'ring') i.style.borderColor = colour;
  else i.style.backgroundColor = colour;
  return el('span', {}, i, label);
}

function render() {
  $('legend-body').replaceChildren(
    el('b', { text: t('legend.grids') }),
    el('div', { className: 'swatches' }, ['0', '1–2', '3–5', '6+'].map((n, k) => swatch(GRID_STEPS[k], n, 'box'))),
    el('b', { text: t('legend.cases') }),
    el('div', { className: 'swatches' }, OPEN_STATES.map((s) => swatch(STATE_COLOURS[s], t('state.' + s))),
      swatch(LATE, t('legend.late'), 'ring'), swatch(CLUSTER, t('legend.cluster'), 'big')),
    el('b', { text: t('legend.sensors') }),
    el('div', { className: 'swatches' }, swatch(SENSOR_RAISED, t('legend.raised'), 'small'), swatch(SENSOR_CLEARED, t('legend.cleared'), 'small')));
}

function show(open) {
  $('legend').hidden = !open;
  $('legend-open').hidden = open;
  localStorage.setItem(KEY, open ? 'open' : 'closed');
}

export function initLegend() {
  render();
  onLangChange(render);
  const remembered = localStorage.getItem(KEY);
  show(remembered ? remembered === 'open' : window.matchMedia('(min-width: 768px)').matches);
  $('legend-close').addEventListener('click', () => show(false));
  $('legend-open').addEventListener('click', () => show(true));
}
