// What the person sent waits here until the server has it: a report, a service request or a step on
// a case (verify, check, rate) is written to IndexedDB first, with its photos as bytes and its
// Idempotency-Key, and sent from here; offline it stays, and goes when the network returns. A retry
// always carries the same key, so the server records it once however often it is sent (exactly one
// case). A refusal (4xx) is kept with its reason for the person to see, never retried blindly.
import { idb } from './idb.js';
import { call, newKey } from './api.js';
import { problemText } from './ui.js';

const STORE = 'outbox';
const RETRY_MS = 30000;
const listeners = { change: [], sent: [] };
let account = null;
let flushing = null;

export function on(event, f) { listeners[event].push(f); }
function emit(event, ...args) { listeners[event].forEach((f) => { try { f(...args); } catch (e) { console.error(e); } }); }

/** Whose entries are sent: each waits for the account that made it. */
export function setAccount(id) {
  account = id;
  emit('change');
  if (id) flush();
}

function bytes(blob) {
  if (blob.arrayBuffer) return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(blob);
  });
}

/**
 * Keeps something to send and starts sending it.
 * @param item kind ('report', 'service', 'patrol', 'Verify', 'Check', 'Rate'), label (what the person sees),
 *             path, body (JSON), photos (Blobs), photoField ('photos': refs, 'evidence': {ref, mediaType})
 */
export async function enqueue(item) {
  const photos = [];
  for (const p of item.photos || []) photos.push({ type: p.type || 'image/jpeg', data: await bytes(p), ref: null, mediaType: null });
  const entry = {
    id: newKey(), key: newKey(), account, kind: item.kind, label: item.label || '', path: item.path, body: item.body,
    photoField: item.photoField || null, photos, createdAt: new Date().toISOString(), attempts: 0, state: 'waiting', error: null
  };
  await idb.put(STORE, entry);
  emit('change');
  flush();
  return entry;
}

/** This account's entries, oldest first. */
export async function pending() {
  const all = await idb.all(STORE);
  return all.filter((e) => e.account === account).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function discard(id) {
  await idb.remove(STORE, id);
  emit('change');
}

/** Sends whatever waits, in order, one at a time; stops at the first sign of no network. Single-flight per tab and, where the browser can, across tabs. */
export function flush() {
  if (!account) return Promise.resolve();
  if (!flushing) {
    const work = () => sendAll().catch((e) => console.error('outbox', e));
    const run = navigator.locks && navigator.locks.request
      ? navigator.locks.request('citygrid-outbox', work)
      : work();
    flushing = Promise.resolve(run).finally(() => { flushing = null; });
  }
  return flushing;
}

async function sendAll() {
  for (const entry of await pending()) {
    if (entry.state === 'failed') continue;
    const outcome = await send(entry);
    if (outcome === 'offline') break;
  }
  emit('change');
}

async function send(entry) {
  for (const p of entry.photos) {
    if (p.ref) continue;
    const up = await call('/api/v1/photos', { raw: new Blob([p.data], { type: p.type }), type: p.type });
    const held = await heldBack(entry, up);
    if (held) return held;
    p.ref = up.body.ref;
    p.mediaType = up.body.mediaType;
    // kept before the report goes, so that a retry does not upload the photo again
    await idb.put(STORE, entry);
  }
  const body = Object.assign({}, entry.body);
  if (entry.photoField === 'photos') body.photos = entry.photos.map((p) => p.ref);
  if (entry.photoField === 'evidence') body.evidence = entry.photos.map((p) => ({ ref: p.ref, mediaType: p.mediaType }));
  const res = await call(entry.path, { json: body, key: entry.key });
  const held = await heldBack(entry, res);
  if (held) return held;
  await idb.remove(STORE, entry.id);
  emit('sent', entry, res);
  return 'sent';
}

/** Null when the call went through; otherwise keeps the entry as it should stay and says why. */
async function heldBack(entry, res) {
  if (res.ok) return null;
  entry.attempts += 1;
  if (res.status === 0 || res.status === 401) {
    // no network, or no valid session right now: the same entry goes later, with the same key
    await idb.put(STORE, entry);
    return 'offline';
  }
  if (res.status >= 500 || res.status === 429 || res.status === 408 || res.status === 409) {
    entry.error = problemText(res);
    await idb.put(STORE, entry);
    return 'later';
  }
  entry.state = 'failed';
  entry.error = problemText(res);
  await idb.put(STORE, entry);
  return 'failed';
}

window.addEventListener('online', () => flush());
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') flush(); });
setInterval(() => { if (navigator.onLine) flush(); }, RETRY_MS);
