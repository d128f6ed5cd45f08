// A grid worker's tasks: reports to verify on site (核实) and handled work to check (核查) in their
// grids, nearest first when the phone knows where it is, each with its deadline; one task with its
// photos, a link that opens the place in AMap (the API answers the position in GCJ-02 for it), and
// the verification or check with photos, sent through the outbox like everything else.
import { $, el, show, onShow, toast, say } from './ui.js';
import { t, lang, formatTime, formatDistance, onLanguage } from './i18n.js';
import { call } from './api.js';
import { categoryName } from './catalog.js';
import { locate, distance } from './position.js';
import { picker, showPhotos } from './photos.js';
import { enqueue, flush, pending } from './outbox.js';

let here = null;
let open = null;
let allowed = null;
let photos;

let grids = null;

/** A grid as people read it: its name with its code ("新中街网格 110101002003001"), from the worker's patrol area. */
async function gridLabel(code) {
  if (!code) return '';
  if (!grids) {
    const r = await call('/api/v1/patrol/area');
    if (!r.ok || !r.body || !Array.isArray(r.body.features)) return code;
    grids = {};
    r.body.features.forEach((f) => { grids[f.properties.code] = f.properties; });
  }
  const g = grids[code];
  return g ? (lang() === 'zh' ? g.nameZh : g.nameEn) + ' ' + code : code;
}

const kindOf = (c) => (c.state === 'HANDLED' ? 'Check' : 'Verify');

function deadline(c) {
  if (!c.deadline) return '';
  const left = (new Date(c.deadline).getTime() - Date.now()) / 3600000;
  if (left < 0) return el('span', { class: 'late' }, t('tasks.overdue'));
  return t('tasks.deadline', { when: formatTime(c.deadline) }) + (left < 24 ? ' · ' + t('tasks.left', { h: Math.max(1, Math.round(left)) }) : '');
}

async function loadList() {
  const [r, p] = await Promise.all([call('/api/v1/worker/tasks'), here ? Promise.resolve(here) : locate()]);
  here = p || here;
  const tasks = r.ok && Array.isArray(r.body) ? r.body : [];
  if (here) {
    tasks.forEach((c) => { c.distance = distance(here, c); });
    tasks.sort((a, b) => a.distance - b.distance);
  }
  $('tasks-where').textContent = here ? t('tasks.sorted') : t('tasks.unsorted');
  const list = $('task-list');
  list.textContent = '';
  for (const c of tasks) {
    list.append(el('li', { dataset: { caseId: c.caseId, kind: kindOf(c) } },
      el('button', { type: 'button', class: 'open', onclick: () => openTask(c.caseId) },
        el('div', { class: 'title' }, await categoryName(c.categoryCode),
          el('span', { class: 'state' }, t(kindOf(c) === 'Check' ? 'tasks.check' : 'tasks.verify'))),
        el('div', { class: 'meta' }, deadline(c), c.distance !== undefined ? ' · ' + t('tasks.distance', { d: formatDistance(c.distance) }) : ''),
        c.description ? el('div', { class: 'meta' }, c.description) : null)));
  }
  list.dataset.count = String(tasks.length);
  $('tasks-empty').hidden = tasks.length > 0;
}

/** The photos people attached on the way: the report's for a verification, the handler's for a check. */
function refsOf(view) {
  const refs = [];
  (view.timeline || []).forEach((e) => {
    const c = e.change || {};
    const evidence = (c.details && c.details.evidence) || c.evidence || [];
    if (e.type === 'Reported' || e.type === 'Handled') evidence.forEach((x) => refs.push(x.ref));
  });
  return refs;
}

export async function openTask(caseId) {
  show('task');
  const [r, gcj] = await Promise.all([call('/api/v1/cases/' + encodeURIComponent(caseId)),
    call('/api/v1/cases/' + encodeURIComponent(caseId) + '?crs=gcj02')]);
  if (!r.ok) return;
  open = r.body;
  const kind = kindOf(open);
  allowed = (open.allowedActions || []).find((a) => a.type === kind) || null;
  const screen = $('screen-task');
  screen.dataset.caseId = open.caseId;
  screen.dataset.kind = kind;
  screen.dataset.allowed = String(!!allowed);
  screen.dataset.sent = '';
  $('task-title').textContent = await categoryName(open.categoryCode);
  $('task-meta').textContent = formatTime(open.reportedAt) + ' · ' + await gridLabel(open.gridCode);
  $('task-description').textContent = open.description || '';
  showPhotos(refsOf(open), $('task-photos'));
  const amap = $('task-amap');
  amap.hidden = !gcj.ok;
  if (gcj.ok) {
    amap.href = 'https://uri.amap.com/marker?position=' + gcj.body.lon.toFixed(6) + ',' + gcj.body.lat.toFixed(6)
      + '&name=' + encodeURIComponent($('task-title').textContent) + '&coordinate=gaode';
  }
  $('task-form-title').textContent = t(kind === 'Check' ? 'task.checkTitle' : 'task.verifyTitle');
  $('task-yes-label').textContent = t(kind === 'Check' ? 'task.passed' : 'task.found');
  $('task-no-label').textContent = t(kind === 'Check' ? 'task.failed' : 'task.notFound');
  $('task-yes').checked = true;
  $('task-note').value = '';
  photos.clear();
  say('task-message', '');
  $('task-form').hidden = !allowed;
  $('task-submit').disabled = false;
}

async function submit(e) {
  e.preventDefault();
  const kind = kindOf(open);
  const positive = $('task-yes').checked;
  const note = $('task-note').value.trim();
  const needs = (need) => need === 'REQUIRED' || (need === 'REQUIRED_WHEN_NEGATIVE' && !positive);
  if (allowed && needs(allowed.evidence) && photos.blobs().length === 0) return say('task-message', t('task.needPhoto'));
  if (allowed && needs(allowed.note) && !note) return say('task-message', t('task.needNote'));
  const body = kind === 'Check' ? { type: 'Check', passed: positive, note: note || null } : { type: 'Verify', found: positive, note: note || null };
  const entry = await enqueue({ kind, label: $('task-title').textContent,
    path: '/api/v1/cases/' + encodeURIComponent(open.caseId) + '/actions', body, photos: photos.blobs(), photoField: 'evidence' });
  photos.clear();
  $('task-submit').disabled = true;
  await flush();
  const waiting = (await pending()).some((x) => x.id === entry.id);
  say('task-message', waiting ? t('task.queued') : t('task.sent'), 'ok');
  $('screen-task').dataset.sent = waiting ? 'waiting' : 'sent';
  toast(waiting ? t('task.queued') : t('task.sent'));
}

export function wire() {
  photos = picker('task-photo', 'task-previews');
  onShow('tasks', loadList);
  onLanguage(() => { if (document.body.dataset.screen === 'tasks') loadList(); });
  $('task-back').addEventListener('click', () => show('tasks'));
  $('task-form').addEventListener('submit', submit);
}

/** A message about a task: the list again (the task may be new, or done). */
export function refresh() {
  if (document.body.dataset.screen === 'tasks') loadList();
}
