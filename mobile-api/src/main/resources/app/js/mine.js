// A resident's reports: the list with each one's state, one report with its timeline in plain words,
// and the rating of a closed case (评价), which waits in the outbox like everything sent.
import { $, el, show, onShow, toast } from './ui.js';
import { t, formatTime } from './i18n.js';
import { call } from './api.js';
import { categoryName } from './catalog.js';
import { render as renderTimeline, stars } from './timeline.js';
import { enqueue, flush, pending } from './outbox.js';
import { account } from './session.js';

let reports = [];
let open = null;
let score = 0;

async function loadList() {
  const r = await call('/api/v1/reports');
  if (r.ok && Array.isArray(r.body)) reports = r.body;
  const list = $('mine-list');
  list.textContent = '';
  for (const rep of reports) {
    list.append(el('li', { dataset: { reportId: rep.reportId, caseId: rep.caseId || '', status: rep.status } },
      el('button', { type: 'button', class: 'open', onclick: () => openReport(rep.reportId) },
        el('div', { class: 'title' }, await categoryName(rep.categoryCode), el('span', { class: 'state' }, t('state.' + rep.status))),
        el('div', { class: 'meta' }, formatTime(rep.submittedAt), rep.description ? ' · ' + rep.description : ''))));
  }
  $('mine-empty').hidden = reports.length > 0;
}

/** Opens one report with its case's timeline. */
export async function openReport(reportId) {
  show('report-detail');
  const r = await call('/api/v1/reports/' + encodeURIComponent(reportId));
  if (!r.ok) return;
  open = r.body;
  const screen = $('screen-report-detail');
  screen.dataset.reportId = open.reportId;
  screen.dataset.caseId = open.caseId || '';
  screen.dataset.status = open.status;
  $('detail-title').textContent = await categoryName(open.categoryCode);
  $('detail-status').textContent = t('state.' + open.status);
  $('detail-description').textContent = open.description || '';
  await renderTimeline($('detail-timeline'), open.timeline, account() && account().id);
  const waitingRating = (await pending()).some((e) => e.kind === 'Rate' && e.path.includes(open.caseId || '-'));
  const rated = open.rating || null;
  $('rate-form').hidden = !(open.status === 'CLOSED' && !rated && !waitingRating);
  $('detail-rating').hidden = !rated;
  if (rated) $('detail-rating').textContent = t('rate.done', { stars: stars(rated) });
}

/** From a message: the report whose case it is about, if it is one of this person's. */
export async function openCase(caseId) {
  if (!reports.length) await loadList();
  const rep = reports.find((x) => x.caseId === caseId);
  if (rep) openReport(rep.reportId); else show('mine');
}

/** The open report again, when a message says its case moved on. */
export function refreshIfOpen(caseId) {
  if (open && open.caseId === caseId && document.body.dataset.screen === 'report-detail') openReport(open.reportId);
  if (document.body.dataset.screen === 'mine') loadList();
}

function setScore(n) {
  score = n;
  $('rate-stars').querySelectorAll('button').forEach((b) => b.classList.toggle('on', Number(b.dataset.score) <= n));
}

export function wire() {
  onShow('mine', loadList);
  $('detail-back').addEventListener('click', () => show('mine'));
  $('rate-stars').querySelectorAll('button').forEach((b) => b.addEventListener('click', () => setScore(Number(b.dataset.score))));
  $('rate-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!score) return toast(t('rate.needScore'));
    const comment = $('rate-comment').value.trim();
    await enqueue({ kind: 'Rate', label: $('detail-title').textContent, path: '/api/v1/cases/' + encodeURIComponent(open.caseId) + '/actions',
      body: { type: 'Rate', score, comment: comment || null } });
    $('rate-form').hidden = true;
    $('detail-rating').hidden = false;
    $('detail-rating').textContent = t('rate.done', { stars: stars(score) });
    await flush();
    toast(t('rate.sent'));
    setScore(0);
    $('rate-comment').value = '';
  });
}
