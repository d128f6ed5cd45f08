// The API's own endpoints with the person's access token. The token lives in sessionStorage: gone
// with the tab, never in a cookie the browser would send on its own, and never in a URL.

const TOKEN = 'citygrid.console.token';
const REFRESH = 'citygrid.console.refresh';
const signedOutListeners = [];

export const token = () => sessionStorage.getItem(TOKEN);

/** The claims of a JWT (not verified: the server does that on every call). */
export function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return {};
  }
}

/** The signed-in person's role, from the token ('' when signed out). */
export const role = () => ((claims(token() || '').roles || [])[0] || '');

export function keepTokens(body) {
  sessionStorage.setItem(TOKEN, body.access_token);
  sessionStorage.setItem(REFRESH, body.refresh_token || '');
}

export function forgetTokens() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(REFRESH);
}

/** Runs `fn(reasonKey)` when the session ends (the refresh token was refused). */
export function onSignedOut(fn) { signedOutListeners.push(fn); }

export async function refreshToken() {
  const refresh = sessionStorage.getItem(REFRESH);
  if (!refresh) return false;
  const res = await fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh })
  });
  if (!res.ok) return false;
  keepTokens(await res.json());
  return true;
}

/** fetch with the token; one refresh on 401, then the session ends. */
export async function api(path, options = {}) {
  const call = () => fetch(path, Object.assign({}, options, {
    headers: Object.assign({ Authorization: 'Bearer ' + token(), Accept: 'application/json' }, options.headers || {})
  }));
  let res = await call();
  if (res.status === 401 && await refreshToken()) res = await call();
  if (res.status === 401) {
    forgetTokens();
    signedOutListeners.forEach((fn) => fn('signin.expired'));
    throw new Error('signed out');
  }
  return res;
}

/** The JSON body of a GET, or null when the answer is not 2xx. */
export async function getJson(path, headers = {}) {
  const res = await api(path, { headers });
  return res.ok ? res.json() : null;
}

export function uuid() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** A case step: POST the action with a fresh Idempotency-Key; {status, body}. */
export async function sendAction(caseId, action) {
  const res = await api('/api/v1/cases/' + encodeURIComponent(caseId) + '/actions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid() },
    body: JSON.stringify(action)
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

/** Polls a command until the case cycle applied or rejected it; resolves with its last status. */
export async function followCommand(url, attempts = 60) {
  for (let i = 0; i < attempts; i++) {
    const res = await api(url);
    if (res.ok) {
      const s = await res.json();
      if (s.status === 'APPLIED' || s.status === 'REJECTED') return s;
    }
    await new Promise((r) => setTimeout(r, i < 5 ? 700 : 2000));
  }
  return { status: 'PENDING' };
}

/** Uploads a photo (the API's raw-body upload); its evidence entry {ref, mediaType}. */
export async function uploadPhoto(file) {
  const res = await api('/api/v1/photos', { method: 'POST', headers: { 'Content-Type': file.type || 'image/jpeg' }, body: file });
  if (!res.ok) throw new Error('upload answered ' + res.status);
  const body = await res.json();
  return { ref: body.ref, mediaType: body.mediaType };
}
