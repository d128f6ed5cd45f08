// The desk (工作台): the queues of one's post with their counts and longest waits, a queue's cases
// nearest deadline first with their steps one click away, and search. GET /api/v1/desk,
// /api/v1/desk/queues/{queue}, /api/v1/desk/search (docs/console.md).
import { $, el, throttle } from './dom.js';
import { t, fmtTime, fmtDuration, onLangChange } from './i18n.js';
import { api, getJson } from './api.js';
import { categoryLabel, sensorDescription, onNames } from './names.js';
import { openCase, address, onCaseStep } from './case-panel.js';
import { actionKey, actionLabel, oneClick, offered, take } from './actions.js';

const PAGE = 20;
let desk = null;       // the last GET /api/v1/desk
let selected = null;   // the queue shown
let page = null;       // its last page
let results = null;    // a search's answer, shown instead of the queue
const shownListeners = [];

/** Runs `fn(items)` whenever the list shows other cases (the map marks them). */
export function onListShown(fn) { shownListeners.push(fn); }

export async function loadDesk() {
  const res = await api('/api/v1/desk');
  if (!res.ok) {
    $('desk').dataset.state = 'error';
    $('desk-message').textContent = t('desk.error');
    return;
  }
  desk = await res.json();
  $('desk').dataset.state = 'ready';
  $('desk').dataset.post = desk.post;
  $('desk').dataset.readOnly = String(Boolean(desk.readOnly));
  // the leader's overview: every queue to read, no steps offered in the lists
  $('desk-message').textContent = desk.readOnly ? t('desk.readOnly') : '';
  if (!selected || !desk.queues.some((q) => q.queue === selected)) {
    selected = (desk.queues.find((q) => q.count > 0) || desk.queues[0]).queue;
  }
  renderQueues();
  await loadPage();
}

/** Reads the counts and the shown page again, at most once a second (live events, steps taken). */
export const refreshDesk = throttle(() => { loadDesk().catch(() => {}); }, 1000);

async function loadPage() {
  const q = selected;
  const body = await getJson(`/api/v1/desk/queues/${q}?page=0&size=${PAGE}`);
  if (q !== selected || !body) return;
  page = body;
  renderList();
}

function renderQueues() {
  $('queues').replaceChildren(...desk.queues.map((q) => el('button', {
    type: 'button', className: 'queue' + (q.queue === selected && !results ? ' selected' : '') + (q.queue === 'OVERDUE' && q.count ? ' late' : ''),
    dataset: { queue: q.queue, count: String(q.count) },
    onclick: () => { selected = q.queue; results = null; renderQueues(); loadDesk(); }
  }, el('span', { className: 'name', text: t('queue.' + q.queue) }),
  el('b', { className: 'count', text: String(q.count) }),
  el('span', { className: 'oldest', text: q.count ? t('desk.oldest') + ' ' + fmtDuration(q.oldestWaitingSeconds) : '' }))));
}

function renderList() {
  const items = results || (page ? page.items : []);
  const list = $('desk-list');
  list.dataset.queue = results ? 'search' : selected;
  list.dataset.items = String(items.length);
  $('desk-list-title').textContent = results ? t('desk.results') : t('queue.' + selected);
  $('desk-back').hidden = !results;
  list.replaceChildren(...items.map(row));
  $('desk-empty').hidden = items.length > 0;
  $('desk-empty').textContent = results ? t('desk.noResults') : t('desk.empty');
  shownListeners.forEach((fn) => fn(items));
}

function row(item) {
  const waited = (Date.now() - Date.parse(item.waitingSince)) / 1000;
  const description = item.channel === 'SENSOR' ? sensorDescription(item.description) : item.description;
  const status = el('p', { className: 'message', dataset: { status: '' } });
  const actions = (desk && desk.readOnly ? [] : offered(item)).map((a) => el('button', {
    type: 'button', className: 'step', dataset: { action: actionKey(a) }, text: actionLabel(a),
    onclick: (e) => {
      e.stopPropagation();
      if (oneClick(a)) take(item, a, { text: { value: '' }, status }, refreshDesk);
      else openCase(item.caseId, actionKey(a));
    }
  }));
  return el('li', {
    className: 'item' + (item.late ? ' late' : ''), dataset: { caseId: item.caseId, state: item.state },
    tabindex: '0', onclick: () => openCase(item.caseId),
    onkeydown: (e) => { if (e.key === 'Enter') openCase(item.caseId); }
  },
  el('div', { className: 'line1' },
    el('span', { className: 'cat', text: categoryLabel(item.categoryCode) }),
    el('span', { className: 'state state-' + item.state, text: t('state.' + item.state, item.state) })),
  el('div', { className: 'addr', text: address(item.place) }),
  el('div', { className: 'desc', text: description }),
  el('div', { className: 'times' },
    el('span', { className: 'num', text: item.caseNumber ? item.caseNumber + ' · ' + item.caseId : item.caseId }),
    item.deadline ? el('span', { className: item.late ? 'deadline late' : 'deadline', text: t('desk.deadline') + ' ' + fmtTime(item.deadline) }) : null,
    el('span', { text: t('desk.waited') + ' ' + fmtDuration(waited) }),
    item.extensionRequested ? el('span', { className: 'flag', text: t('desk.extensionRequested') }) : null),
  actions.length ? el('div', { className: 'steps' }, actions) : null, status);
}

async function search(e) {
  e.preventDefault();
  const q = $('desk-q').value.trim();
  if (q.length < 2) {
    $('desk-message').textContent = t('desk.searchShort');
    return;
  }
  $('desk-message').textContent = '';
  const res = await api('/api/v1/desk/search?q=' + encodeURIComponent(q));
  results = res.ok ? await res.json() : [];
  renderQueues();
  renderList();
}

export function initDesk() {
  $('desk-search').addEventListener('submit', search);
  $('desk-back').addEventListener('click', () => { results = null; renderQueues(); renderList(); });
  onCaseStep(() => refreshDesk());
  onLangChange(() => { if (desk) { renderQueues(); renderList(); } });
  onNames(() => { if (desk) renderList(); });
}
