// A case's history as its reporter reads it, in plain words: one line per step that concerns them
// (the case cycle's clock events, deadline warnings and escalations, are the staff's and left out).
import { t, formatTime } from './i18n.js';
import { departmentName } from './catalog.js';
import { el } from './ui.js';

const SHOWN = new Set(['Reported', 'DuplicateMerged', 'Verified', 'Filed', 'Dismissed', 'Dispatched', 'Accepted', 'Returned',
  'ExtensionRequested', 'ExtensionApproved', 'ExtensionRejected', 'Suspended', 'Resumed', 'Handled', 'CheckPassed',
  'CheckFailed', 'Closed', 'Voided', 'Rated']);

export const stars = (n) => '★'.repeat(n) + '☆'.repeat(Math.max(0, 5 - n));

/** The words of each step, walked in order (a department named by the dispatch is the one that accepts and handles). */
export async function lines(timeline, me) {
  const out = [];
  let department = null;
  for (const entry of timeline || []) {
    const c = entry.change || {};
    const type = entry.type || c.type;
    if (type === 'Dispatched' || type === 'Returned') department = c.department || department;
    if (!SHOWN.has(type)) continue;
    const because = (text) => (text ? t('tl.because', { reason: text }) : '');
    const params = { department: department ? await departmentName(department) : t('tl.department') };
    let key = 'tl.' + type;
    if (type === 'Verified') {
      key = 'tl.Verified.' + (c.found !== false);
      params.reason = because(c.note);
    } else if (type === 'DuplicateMerged' && c.duplicate && c.duplicate.reporterId === me) {
      key = 'tl.DuplicateMerged.mine';
    } else if (type === 'Dismissed' || type === 'Suspended' || type === 'Voided') {
      params.reason = because(c.reason);
    } else if (type === 'CheckFailed') {
      params.reason = because(c.note);
    } else if (type === 'Rated') {
      params.stars = stars(c.score || 0);
    }
    out.push({ type, at: entry.at, text: t(key, params) });
  }
  return out;
}

/** Fills an <ol class="timeline"> with the lines. */
export async function render(list, timeline, me) {
  const items = await lines(timeline, me);
  list.textContent = '';
  items.forEach((l) => list.append(el('li', { dataset: { type: l.type } }, el('time', {}, formatTime(l.at)), el('span', {}, l.text))));
  list.dataset.steps = String(items.length);
}
