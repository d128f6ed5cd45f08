// A grid worker's patrol: the on-duty switch, which records the phone's track and posts it in batches
// (kept in IndexedDB while there is no network), the patrol report in one screen (photo, position from
// the phone, category, send), and the patrol area on the map.
import { $, onShow, toast, say } from './ui.js';
import { t } from './i18n.js';
import { call } from './api.js';
import { idb } from './idb.js';
import { locate, describe, distance } from './position.js';
import { picker } from './photos.js';
import { chooser } from './catalog.js';
import { enqueue, flush, pending } from './outbox.js';
import { showArea } from './mapview.js';

const DUTY = 'citygrid.app.duty';
const UPLOAD_MS = 60000;
const BATCH = 500;
let watch = null;
let timer = null;
let last = null;
let recorded = 0;
let position = null;
let photos;
let category;

async function status() {
  const on = watch !== null;
  $('screen-patrol').querySelector('.duty').dataset.on = String(on);
  $('duty').checked = on;
  $('duty-status').textContent = on ? t('patrol.on', { n: recorded, w: await idb.count('track') }) : t('patrol.off');
}

async function keep(p) {
  const point = { at: new Date(p.timestamp || Date.now()).toISOString(), lon: p.coords.longitude, lat: p.coords.latitude,
    accuracy: Math.round(p.coords.accuracy || 0) };
  // a point every 10 s or every 10 m is a track; the rest is the phone's noise
  if (last && Date.parse(point.at) - Date.parse(last.at) < 10000 && distance(last, point) < 10) return;
  last = point;
  recorded += 1;
  await idb.put('track', point);
  status();
}

/** Posts the kept points, oldest first, in batches; what the server has is forgotten here. */
export async function upload() {
  const points = (await idb.all('track')).sort((a, b) => a.at.localeCompare(b.at));
  for (let i = 0; i < points.length; i += BATCH) {
    const batch = points.slice(i, i + BATCH);
    const r = await call('/api/v1/patrol/track', { json: { crs: 'wgs84', points: batch } });
    if (r.ok || (r.status >= 400 && r.status < 500 && r.status !== 401 && r.status !== 429)) {
      // kept, or refused for good (too old, outside the city): either way not sent again
      await idb.removeMany('track', batch.map((p) => p.at));
    } else {
      break;
    }
  }
  status();
}

function startDuty() {
  if (!('geolocation' in navigator)) {
    toast(t('patrol.noGps'));
    $('duty').checked = false;
    return;
  }
  localStorage.setItem(DUTY, 'on');
  watch = navigator.geolocation.watchPosition(keep, () => {}, { enableHighAccuracy: true, maximumAge: 5000, timeout: 30000 });
  timer = setInterval(upload, UPLOAD_MS);
  status();
}

function stopDuty() {
  localStorage.removeItem(DUTY);
  if (watch !== null) navigator.geolocation.clearWatch(watch);
  watch = null;
  clearInterval(timer);
  upload();
}

async function useGps() {
  $('patrol-position').textContent = t('position.locating');
  const p = await locate((why) => { $('patrol-position').textContent = why; });
  if (p) {
    position = p;
    $('patrol-position').textContent = describe(p);
    $('patrol-position').dataset.state = 'set';
  }
}

async function submit() {
  say('patrol-message', '');
  const chosen = category.chosen();
  if (!position) return say('patrol-message', t('report.needPosition'));
  if (!chosen) return say('patrol-message', t('report.needCategory'));
  $('patrol-submit').disabled = true;
  const entry = await enqueue({ kind: 'patrol', label: chosen.name, path: '/api/v1/reports', photos: photos.blobs(), photoField: 'photos',
    body: { categoryCode: chosen.code, description: $('patrol-description').value.trim() || null,
      position: { lon: position.lon, lat: position.lat, crs: position.crs }, observedAt: new Date().toISOString() } });
  photos.clear();
  category.clear();
  $('patrol-description').value = '';
  await flush();
  $('patrol-submit').disabled = false;
  const waiting = (await pending()).some((x) => x.id === entry.id);
  say('patrol-message', waiting ? t('report.queued') : t('report.sent'), 'ok');
}

/** Sign-in: an on-duty worker's phone goes on recording where it left off. */
export function resume() {
  if (localStorage.getItem(DUTY) === 'on' && watch === null) startDuty();
}

export function pause() {
  if (watch !== null) navigator.geolocation.clearWatch(watch);
  watch = null;
  clearInterval(timer);
}

export function wire() {
  photos = picker('patrol-photo', 'patrol-previews');
  category = chooser({ input: 'patrol-category-search', choices: 'patrol-category-choices', chosen: 'patrol-category' },
    ['COMPONENT', 'EVENT'], () => {});
  $('duty').addEventListener('change', () => { if ($('duty').checked) startDuty(); else stopDuty(); });
  $('patrol-submit').addEventListener('click', submit);
  $('patrol-area').addEventListener('click', () => showArea(position));
  onShow('patrol', () => { status(); useGps(); });
  window.addEventListener('online', upload);
}
