// The map's filters, which the server applies (GET /api/v1/operator/map/cases): category and
// department by name, state, and the city days reported between, typed as 2026-12-07 whatever the
// browser's language. Events arriving live are put on the map or left off by the same rules.
import { $, el } from './dom.js';
import { t, cityDay, onLangChange } from './i18n.js';
import { allCategories, allDepartments, categoryLabel, onNames } from './names.js';

const TERMINAL = new Set(['CLOSED', 'DISMISSED', 'VOIDED']);
const STATES = ['REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'SUSPENDED', 'HANDLED', 'CHECK_PASSED', 'CLOSED', 'DISMISSED', 'VOIDED'];
const FILTERS = { state: 'filter-state', category: 'filter-category', department: 'filter-department', from: 'filter-from', to: 'filter-to' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filterQuery() {
  const q = new URLSearchParams();
  Object.entries(FILTERS).forEach(([name, id]) => { if ($(id).value.trim()) q.set(name, $(id).value.trim()); });
  return q.toString();
}

/** Whether the days are well written and in order; says what is wrong next to the filters otherwise. */
export function filtersValid() {
  const from = $('filter-from').value.trim();
  const to = $('filter-to').value.trim();
  const message = $('filter-message');
  if ((from && !DAY.test(from)) || (to && !DAY.test(to))) { message.textContent = t('filters.badDay'); return false; }
  if (from && to && from > to) { message.textContent = t('filters.badDays'); return false; }
  message.textContent = '';
  return true;
}

/** Whether a case belongs on the map under the current filters (the same rule as the server's). */
export function shownByFilters(p) {
  const s = $('filter-state').value;
  const c = $('filter-category').value;
  const d = $('filter-department').value;
  const from = $('filter-from').value.trim();
  const to = $('filter-to').value.trim();
  const day = p.reportedAt ? cityDay(p.reportedAt) : null;
  return (s ? p.state === s : !TERMINAL.has(p.state)) && (!c || p.categoryCode === c)
    && (!d || p.department === d) && (!from || (day && day >= from)) && (!to || (day && day <= to));
}

function fill(select, options, allKey) {
  const keep = select.value;
  select.replaceChildren(el('option', { value: '', text: t(allKey) }), ...options.map(([v, text]) => el('option', { value: v, text })));
  select.value = keep;
}

function fillChoices() {
  fill($('filter-state'), STATES.map((s) => [s, t('state.' + s)]), 'filters.open');
  fill($('filter-category'), allCategories().map((c) => [c.code, categoryLabel(c.code)]), 'filters.all');
  fill($('filter-department'), allDepartments().map((d) => [d.code, d.name]), 'filters.all');
}

export function initFilters(onChange) {
  $('filter-from').placeholder = cityDay(null, -7);
  $('filter-to').placeholder = cityDay(null, 0);
  fillChoices();
  onNames(fillChoices);
  onLangChange(fillChoices);
  Object.values(FILTERS).forEach((id) => $(id).addEventListener('change', onChange));
}
