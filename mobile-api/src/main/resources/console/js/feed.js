// The live feed: the last events, each its change by name, the case's category and when; a click opens the case.
import { $, el } from './dom.js';
import { t, fmtClock, onLangChange } from './i18n.js';
import { categoryLabel } from './names.js';
import { openCase } from './case-panel.js';

const MAX = 30;
const categories = new Map(); // caseId -> category code, from the events seen

function label(li) {
  const change = li.dataset.change;
  li.querySelector('b').textContent = change === 'Dispatched' && li.dataset.redispatch ? t('change.Redispatched') : t('change.' + change, t('change.other'));
  li.querySelector('.cat').textContent = categoryLabel(categories.get(li.dataset.caseId) || '');
}

export function addFeed(e) {
  const change = e.change || {};
  if (change.details && change.details.categoryCode) categories.set(e.caseId, change.details.categoryCode);
  const li = el('li', {
    dataset: { caseId: e.caseId, change: change.type, at: e.at, redispatch: change.redispatch ? 'true' : null },
    onclick: () => openCase(e.caseId)
  }, el('time', { text: fmtClock(e.at) }), el('b'), el('span', { className: 'cat' }), el('span', { className: 'num', text: e.caseId }));
  label(li);
  const feed = $('feed');
  feed.prepend(li);
  while (feed.children.length > MAX) feed.lastChild.remove();
}

/** Remembers the categories of the cases on the map, so the feed names them. */
export function knowCategory(caseId, code) { if (code) categories.set(caseId, code); }

onLangChange(() => document.querySelectorAll('#feed li').forEach(label));
