// The phone app for residents and grid workers (docs/app.md): plain ES modules on the API, no build
// step. This module starts everything: language, service worker, the screens, the session.
import { apply, setLanguage, lang, t, formatTime, onLanguage } from './i18n.js';
import { $, el, show, onShow, back } from './ui.js';
import { onSignedOut } from './api.js';
import * as session from './session.js';
import * as outbox from './outbox.js';
import * as report from './report.js';
import * as mine from './mine.js';
import * as inbox from './inbox.js';
import * as community from './community.js';
import * as tasks from './tasks.js';
import * as patrol from './patrol.js';
import * as mapview from './mapview.js';

// what the page saw, for the browser test and the dev tools: CSP violations, the service worker
const seen = { csp: [], sw: 'none' };
window.citygridApp = seen;
document.addEventListener('securitypolicyviolation', (e) => seen.csp.push(e.violatedDirective + ' ' + e.blockedURI));

function serviceWorker() {
  if (!('serviceWorker' in navigator)) {
    document.body.dataset.sw = 'unsupported';
    return;
  }
  navigator.serviceWorker.register('sw.js', { scope: './' })
    .then(() => { document.body.dataset.sw = navigator.serviceWorker.controller ? 'controlling' : 'registered'; })
    .catch((e) => { document.body.dataset.sw = 'failed'; console.warn('service worker', e); });
  navigator.serviceWorker.addEventListener('controllerchange', () => { document.body.dataset.sw = 'controlling'; });
}

function network() {
  const set = () => { document.body.dataset.online = String(navigator.onLine); };
  window.addEventListener('online', set);
  window.addEventListener('offline', set);
  set();
}

async function pendingBadge() {
  const waiting = await outbox.pending();
  const b = $('pending');
  b.hidden = waiting.length === 0;
  b.textContent = t('pending', { n: waiting.length });
  b.dataset.count = String(waiting.length);
  if (document.body.dataset.screen === 'settings') renderOutbox(waiting);
}

function renderOutbox(waiting) {
  const list = $('outbox-list');
  list.textContent = '';
  waiting.forEach((e) => list.append(el('li', { dataset: { id: e.id, kind: e.kind, state: e.state } },
    el('div', { class: 'title' }, e.kind === 'report' || e.kind === 'service' || e.kind === 'patrol'
      ? t('kind.' + e.kind, { what: e.label }) : t('kind.' + e.kind) + ' · ' + e.label),
    el('div', { class: 'meta' }, formatTime(e.createdAt), ' · ',
      e.state === 'failed' ? el('span', { class: 'failed' }, t('outbox.failed', { why: e.error })) : t('outbox.waiting')),
    e.state === 'failed' ? el('button', { type: 'button', class: 'link', onclick: () => outbox.discard(e.id) }, t('outbox.delete')) : null)));
  $('outbox-empty').hidden = waiting.length > 0;
}

function home(me) {
  return me.role === 'GRID_WORKER' ? 'tasks' : 'report';
}

function openCase(caseId) {
  const me = session.account();
  if (me && me.role === 'GRID_WORKER') tasks.openTask(caseId); else mine.openCase(caseId);
}

function wire() {
  $('lang').addEventListener('click', () => setLanguage(lang() === 'zh' ? 'en' : 'zh'));
  $('open-settings').addEventListener('click', () => show('settings'));
  $('settings-back').addEventListener('click', () => back(home(session.account() || { role: 'RESIDENT' })));
  $('pending').addEventListener('click', () => show('settings'));
  $('outbox-send').addEventListener('click', () => outbox.flush());
  $('settings-anonymous').addEventListener('change', () => report.setAnonymousByDefault($('settings-anonymous').checked));
  $('sign-out').addEventListener('click', () => session.signOut());
  document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => show(b.dataset.tab)));
  onShow('settings', async () => {
    const me = session.account();
    $('settings-who').textContent = me ? t('settings.who', { name: me.displayName, role: t('role.' + me.role) }) : '';
    $('settings-anonymous').checked = report.anonymousByDefault();
    renderOutbox(await outbox.pending());
  });
  outbox.on('change', pendingBadge);
  outbox.on('sent', pendingBadge);
  onSignedOut(() => session.signedOut());
  session.onAccount((me) => {
    if (me) {
      document.body.dataset.role = me.role;
      outbox.setAccount(me.id);
      inbox.start(openCase);
      if (me.role === 'GRID_WORKER') patrol.resume();
      show(home(me));
    } else {
      document.body.dataset.role = '';
      outbox.setAccount(null);
      inbox.stop();
      patrol.pause();
    }
  });
  inbox.onMessage((m) => { mine.refreshIfOpen(m.caseId); tasks.refresh(); });
  [session, report, mine, inbox, community, tasks, patrol, mapview].forEach((m) => m.wire());
  onLanguage(() => {
    $('lang').textContent = lang() === 'zh' ? 'EN' : '中文';
    pendingBadge();
  });
}

async function start() {
  apply();
  $('lang').textContent = lang() === 'zh' ? 'EN' : '中文';
  network();
  wire();
  serviceWorker();
  const me = await session.restore();
  if (!me) show('signin');
  pendingBadge();
  document.body.dataset.ready = 'true';
}

start();
