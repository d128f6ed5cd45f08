// The inbox: every message the system sent this person (GET /api/v1/notifications), newest first, with
// the unread count on the tab, and new ones live while the app is open (the server-sent event stream
// /api/v1/notifications/stream), in the person's language.
import { $, el, onShow, toast } from './ui.js';
import { t, formatTime, onLanguage } from './i18n.js';
import { call, stream } from './api.js';

let items = [];
let next = null;
let unread = 0;
let abort = null;
let opener = () => {};
const listeners = [];

/** Runs when a message arrives live (the screens showing its case reload). */
export function onMessage(f) { listeners.push(f); }

function badge() {
  const b = $('unread');
  b.textContent = unread > 99 ? '99+' : String(unread);
  b.hidden = unread === 0;
  b.dataset.count = String(unread);
}

function render() {
  const list = $('inbox-list');
  list.textContent = '';
  items.forEach((m) => list.append(el('li', { dataset: { id: String(m.id), what: m.what, caseId: m.caseId || '', read: String(m.read) } },
    el('button', { type: 'button', class: 'open', onclick: () => openItem(m) },
      el('div', { class: 'title' }, m.title),
      el('div', {}, m.body),
      el('div', { class: 'meta' }, formatTime(m.at))))));
  $('inbox-empty').hidden = items.length > 0;
  $('inbox-more').hidden = !next;
  $('inbox-list').dataset.count = String(items.length);
}

async function openItem(m) {
  if (!m.read) {
    m.read = true;
    unread = Math.max(0, unread - 1);
    badge();
    render();
    call('/api/v1/notifications/' + m.id + '/read', { method: 'POST' });
  }
  if (m.caseId) opener(m.caseId, m);
}

export async function loadFirst() {
  const r = await call('/api/v1/notifications?limit=30');
  if (!r.ok) return;
  items = r.body.items;
  next = r.body.next;
  unread = r.body.unread;
  badge();
  render();
}

async function loadMore() {
  if (!next) return;
  const r = await call(next);
  if (!r.ok) return;
  items = items.concat(r.body.items.filter((m) => !items.some((x) => x.id === m.id)));
  next = r.body.next;
  render();
}

async function live(signal) {
  let wait = 2000;
  while (!signal.aborted) {
    try {
      await stream('/api/v1/notifications/stream', (name, data) => {
        if (name === 'connected') {
          wait = 2000;
          unread = data.unread;
          badge();
          $('inbox-list').dataset.live = 'on';
        } else if (name === 'message' && !items.some((m) => m.id === data.id)) {
          items.unshift(data);
          unread += data.read ? 0 : 1;
          badge();
          render();
          toast(data.title);
          listeners.forEach((f) => f(data));
        }
      }, signal);
    } catch (e) {
      if (signal.aborted) return;
    }
    $('inbox-list').dataset.live = 'off';
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 30000);
    // what came while the stream was away is not replayed: read the first page again
    if (!signal.aborted) await loadFirst();
  }
}

/** Starts the inbox for a signed-in person; openCase(caseId) opens what a message is about. */
export function start(openCase) {
  stop();
  opener = openCase;
  items = [];
  loadFirst();
  abort = new AbortController();
  live(abort.signal);
}

export function stop() {
  if (abort) abort.abort();
  abort = null;
  items = [];
  unread = 0;
  badge();
}

export function wire() {
  onShow('inbox', loadFirst);
  $('inbox-more').addEventListener('click', loadMore);
  $('inbox-read-all').addEventListener('click', async () => {
    const r = await call('/api/v1/notifications/read-all', { method: 'POST' });
    if (r.ok) {
      items.forEach((m) => { m.read = true; });
      unread = 0;
      badge();
      render();
    }
  });
  // the server writes each message in the language asked for: ask again
  onLanguage(() => { if (abort) start(opener); });
}
