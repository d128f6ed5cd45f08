// Who is using the app: sign-in, a resident's sign-up (with their community found from where they
// stand), the account kept on the phone so the app opens offline, and sign-out.
import { call, saveTokens, clearTokens, hasSession } from './api.js';
import { $, show, say, problemText } from './ui.js';
import { t } from './i18n.js';
import { locate } from './position.js';

const ME = 'citygrid.app.me';
const ROLES = ['RESIDENT', 'GRID_WORKER'];
let me = null;
const listeners = [];

export function account() { return me; }
export function onAccount(f) { listeners.push(f); }
function announce() { listeners.forEach((f) => f(me)); }

/** The account the phone remembers, checked with the server when it answers. */
export async function restore() {
  if (!hasSession()) return null;
  const r = await call('/api/v1/accounts/me');
  if (r.ok) {
    me = r.body;
    localStorage.setItem(ME, JSON.stringify(me));
  } else if (r.status === 0) {
    me = JSON.parse(localStorage.getItem(ME) || 'null');
  } else {
    clearTokens();
    me = null;
  }
  announce();
  return me;
}

async function signIn(username, password) {
  const r = await call('/api/v1/auth/sign-in', { json: { username, password } });
  if (!r.ok) return r.status === 401 || r.status === 400 ? t('signin.failed') : problemText(r);
  saveTokens(r.body.access_token, r.body.refresh_token);
  const who = await call('/api/v1/accounts/me');
  if (!who.ok) return problemText(who);
  if (!ROLES.includes(who.body.role)) {
    clearTokens();
    return t('signin.otherRole', { role: t('role.' + who.body.role) });
  }
  me = who.body;
  localStorage.setItem(ME, JSON.stringify(me));
  announce();
  return null;
}

export async function signOut() {
  await call('/api/v1/auth/sign-out', { method: 'POST' });
  clearTokens();
  localStorage.removeItem(ME);
  me = null;
  announce();
  show('signin');
}

/** Signed out elsewhere (the refresh token was refused): back to the sign-in page. */
export function signedOut() {
  localStorage.removeItem(ME);
  me = null;
  announce();
  show('signin');
}

export function wire() {
  $('signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('signin-submit').disabled = true;
    say('signin-message', '');
    const error = await signIn($('signin-username').value.trim(), $('signin-password').value);
    $('signin-submit').disabled = false;
    if (error) say('signin-message', error);
  });
  $('to-signup').addEventListener('click', () => show('signup'));
  $('to-signin').addEventListener('click', () => show('signin'));
  $('signup-locate').addEventListener('click', async () => {
    const p = await locate();
    if (!p) return;
    const r = await call('/api/v1/communities/at?lon=' + p.lon + '&lat=' + p.lat + '&crs=' + p.crs);
    if (r.ok) {
      $('signup-community').value = r.body.code;
      $('signup-community-name').textContent = t('signup.found', { name: r.body.name, street: r.body.streetName });
    } else {
      $('signup-community-name').textContent = r.status === 404 ? t('signup.notFound') : problemText(r);
    }
  });
  $('signup-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    say('signup-message', '');
    const username = $('signup-username').value.trim();
    const password = $('signup-password').value;
    $('signup-submit').disabled = true;
    const r = await call('/api/v1/accounts/residents', {
      json: { username, password, displayName: $('signup-name').value.trim(), communityCode: $('signup-community').value.trim() }
    });
    const error = r.ok ? await signIn(username, password) : problemText(r);
    $('signup-submit').disabled = false;
    if (error) say('signup-message', error);
  });
}
