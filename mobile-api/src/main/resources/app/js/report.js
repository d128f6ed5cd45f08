// A resident's report in three taps: the photo (the camera opens), the category (typed or picked; the
// position comes from the phone by itself), send. Before sending, the open problems of the same kind
// nearby are shown, so that the person can follow one ("me too") instead of reporting it again.
import { $, el, onShow, say, toast, show } from './ui.js';
import { t, formatDistance } from './i18n.js';
import { call } from './api.js';
import { locate, parsePasted, describe } from './position.js';
import { picker } from './photos.js';
import { chooser } from './catalog.js';
import { enqueue, flush, pending } from './outbox.js';
import { pickOnMap } from './mapview.js';

const ANONYMOUS = 'citygrid.app.anonymous';
let position = null;
let gps = null;
let nearby = [];
let photos;
let category;

export function anonymousByDefault() { return localStorage.getItem(ANONYMOUS) !== 'false'; }
export function setAnonymousByDefault(on) { localStorage.setItem(ANONYMOUS, on ? 'true' : 'false'); }

function setPosition(p) {
  position = p;
  const label = $('report-position');
  label.textContent = describe(p);
  label.dataset.state = p ? 'set' : 'none';
  label.dataset.crs = p ? p.crs : '';
  loadNearby();
}

async function useGps() {
  const label = $('report-position');
  label.textContent = t('position.locating');
  const p = await locate((why) => { label.textContent = why; label.dataset.state = 'error'; });
  if (p) {
    gps = p;
    setPosition(p);
  }
}

async function loadNearby() {
  const chosen = category && category.chosen();
  const box = $('nearby-box');
  if (!position || !chosen) {
    box.hidden = true;
    return;
  }
  const r = await call('/api/v1/cases/nearby?lon=' + position.lon + '&lat=' + position.lat + '&crs=' + position.crs
    + '&radius=200&category=' + encodeURIComponent(chosen.code));
  nearby = r.ok && Array.isArray(r.body) ? r.body : [];
  const list = $('nearby-list');
  list.textContent = '';
  nearby.forEach((c) => list.append(el('li', { dataset: { caseId: c.caseId } },
    el('div', { class: 'title' }, c.category, el('span', { class: 'state' }, t('state.' + c.state))),
    el('div', { class: 'meta' }, formatDistance(c.distance), ' · ', t('nearby.reports', { n: c.reports })),
    el('div', { class: 'row' }, c.mine ? el('span', { class: 'muted' }, t('nearby.mine'))
      : el('button', { type: 'button', class: 'follow', onclick: () => follow(c) }, t('nearby.follow'))))));
  box.hidden = nearby.length === 0;
}

/**
 * "Me too": a report of the same category at the problem's own position, which the case cycle joins to
 * the open case (a duplicate within 50 m and a day), so the person follows it and hears how it goes.
 */
async function follow(c) {
  await send({
    categoryCode: c.categoryCode, description: $('report-description').value.trim() || null,
    position: { lon: c.lon, lat: c.lat, crs: position.crs }, anonymous: $('report-anonymous').checked
  }, c.category, 'nearby.followed');
}

async function submit() {
  say('report-message', '');
  const chosen = category.chosen();
  if (!position) return say('report-message', t('report.needPosition'));
  if (!chosen) return say('report-message', t('report.needCategory'));
  await send({
    categoryCode: chosen.code, description: $('report-description').value.trim() || null,
    position: { lon: position.lon, lat: position.lat, crs: position.crs }, anonymous: $('report-anonymous').checked,
    observedAt: new Date().toISOString()
  }, chosen.name, 'report.sent');
}

async function send(body, label, sentText) {
  $('report-submit').disabled = true;
  const entry = await enqueue({ kind: 'report', label, path: '/api/v1/reports', body, photos: photos.blobs(), photoField: 'photos' });
  photos.clear();
  category.clear();
  $('report-description').value = '';
  $('nearby-box').hidden = true;
  await flush();
  $('report-submit').disabled = false;
  const waiting = (await pending()).some((e) => e.id === entry.id);
  toast(waiting ? t('report.queued') : t(sentText));
  if (!waiting) show('mine');
}

export function wire() {
  photos = picker('report-photo', 'report-previews');
  category = chooser({ input: 'report-category-search', choices: 'report-category-choices', chosen: 'report-category' },
    ['COMPONENT', 'EVENT'], () => loadNearby());
  $('report-locate').addEventListener('click', useGps);
  $('report-pick').addEventListener('click', () => {
    const center = position && position.crs === 'wgs84' ? position : (gps || { lon: 116.397, lat: 39.909 });
    pickOnMap(center, gps, position && position.crs === 'wgs84' ? nearby : [], (p) => setPosition(p));
  });
  $('report-paste-toggle').addEventListener('click', () => { $('report-paste-box').hidden = !$('report-paste-box').hidden; });
  $('report-paste-use').addEventListener('click', () => {
    const p = parsePasted($('report-paste').value);
    if (!p) return say('report-message', t('position.badPaste'));
    say('report-message', '');
    setPosition(p);
  });
  $('report-submit').addEventListener('click', submit);
  onShow('report', () => {
    $('report-anonymous').checked = anonymousByDefault();
    if (!position) useGps();
  });
}
