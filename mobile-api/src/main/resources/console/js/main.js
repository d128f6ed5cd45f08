// The desk console: sign-in, then the desk of the person's post, the case panel, and for the
// centres the live map and the indicators. Native ES modules on the API's own endpoints
// (docs/console.md); no build step.
import { $, el } from './dom.js';
import { t, setLang, currentLang, applyLabels, setZone } from './i18n.js';
import { ZH } from './labels-zh.js';
import { EN } from './labels-en.js';
import { api, claims, token, role, keepTokens, forgetTokens, onSignedOut } from './api.js';
import { loadNames } from './names.js';
import { initDesk, loadDesk, refreshDesk } from './desk.js';
import { openCase, refreshIfOpen, onCaseOpened, closeCase } from './case-panel.js';
import { createMap, theMap, pointForBaseMap } from './map.js';
import { loadGridsOnce, loadSensors, loadCases, applyEvent, refreshGridCounts } from './map-data.js';
import { initFilters } from './filters.js';
import { initLegend } from './legend.js';
import { startLive, stopLive, onCaseEvent, onReconnected } from './live.js';
import { addFeed, knowCategory } from './feed.js';
import { initIndicators, refreshIndicatorsSoon } from './indicators.js';
import { debug } from './debug.js';

// who has a desk, from the token's roles (mobile-api's accounts/Authorities): CENTRE for every post of
// the two centres (the leader and the legacy operator too), who also have the live map and the indicators,
// and a department's HANDLER. Which queues each desk shows is the server's (desk/DeskPosts).
const DESK_ROLES = ['CENTRE', 'HANDLER'];
const MAP_ROLE = 'CENTRE';
const roles = () => claims(token() || '').roles || [];
let config = { zone: 'Asia/Shanghai', baseMap: { configured: false } };
let handlerPoll = null;

function showTab(tab) {
  $('app').dataset.tab = tab;
  document.querySelectorAll('#tabs button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.tab === tab)));
  if (tab === 'map' && theMap()) theMap().resize();
}

async function signIn(e) {
  e.preventDefault();
  const message = $('signin-message');
  message.textContent = '';
  let res;
  try {
    res = await fetch('/api/v1/auth/sign-in', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value })
    });
  } catch (err) {
    message.textContent = t('signin.error');
    return;
  }
  if (!res.ok) {
    message.textContent = t('signin.failed');
    message.dataset.reason = 'failed';
    return;
  }
  const body = await res.json();
  const roles = claims(body.access_token).roles || [];
  if (!roles.some((r) => DESK_ROLES.includes(r))) {
    message.textContent = t('signin.noDesk') + roles.map((r) => t('role.' + r, r)).join('、');
    message.dataset.reason = 'no-desk';
    return;
  }
  keepTokens(body);
  $('password').value = '';
  start();
}

function signOut(reasonKey) {
  forgetTokens();
  stopLive();
  clearInterval(handlerPoll);
  closeCase();
  document.body.dataset.view = 'signin';
  $('signin-message').textContent = reasonKey ? t(reasonKey) : '';
}

async function start() {
  const r = role();
  const centre = roles().includes(MAP_ROLE);
  document.body.dataset.view = 'app';
  document.body.dataset.role = r;
  $('app').dataset.centre = String(centre);
  // the post in Chinese with its English name beside it, whichever language the page is in
  $('who-post').replaceChildren(ZH['post.' + r] || r, ' ', el('span', { lang: 'en', className: 'en', text: EN['post.' + r] || '' }));
  api('/api/v1/accounts/me').then((res) => (res.ok ? res.json() : null)).then((me) => { if (me) $('who').textContent = me.displayName; });
  showTab(window.matchMedia('(min-width: 1200px)').matches && centre ? 'map' : 'desk');
  await loadDesk();
  if (centre) startCentre();
  else handlerPoll = setInterval(refreshDesk, 30000);
}

function startCentre() {
  if (!theMap()) {
    initFilters(loadCases);
    initLegend();
    createMap(config.baseMap, () => {
      const m = theMap();
      m.on('click', 'case-points', (e) => openCase(e.features[0].properties.caseId));
      m.on('click', 'sensor-points', (e) => { const p = e.features[0].properties; if (p.caseId) openCase(p.caseId); });
      loadGridsOnce().then(refreshGridCounts);
      loadCases();
      loadSensors();
    });
  }
  $('show-sensors').onchange = () => {
    if (theMap() && theMap().getLayer('sensor-points')) theMap().setLayoutProperty('sensor-points', 'visibility', $('show-sensors').checked ? 'visible' : 'none');
  };
  initIndicators(() => debug.grids);
  startLive(() => signOut('signin.expired'));
}

onCaseEvent((e) => {
  debug.liveEvents = (debug.liveEvents || 0) + 1;
  $('map').dataset.liveEvents = String(debug.liveEvents);
  applyEvent(e);
  const f = debug.cases && debug.cases.get(e.caseId);
  if (f) knowCategory(e.caseId, f.properties.categoryCode);
  addFeed(e);
  refreshIfOpen(e.caseId);
  refreshDesk();
  refreshIndicatorsSoon();
});

// events missed while the stream was down are not replayed: read the lists again (never the grid polygons)
onReconnected(() => { loadCases(); loadSensors(); refreshGridCounts(); refreshDesk(); });

onCaseOpened((c, fresh) => {
  if (!window.matchMedia('(min-width: 1200px)').matches) showTab('case');
  const m = theMap();
  if (m && fresh) m.easeTo({ center: pointForBaseMap(c.lon, c.lat), zoom: Math.max(m.getZoom(), 15) });
});

onSignedOut((reasonKey) => signOut(reasonKey));

async function boot() {
  applyLabels(document);
  $('lang').addEventListener('click', () => setLang(currentLang() === 'zh' ? 'en' : 'zh'));
  $('signin-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', () => {
    fetch('/api/v1/auth/sign-out', { method: 'POST', headers: { Authorization: 'Bearer ' + token() } }).catch(() => {});
    signOut('');
  });
  document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
  initDesk();
  const res = await fetch('/api/v1/console/config').catch(() => null);
  if (res && res.ok) config = await res.json();
  setZone(config.zone);
  debug.config = config;
  await loadNames();
  document.body.dataset.ready = 'true';
  if (token() && roles().some((r) => DESK_ROLES.includes(r))) start();
}

boot();
