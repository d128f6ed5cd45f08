// The operators' console: sign-in, the map of grids and cases, live updates from the server-sent
// event stream, a case's details, timeline and actions, and the indicator panel. Plain browser
// JavaScript on the API's own endpoints (docs/mobile-api.md, docs/console.md); no build step.
'use strict';

(function () {
  const STATES = ['REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'SUSPENDED', 'HANDLED', 'CHECK_PASSED',
    'CLOSED', 'DISMISSED', 'VOIDED'];
  const TERMINAL = new Set(['CLOSED', 'DISMISSED', 'VOIDED']);
  const STATE_COLOURS = {
    REPORTED: '#4aa3ff', FILED: '#a58bff', DISPATCHED: '#ffc02e', IN_PROGRESS: '#ff8a3d', SUSPENDED: '#9aa4ae',
    HANDLED: '#3ddc97', CHECK_PASSED: '#22b573', CLOSED: '#5d6b78', DISMISSED: '#5d6b78', VOIDED: '#5d6b78'
  };
  // the state a change leaves a case in, where the change alone says it; the case is read again anyway
  const STATE_AFTER = {
    Reported: 'REPORTED', Verified: 'REPORTED', Filed: 'FILED', Dismissed: 'DISMISSED', Dispatched: 'DISPATCHED', Accepted: 'IN_PROGRESS',
    Suspended: 'SUSPENDED', Handled: 'HANDLED', CheckPassed: 'CHECK_PASSED', CheckFailed: 'FILED',
    Closed: 'CLOSED', Voided: 'VOIDED'
  };
  const TOKEN = 'citygrid.console.token';
  const REFRESH = 'citygrid.console.refresh';
  const LANG = 'citygrid.console.lang';
  const FEED_MAX = 30;
  // states in which an operator may send a case to another department (CaseDecider's re-dispatch)
  const REDISPATCHABLE = new Set(['DISPATCHED', 'IN_PROGRESS']);
  // the rest of the operator's steps and the states the case cycle takes them in (grid-model's
  // CaseDecider); extensions also need a request waiting (the case's pendingExtension)
  const SUSPENDABLE = new Set(['DISPATCHED', 'IN_PROGRESS']);
  // which steps must say why (the case cycle rejects them with REASON_REQUIRED otherwise); the others
  // send the text, if any, as their note
  const NEEDS_REASON = new Set(['Dismiss', 'Suspend', 'RejectExtension', 'Void']);

  const $ = (id) => document.getElementById(id);
  const labels = window.CONSOLE_LABELS;
  let lang = localStorage.getItem(LANG) || ((navigator.language || '').startsWith('zh') ? 'zh' : 'en');
  const t = (key) => (labels[lang] && labels[lang][key]) || key;

  // Everything the page knows, exposed for the browser test and for debugging from the dev tools.
  const state = {
    map: null, cases: new Map(), grids: null, openCase: null, liveAbort: null, liveEvents: 0,
    indicatorRows: [], chartCode: null
  };
  window.citygrid = state;

  // ---- language --------------------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = 'CityGrid · ' + t('title');
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
    renderLegend();
    if (state.openCase) renderCase(state.openCase);
    renderFeedLabels();
    renderIndicators();
    setLive($('live').dataset.state);
  }

  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANG, lang);
    applyLanguage();
  });

  function renderLegend() {
    const box = $('legend-states');
    box.replaceChildren();
    STATES.filter((s) => !TERMINAL.has(s)).forEach((s) => {
      const span = document.createElement('span');
      const i = document.createElement('i');
      i.style.background = STATE_COLOURS[s];
      span.append(i, document.createTextNode(t('state.' + s)));
      box.append(span);
    });
  }

  // ---- tokens and API calls -------------------------------------------------------------------
  // The access token lives in sessionStorage: gone with the tab, never in a cookie the browser
  // would send on its own, and never in a URL.
  const token = () => sessionStorage.getItem(TOKEN);

  function claims(jwt) {
    try {
      const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) {
      return {};
    }
  }

  async function refreshToken() {
    const refresh = sessionStorage.getItem(REFRESH);
    if (!refresh) return false;
    const res = await fetch('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh })
    });
    if (!res.ok) return false;
    const body = await res.json();
    sessionStorage.setItem(TOKEN, body.access_token);
    if (body.refresh_token) sessionStorage.setItem(REFRESH, body.refresh_token);
    return true;
  }

  /** fetch with the operator's token; one refresh on 401, then back to the sign-in page. */
  async function api(path, options = {}) {
    const call = () => fetch(path, Object.assign({}, options, {
      headers: Object.assign({ Authorization: 'Bearer ' + token(), Accept: 'application/json' }, options.headers || {})
    }));
    let res = await call();
    if (res.status === 401 && await refreshToken()) res = await call();
    if (res.status === 401) {
      signOut(t('signin.expired'));
      throw new Error('signed out');
    }
    return res;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }

  // ---- sign-in --------------------------------------------------------------------------------
  $('signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const message = $('signin-message');
    message.textContent = '';
    let res;
    try {
      res = await fetch('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
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
    // operators only: administrators do not see operator views in the role matrix either
    if (!roles.includes('OPERATOR')) {
      message.textContent = t('signin.notOperator') + (roles.join(', ') || '?');
      message.dataset.reason = 'not-operator';
      return;
    }
    sessionStorage.setItem(TOKEN, body.access_token);
    sessionStorage.setItem(REFRESH, body.refresh_token || '');
    $('password').value = '';
    start();
  });

  $('sign-out').addEventListener('click', () => {
    fetch('/api/v1/auth/sign-out', { method: 'POST', headers: { Authorization: 'Bearer ' + token() } }).catch(() => {});
    signOut('');
  });

  function signOut(why) {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(REFRESH);
    if (state.liveAbort) state.liveAbort.abort();
    document.body.dataset.view = 'signin';
    $('signin-message').textContent = why || '';
    setLive('off');
  }

  function start() {
    const c = claims(token());
    $('who').textContent = c.sub || '';
    document.body.dataset.view = 'map';
    initMap();
    live();
    initIndicators();
  }

  // ---- the map --------------------------------------------------------------------------------
  function initMap() {
    if (state.map) {
      state.map.resize();
      reloadAll();
      return;
    }
    // our own layers on a plain background: no tile server, no glyphs, no sprites
    let map;
    try {
      map = createMap();
    } catch (e) {
      // MapLibre throws when the browser offers no WebGL context
      console.warn('no map', e);
      $('map-message').textContent = t('map.noWebgl');
      $('map').dataset.map = 'no-webgl';
      reloadAll(false).catch(() => {});
      return;
    }
    state.map = map;
    setUpMap(map);
  }

  function createMap() {
    return new maplibregl.Map({
      container: 'map',
      style: {
        version: 8,
        sources: {},
        layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0b1622' } }]
      },
      center: [116.40, 39.91],
      zoom: 12,
      attributionControl: false,
      preserveDrawingBuffer: true // the browser test's screenshots show the map
    });
  }

  function setUpMap(map) {
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('error', (e) => console.warn('map error', e && e.error));
    map.on('load', () => {
      const empty = { type: 'FeatureCollection', features: [] };
      map.addSource('grids', { type: 'geojson', data: empty, promoteId: 'code' });
      map.addSource('streets', { type: 'geojson', data: empty });
      map.addSource('sensors', { type: 'geojson', data: empty });
      map.addSource('cases', {
        type: 'geojson', data: empty, cluster: true, clusterRadius: 40, clusterMaxZoom: 15,
        clusterProperties: { late: ['+', ['case', ['get', 'late'], 1, 0]] }
      });
      map.addLayer({
        id: 'grids-fill', type: 'fill', source: 'grids',
        paint: {
          'fill-color': ['step', ['get', 'openCases'], '#1d3347', 1, '#7a6a1f', 3, '#a4521c', 6, '#a3202a'],
          'fill-opacity': 0.55
        }
      });
      map.addLayer({
        id: 'grids-line', type: 'line', source: 'grids',
        paint: {
          'line-color': ['case', ['>', ['get', 'lateCases'], 0], '#ff4d5e', '#4d6a85'],
          'line-width': ['case', ['>', ['get', 'lateCases'], 0], 2, 0.6]
        }
      });
      map.addLayer({ id: 'streets-line', type: 'line', source: 'streets', paint: { 'line-color': '#d7e3ee', 'line-width': 2.2 } });
      map.addLayer({
        id: 'clusters', type: 'circle', source: 'cases', filter: ['has', 'point_count'],
        paint: {
          'circle-color': ['case', ['>', ['get', 'late'], 0], '#ff4d5e', '#4aa3ff'],
          'circle-opacity': 0.85,
          'circle-radius': ['step', ['get', 'point_count'], 12, 10, 17, 50, 23, 200, 30],
          'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5
        }
      });
      map.addLayer({
        id: 'case-points', type: 'circle', source: 'cases', filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': ['match', ['get', 'state']].concat(
            ...Object.entries(STATE_COLOURS).map(([s, c]) => [s, c]), ['#cccccc']),
          'circle-radius': 7,
          'circle-stroke-color': ['case', ['get', 'late'], '#ff4d5e', '#0b1622'],
          'circle-stroke-width': ['case', ['get', 'late'], 3.5, 1.5]
        }
      });
      // sensors under the cases: small, white-ringed, red while the alarm is raised, green once cleared
      map.addLayer({
        id: 'sensor-points', type: 'circle', source: 'sensors',
        paint: {
          'circle-color': ['match', ['get', 'alarmState'], 'RAISED', '#ff4d5e', '#3ddc97'],
          'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1
        }
      }, 'clusters');
      map.on('click', 'sensor-points', (e) => {
        const p = e.features[0].properties;
        if (p.caseId) openCase(p.caseId);
      });
      map.on('click', 'clusters', (e) => {
        const f = e.features[0];
        map.getSource('cases').getClusterExpansionZoom(f.properties.cluster_id)
          .then((zoom) => map.easeTo({ center: f.geometry.coordinates, zoom }));
      });
      map.on('click', 'case-points', (e) => openCase(e.features[0].properties.caseId));
      ['clusters', 'case-points', 'sensor-points'].forEach((l) => {
        map.on('mouseenter', l, () => { map.getCanvas().style.cursor = 'pointer'; });
        map.on('mouseleave', l, () => { map.getCanvas().style.cursor = ''; });
      });
      $('map').dataset.map = 'ready';
      reloadAll(true);
    });
  }

  async function reloadAll(fit) {
    await Promise.all([loadGrids(fit), loadCases(), loadStreets(), loadSensors()]);
  }

  async function loadGrids(fit) {
    const res = await api('/api/v1/operator/map/grids');
    if (!res.ok) return;
    const data = await res.json();
    state.grids = data;
    $('map').dataset.gridFeatures = String(data.features.length);
    renderIndicators(); // area names come from the grids
    if (state.map && state.map.getSource('grids')) {
      state.map.getSource('grids').setData(data);
      if (fit && data.features.length) state.map.fitBounds(bounds(data), { padding: 30, duration: 0 });
    }
  }

  async function loadStreets() {
    const res = await api('/api/v1/operator/map/areas?level=STREET');
    if (res.ok && state.map && state.map.getSource('streets')) state.map.getSource('streets').setData(await res.json());
  }

  async function loadSensors() {
    const res = await api('/api/v1/operator/map/sensors');
    if (!res.ok) return;
    const data = await res.json();
    $('map').dataset.sensorFeatures = String(data.features.length);
    if (state.map && state.map.getSource('sensors')) state.map.getSource('sensors').setData(data);
  }

  $('show-sensors').addEventListener('change', () => {
    if (state.map && state.map.getLayer('sensor-points')) {
      state.map.setLayoutProperty('sensor-points', 'visibility', $('show-sensors').checked ? 'visible' : 'none');
    }
  });

  function bounds(fc) {
    let b = [180, 90, -180, -90];
    const walk = (c) => {
      if (typeof c[0] === 'number') {
        b = [Math.min(b[0], c[0]), Math.min(b[1], c[1]), Math.max(b[2], c[0]), Math.max(b[3], c[1])];
      } else c.forEach(walk);
    };
    fc.features.forEach((f) => walk(f.geometry.coordinates));
    return [[b[0], b[1]], [b[2], b[3]]];
  }

  // the filters the server applies (GET /api/v1/operator/map/cases); days are Beijing calendar days
  const FILTERS = { state: 'filter-state', category: 'filter-category', department: 'filter-department',
    from: 'filter-from', to: 'filter-to' };

  function filterQuery() {
    const q = new URLSearchParams();
    Object.entries(FILTERS).forEach(([name, id]) => { if ($(id).value) q.set(name, $(id).value); });
    return q.toString();
  }

  let caseCalls = 0;
  async function loadCases() {
    const from = $('filter-from').value;
    const to = $('filter-to').value;
    const message = $('filter-message');
    // the server would refuse it (422); say so here instead of showing an empty map
    if (from && to && from > to) {
      message.textContent = t('filters.badDays');
      return;
    }
    message.textContent = '';
    const query = filterQuery();
    // filters change faster than answers come back: only the latest call's answer is shown
    const call = ++caseCalls;
    const res = await api('/api/v1/operator/map/cases?' + query);
    if (call !== caseCalls) return;
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      message.textContent = body.detail || body.title || String(res.status);
      return;
    }
    const data = await res.json();
    state.cases.clear();
    data.features.forEach((f) => state.cases.set(f.properties.caseId, f));
    state.casesQuery = query;
    fillCategories(data.features);
    fillDepartments(data.features.map((f) => f.properties.department));
    renderCases();
  }

  /** The Beijing calendar day of an instant, as the server's day filters count it. */
  function beijingDayOf(iso) {
    return new Date(Date.parse(iso) + 8 * 3600e3).toISOString().slice(0, 10);
  }

  /** Whether a case belongs on the map under the current filters (the same rule as the server's). */
  function shown(p) {
    const s = $('filter-state').value;
    const c = $('filter-category').value;
    const d = $('filter-department').value;
    const from = $('filter-from').value;
    const to = $('filter-to').value;
    const day = p.reportedAt ? beijingDayOf(p.reportedAt) : null;
    return (s ? p.state === s : !TERMINAL.has(p.state)) && (!c || p.categoryCode === c)
      && (!d || p.department === d) && (!from || (day && day >= from)) && (!to || (day && day <= to));
  }

  function renderCases() {
    const features = Array.from(state.cases.values()).filter((f) => shown(f.properties));
    $('shown-count').textContent = String(features.length);
    $('map').dataset.caseFeatures = String(features.length);
    if (state.map && state.map.getSource('cases')) {
      state.map.getSource('cases').setData({ type: 'FeatureCollection', features });
    }
  }

  const knownCategories = new Set();
  function fillCategories(features) {
    const select = $('filter-category');
    features.forEach((f) => {
      const code = f.properties.categoryCode;
      if (!knownCategories.has(code)) {
        knownCategories.add(code);
        const o = document.createElement('option');
        o.value = code;
        o.textContent = code;
        select.append(o);
      }
    });
  }

  // departments seen on case points and in Dispatched events: the filter's and the dispatch field's choices
  const knownDepartments = new Set();
  function fillDepartments(codes) {
    codes.filter(Boolean).forEach((code) => {
      if (knownDepartments.has(code)) return;
      knownDepartments.add(code);
      const o = document.createElement('option');
      o.value = code;
      o.textContent = code;
      $('filter-department').append(o);
      const choice = document.createElement('option');
      choice.value = code;
      $('departments').append(choice);
    });
  }

  (function fillStates() {
    const select = $('filter-state');
    STATES.forEach((s) => {
      const o = document.createElement('option');
      o.value = s;
      o.dataset.i18n = 'state.' + s;
      select.append(o);
    });
  })();
  Object.values(FILTERS).forEach((id) => $(id).addEventListener('change', loadCases));

  // ---- live updates ---------------------------------------------------------------------------
  function setLive(s) {
    const el = $('live');
    el.dataset.state = s || 'off';
    $('live-text').textContent = t('live.' + (s || 'off'));
  }

  // EventSource cannot send an Authorization header, so the stream is read with fetch and parsed
  // here (text/event-stream: frames separated by a blank line, "event:", "data:", "id:" lines).
  async function live() {
    if (state.liveAbort) state.liveAbort.abort();
    const abort = new AbortController();
    state.liveAbort = abort;
    let wait = 1000;
    while (!abort.signal.aborted && token()) {
      setLive('connecting');
      try {
        let res = await fetch('/api/v1/operator/live', {
          headers: { Authorization: 'Bearer ' + token(), Accept: 'text/event-stream' }, signal: abort.signal
        });
        if (res.status === 401 && await refreshToken()) continue;
        if (res.status === 401) { signOut(t('signin.expired')); return; }
        if (!res.ok) throw new Error('live stream answered ' + res.status);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        let first = true;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = parseFrame(frame);
            if (event.name === 'connected') {
              setLive('on');
              wait = 1000;
              // events missed while disconnected are not replayed: read the lists again
              if (!first) reloadAll(false);
              first = false;
            } else if (event.data) {
              onCaseEvent(event.name, JSON.parse(event.data));
            }
          }
        }
      } catch (e) {
        if (abort.signal.aborted) return;
        console.warn('live stream', e);
      }
      setLive('retry');
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 30000);
      if (!abort.signal.aborted) reloadAll(false).catch(() => {});
    }
  }

  function parseFrame(frame) {
    const out = { name: 'message', data: '' };
    frame.split('\n').forEach((line) => {
      if (line.startsWith(':')) return;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'event') out.name = value;
      else if (field === 'data') out.data += (out.data ? '\n' : '') + value;
      else if (field === 'id') out.id = value;
    });
    return out;
  }

  function onCaseEvent(type, e) {
    state.liveEvents++;
    $('map').dataset.liveEvents = String(state.liveEvents);
    const id = e.caseId;
    const change = e.change || {};
    let f = state.cases.get(id);
    if (!f && change.type === 'Reported' && change.details && change.details.position) {
      const d = change.details;
      f = {
        type: 'Feature', id,
        geometry: { type: 'Point', coordinates: [d.position.lon, d.position.lat] },
        properties: { caseId: id, version: e.version, state: 'REPORTED', categoryCode: d.categoryCode, gridCode: d.gridCode,
          channel: d.channel, late: false, reportedAt: e.at }
      };
      fillCategories([f]);
    }
    if (f && e.version >= (f.properties.version || 0)) {
      f.properties.version = e.version;
      if (STATE_AFTER[change.type]) f.properties.state = STATE_AFTER[change.type];
      if (change.type === 'Overdue') f.properties.late = true;
      if (change.type === 'Dispatched') {
        f.properties.department = change.department;
        fillDepartments([change.department]);
      }
      state.cases.set(id, f);
      renderCases();
    }
    addFeed(e);
    if (state.openCase && state.openCase.caseId === id) openCase(id);
    refreshCountsSoon();
  }

  // grid colours and indicators follow events, at most once a second whatever the event rate
  let countsTimer = null;
  function refreshCountsSoon() {
    if (countsTimer) return;
    countsTimer = setTimeout(() => {
      countsTimer = null;
      loadGrids(false).catch(() => {});
      loadSensors().catch(() => {});
      loadIndicators().catch(() => {});
    }, 1000);
  }

  function addFeed(e) {
    const li = document.createElement('li');
    li.dataset.caseId = e.caseId;
    li.dataset.change = (e.change || {}).type;
    li.dataset.at = e.at;
    const time = document.createElement('time');
    time.textContent = new Date(e.at).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
    const what = document.createElement('b');
    const id = document.createElement('span');
    id.className = 'mono';
    id.textContent = e.caseId;
    li.append(time, what, id);
    li.addEventListener('click', () => openCase(e.caseId));
    const feed = $('feed');
    feed.prepend(li);
    while (feed.children.length > FEED_MAX) feed.lastChild.remove();
    renderFeedLabels();
  }

  function renderFeedLabels() {
    document.querySelectorAll('#feed li').forEach((li) => {
      li.querySelector('b').textContent = t('change.' + li.dataset.change);
    });
  }

  // ---- one case -------------------------------------------------------------------------------
  async function openCase(caseId) {
    const panel = $('case-panel');
    panel.dataset.case = caseId;
    const res = await api('/api/v1/cases/' + encodeURIComponent(caseId));
    if (panel.dataset.case !== caseId) return; // another case was opened meanwhile
    if (!res.ok) {
      $('case-empty').hidden = false;
      $('case-empty').textContent = t('case.notFound');
      $('case-body').hidden = true;
      panel.dataset.loaded = '';
      // the read model may be a moment behind the live stream
      setTimeout(() => { if (panel.dataset.case === caseId && !panel.dataset.loaded) openCase(caseId); }, 1500);
      return;
    }
    const c = await res.json();
    state.openCase = c;
    renderCase(c);
    panel.dataset.loaded = caseId;
    panel.dataset.state = c.state;
    panel.dataset.version = String(c.version);
    if (state.map) {
      state.map.easeTo({ center: [c.lon, c.lat], zoom: Math.max(state.map.getZoom(), 15) });
    }
  }

  function fmtTime(iso) {
    return iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false }) : '';
  }

  function renderCase(c) {
    $('case-empty').hidden = true;
    $('case-body').hidden = false;
    const dl = $('case-details');
    dl.replaceChildren();
    const rows = [
      ['caseId', c.caseId], ['state', t('state.' + c.state)], ['categoryCode', c.categoryCode],
      ['gridCode', c.gridCode], ['channel', c.channel], ['description', c.description],
      ['department', c.department], ['assignee', c.assignee], ['activeStage', c.activeStage],
      ['deadline', fmtTime(c.deadline)], ['overdue', (c.overdue || []).join(', ')],
      ['reportedAt', fmtTime(c.reportedAt)], ['version', String(c.version)]
    ];
    rows.filter(([, v]) => v).forEach(([k, v]) => {
      const dt = document.createElement('dt');
      dt.textContent = t('field.' + k);
      const dd = document.createElement('dd');
      dd.textContent = v;
      dd.dataset.field = k;
      if (k === 'state') dd.className = 'state state-' + c.state;
      dl.append(dt, dd);
    });
    const ol = $('case-timeline');
    ol.replaceChildren();
    (c.timeline || []).forEach((e) => {
      const li = document.createElement('li');
      li.dataset.type = e.type;
      li.dataset.version = String(e.version);
      const time = document.createElement('time');
      time.textContent = fmtTime(e.at);
      const what = document.createElement('b');
      what.textContent = t('change.' + e.type);
      const who = document.createElement('span');
      who.className = 'muted';
      who.textContent = e.actorId + ' (' + e.actorRole + ')';
      li.append(time, what, who);
      const detail = e.change && (e.change.note || e.change.reason || e.change.department);
      if (detail) {
        const p = document.createElement('div');
        p.className = 'note';
        p.textContent = [e.change.department, e.change.assignee, e.change.note || e.change.reason].filter(Boolean).join(' · ');
        li.append(p);
      }
      ol.append(li);
    });
    $('act-file').disabled = c.state !== 'REPORTED';
    $('act-dismiss').disabled = c.state !== 'REPORTED';
    // the case cycle's rule (CaseDecider): dispatch a filed case; only an operator re-dispatches one
    // that a department holds, before it is handled
    $('act-dispatch').disabled = c.state !== 'FILED';
    $('act-redispatch').disabled = !REDISPATCHABLE.has(c.state);
    $('act-suspend').disabled = !SUSPENDABLE.has(c.state);
    $('act-resume').disabled = c.state !== 'SUSPENDED';
    const extension = c.state === 'IN_PROGRESS' ? c.pendingExtension : null;
    $('act-approve-extension').disabled = !extension;
    $('act-reject-extension').disabled = !extension;
    $('act-close').disabled = c.state !== 'CHECK_PASSED';
    $('act-void').disabled = TERMINAL.has(c.state);
    const pending = $('pending-extension');
    pending.hidden = !extension;
    pending.textContent = extension
      ? t('case.pendingExtension') + [extension.extra, extension.reason, extension.requestedBy].filter(Boolean).join(' · ')
      : '';
    const verification = $('verification');
    const v = c.verification;
    verification.hidden = !v;
    verification.textContent = v
      ? t(v.found ? 'case.verifiedFound' : 'case.verifiedNotFound') + [v.note, v.verifier].filter(Boolean).join(' · ')
      : '';
    renderPhotos(c);
  }

  // ---- photos ---------------------------------------------------------------------------------
  // The report's photos and the handlers' and checkers' evidence, as the timeline's changes carry
  // them. GET /api/v1/photos/{id} needs the Authorization header, which an <img src> cannot send,
  // so each photo is fetched and shown from a blob: URL, kept while the same case stays open.
  const photoUrls = new Map(); // ref -> blob URL, of the open case only
  let photosOf = null;

  function photoRefs(c) {
    const refs = [];
    (c.timeline || []).forEach((e) => {
      const ch = e.change || {};
      const media = [].concat((ch.details && ch.details.evidence) || [], ch.evidence || []);
      media.forEach((m) => {
        if (m && m.ref && m.ref.startsWith('photo/') && !refs.includes(m.ref)) refs.push(m.ref);
      });
    });
    return refs;
  }

  async function renderPhotos(c) {
    if (photosOf !== c.caseId) {
      photoUrls.forEach((url) => URL.revokeObjectURL(url));
      photoUrls.clear();
      photosOf = c.caseId;
    }
    const refs = photoRefs(c);
    const box = $('case-photos');
    $('case-photos-box').hidden = refs.length === 0;
    box.dataset.photos = String(refs.length);
    await Promise.all(refs.filter((ref) => !photoUrls.has(ref)).map(async (ref) => {
      const res = await api('/api/v1/photos/' + encodeURIComponent(ref.slice('photo/'.length)), {
        // the photo route declares no produces type: Accept image/* matched no route (403), */* does
        headers: { Accept: '*/*' }
      });
      // a photo that could not be read is tried again at the next redraw, not remembered as missing
      if (res.ok) photoUrls.set(ref, URL.createObjectURL(await res.blob()));
    }));
    if (photosOf !== c.caseId) return; // another case was opened meanwhile
    box.replaceChildren();
    refs.forEach((ref) => {
      const url = photoUrls.get(ref);
      if (!url) {
        const missing = document.createElement('span');
        missing.className = 'muted';
        missing.dataset.ref = ref;
        missing.textContent = t('case.photoMissing');
        box.append(missing);
        return;
      }
      const a = document.createElement('a');
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener';
      const img = document.createElement('img');
      img.src = url;
      img.alt = ref;
      img.dataset.ref = ref;
      a.append(img);
      box.append(a);
    });
  }

  document.querySelectorAll('#case-actions button[data-action]').forEach((b) => {
    b.addEventListener('click', () => act(b.dataset.action));
  });

  async function act(type) {
    const c = state.openCase;
    if (!c) return;
    const status = $('action-status');
    const text = $('action-text').value.trim();
    // a re-dispatch is the case cycle's Dispatch step on a case a department already holds
    const action = { type: type === 'Redispatch' ? 'Dispatch' : type, expectedVersion: c.version };
    if (NEEDS_REASON.has(type)) {
      if (!text) { status.textContent = t('action.needReason'); return; }
      action.reason = text;
    } else if (['File', 'Resume', 'ApproveExtension', 'Close'].includes(type)) {
      action.note = text;
    }
    if (type === 'Dispatch' || type === 'Redispatch') {
      const department = $('action-department').value.trim();
      if (!department) { status.textContent = t('action.needDepartment'); return; }
      action.department = department;
      const assignee = $('action-assignee').value.trim();
      if (assignee) action.assignee = assignee;
      action.note = text;
      // the case cycle would reject it (ALREADY_DISPATCHED_THERE): say so before sending
      if (type === 'Redispatch' && department === c.department && (!assignee || assignee === c.assignee)) {
        status.dataset.status = 'ERROR';
        status.textContent = t('action.sameDepartment');
        return;
      }
    }
    const res = await api('/api/v1/cases/' + encodeURIComponent(c.caseId) + '/actions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid() },
      body: JSON.stringify(action)
    });
    const body = await res.json().catch(() => ({}));
    if (res.status !== 202) {
      status.dataset.status = 'ERROR';
      status.textContent = body.detail || body.title || String(res.status);
      return;
    }
    status.dataset.status = 'PENDING';
    status.dataset.command = body.id;
    status.textContent = t('action.' + type) + ': ' + t('action.sent');
    follow(body.follow || ('/api/v1/commands/' + body.id), type, 0);
  }

  /** Polls the command until the case cycle applied or rejected it (docs/mobile-api.md: "what a 202 means"). */
  async function follow(url, type, attempt) {
    const status = $('action-status');
    const res = await api(url);
    if (!res.ok) return;
    const s = await res.json();
    if (s.status === 'APPLIED') {
      status.dataset.status = 'APPLIED';
      status.textContent = t('action.' + type) + ': ' + t('action.APPLIED') + ' ' + s.caseVersion;
    } else if (s.status === 'REJECTED') {
      status.dataset.status = 'REJECTED';
      status.textContent = t('action.' + type) + ': ' + t('action.REJECTED') + (s.message || s.reason);
    } else if (attempt < 60) {
      setTimeout(() => follow(url, type, attempt + 1), 2000);
    }
  }

  // ---- indicators -----------------------------------------------------------------------------
  function beijingDay(offsetDays) {
    const d = new Date(Date.now() + 8 * 3600e3 + offsetDays * 86400e3);
    return d.toISOString().slice(0, 10);
  }

  let indicatorsReady = false;
  function initIndicators() {
    if (!indicatorsReady) {
      $('ind-from').value = beijingDay(-29);
      $('ind-to').value = beijingDay(0);
      ['ind-dimension', 'ind-level', 'ind-from', 'ind-to'].forEach((id) => $(id).addEventListener('change', () => {
        state.chartCode = null;
        loadIndicators();
      }));
      indicatorsReady = true;
    }
    loadIndicators();
  }

  /** The indicators endpoints' query: areas at a level, or departments (which have no level). */
  function indicatorQuery(extra) {
    const dimension = $('ind-dimension').value;
    const q = new URLSearchParams({ dimension });
    if (dimension === 'area') q.set('level', $('ind-level').value);
    Object.entries(Object.assign({}, extra, { from: $('ind-from').value, to: $('ind-to').value }))
      .forEach(([k, v]) => q.set(k, v));
    return q;
  }

  let indicatorCalls = 0;
  async function loadIndicators() {
    const panel = $('indicators');
    const dimension = $('ind-dimension').value;
    $('ind-level').disabled = dimension !== 'area';
    $('ind-code-head').dataset.i18n = dimension === 'area' ? 'ind.code' : 'ind.department';
    $('ind-code-head').textContent = t($('ind-code-head').dataset.i18n);
    panel.dataset.dimension = dimension;
    const q = indicatorQuery({});
    // a later call (another dimension, or a live refresh) wins over an earlier one still on its way
    const call = ++indicatorCalls;
    let res;
    try {
      res = await api('/api/v1/operator/indicators?' + q);
    } catch (e) {
      return;
    }
    if (call !== indicatorCalls) return;
    if (res.status === 404) {
      panel.dataset.state = 'unavailable';
      state.indicatorRows = [];
    } else if (!res.ok) {
      panel.dataset.state = 'error';
      state.indicatorRows = [];
    } else {
      const body = await res.json();
      state.indicatorRows = body.rows || [];
      panel.dataset.state = state.indicatorRows.length ? 'ready' : 'empty';
    }
    panel.dataset.rows = String(state.indicatorRows.length);
    renderIndicators();
    const code = state.chartCode || (state.indicatorRows[0] && state.indicatorRows[0].code);
    if (code) loadDaily(code);
  }

  const pct = (v) => (v === null || v === undefined ? '—' : Math.round(v * 1000) / 10 + '%');

  function areaName(code) {
    if (!state.grids || $('ind-dimension').value !== 'area') return '';
    const level = $('ind-level').value;
    const key = { STREET: 'streetCode', COMMUNITY: 'communityCode', GRID: 'code' }[level];
    if (!key) return '';
    const f = state.grids.features.find((g) => g.properties[key] === code);
    if (!f) return '';
    const p = f.properties;
    const base = { STREET: 'streetName', COMMUNITY: 'communityName', GRID: 'name' }[level];
    return (lang === 'zh' ? p[base + 'Zh'] : p[base + 'En']) || p[base + 'Zh'] || '';
  }

  function renderIndicators() {
    const panel = $('indicators');
    const message = $('ind-message');
    message.textContent = { unavailable: t('ind.unavailable'), empty: t('ind.empty'), error: t('ind.error') }[panel.dataset.state] || '';
    const body = document.querySelector('#ind-table tbody');
    body.replaceChildren();
    state.indicatorRows.forEach((r) => {
      const ind = r.indicators || {};
      const tr = document.createElement('tr');
      tr.dataset.code = r.code;
      const cells = [
        ['code', r.code + (areaName(r.code) ? ' ' + areaName(r.code) : '')],
        ['closureRate', pct(ind.closureRate)], ['onTimeClosureRate', pct(ind.onTimeClosureRate)],
        ['reworkRate', pct(ind.reworkRate)], ['overdueCount', String(ind.overdueCount ?? '—')]
      ];
      cells.forEach(([k, v]) => {
        const td = document.createElement('td');
        td.dataset.indicator = k;
        td.textContent = v;
        tr.append(td);
      });
      if (r.code === state.chartCode) tr.className = 'selected';
      tr.addEventListener('click', () => { state.chartCode = r.code; renderIndicators(); loadDaily(r.code); });
      body.append(tr);
    });
  }

  async function loadDaily(code) {
    const q = indicatorQuery({ code });
    const res = await api('/api/v1/operator/indicators/daily?' + q);
    $('chart-code').textContent = code;
    drawChart(res.ok ? ((await res.json()).days || []) : []);
  }

  /** Reported and closed cases per day as two lines on a plain canvas. */
  function drawChart(days) {
    const canvas = $('ind-chart');
    canvas.dataset.days = String(days.length);
    // what the chart drew, for people reading the page with a screen reader and for the browser test
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
      days.forEach((d, i) => {
        const v = (d.counts || {})[k] || 0;
        if (i === 0) g.moveTo(x(i), y(v)); else g.lineTo(x(i), y(v));
      });
      g.stroke();
      days.forEach((d, i) => { g.beginPath(); g.arc(x(i), y((d.counts || {})[k] || 0), 2.5, 0, 7); g.fill(); });
    });
  }

  // ---- start ----------------------------------------------------------------------------------
  applyLanguage();
  if (token() && (claims(token()).roles || []).includes('OPERATOR')) {
    start();
  }
})();
