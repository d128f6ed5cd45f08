// The API's own endpoints (docs/mobile-api.md), with the person's token, their language, and one
// refresh of an expired token. Every call answers {status, ok, body, headers}; status 0 means the
// network did not answer (offline), which callers treat as "try again later", never as a refusal.
import { acceptLanguage } from './i18n.js';

const ACCESS = 'citygrid.app.token';
const REFRESH = 'citygrid.app.refresh';
let refreshing = null;
const signedOutListeners = [];

export function accessToken() { return localStorage.getItem(ACCESS); }
export function hasSession() { return !!localStorage.getItem(REFRESH) || !!accessToken(); }

export function saveTokens(access, refresh) {
  localStorage.setItem(ACCESS, access);
  if (refresh) localStorage.setItem(REFRESH, refresh);
}

export function clearTokens() {
  localStorage.removeItem(ACCESS);
  localStorage.removeItem(REFRESH);
}

export function onSignedOut(f) { signedOutListeners.push(f); }

async function refresh() {
  const token = localStorage.getItem(REFRESH);
  if (!token) return false;
  try {
    const res = await fetch('/api/v1/auth/token', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'grant_type=refresh_token&refresh_token=' + encodeURIComponent(token)
    });
    if (!res.ok) {
      if (res.status === 400 || res.status === 401 || res.status === 403) {
        clearTokens();
        signedOutListeners.forEach((f) => f());
      }
      return false;
    }
    const body = await res.json();
    saveTokens(body.access_token, body.refresh_token);
    return true;
  } catch (e) {
    return false; // offline: keep the tokens for later
  }
}

/**
 * @param opts method, json (a body sent as JSON), raw (a Blob or ArrayBuffer), type (its media type),
 *             key (an Idempotency-Key), headers, blob (read the answer as a Blob: a photo)
 */
export async function call(path, opts) {
  const o = opts || {};
  const headers = Object.assign({ 'Accept-Language': acceptLanguage(), Accept: 'application/json' }, o.headers || {});
  const token = accessToken();
  if (token) headers.Authorization = 'Bearer ' + token;
  if (o.key) headers['Idempotency-Key'] = o.key;
  let body;
  if (o.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(o.json);
  } else if (o.raw !== undefined) {
    headers['Content-Type'] = o.type || 'application/octet-stream';
    body = o.raw;
  }
  let res;
  try {
    res = await fetch(path, { method: o.method || (body === undefined ? 'GET' : 'POST'), headers, body, cache: 'no-store' });
  } catch (e) {
    return { status: 0, ok: false, body: null, headers: null };
  }
  if (res.status === 401 && !o.retried && localStorage.getItem(REFRESH)) {
    refreshing = refreshing || refresh().finally(() => { refreshing = null; });
    if (await refreshing) return call(path, Object.assign({}, o, { retried: true }));
  }
  let parsed = null;
  const type = res.headers.get('Content-Type') || '';
  try {
    if (o.blob && res.ok) parsed = await res.blob();
    else if (type.includes('json')) parsed = await res.json();
    else if (type.startsWith('text/')) parsed = await res.text();
  } catch (e) {
    parsed = null;
  }
  return { status: res.status, ok: res.ok, body: parsed, headers: res.headers };
}

/** A fresh Idempotency-Key; crypto.randomUUID is missing outside secure contexts and on older phones. */
export function newKey() {
  if (window.crypto && crypto.randomUUID) {
    try { return crypto.randomUUID(); } catch (e) { /* not a secure context */ }
  }
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
}

/**
 * Reads a server-sent event stream with fetch (EventSource cannot send the Authorization header),
 * calling onEvent(name, data) for each event; resolves when the stream ends or fails.
 */
export async function stream(path, onEvent, signal) {
  const token = accessToken();
  const res = await fetch(path, {
    headers: { Accept: 'text/event-stream', 'Accept-Language': acceptLanguage(), Authorization: 'Bearer ' + token },
    signal, cache: 'no-store'
  });
  if (res.status === 401 && await refresh()) return stream(path, onEvent, signal);
  if (!res.ok || !res.body) throw new Error('stream answered ' + res.status);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r/g, '');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.substring(0, end);
      buffer = buffer.substring(end + 2);
      let name = 'message';
      const data = [];
      block.split('\n').forEach((line) => {
        if (line.startsWith('event:')) name = line.substring(6).trim();
        else if (line.startsWith('data:')) data.push(line.substring(5).replace(/^ /, ''));
      });
      if (data.length) {
        try { onEvent(name, JSON.parse(data.join('\n'))); } catch (e) { /* not JSON: ignored */ }
      }
    }
  }
}
