// The city's categories and departments, named in the person's language, from the API's catalogue
// (GET /api/v1/categories: code, kind COMPONENT/EVENT/SERVICE, majorClass, majorClassName, name,
// filingCriteria, keywords, icon, department, departmentName, priority; GET /api/v1/departments: code,
// name, kind, level, area). Kept on the phone too, so that the report form works offline.
import { call } from './api.js';
import { lang, t, onLanguage } from './i18n.js';
import { $, el } from './ui.js';

const memory = {};

async function load(path) {
  const key = 'citygrid.app.cache.' + path + '.' + lang();
  if (memory[key]) return memory[key];
  const r = await call(path);
  let list = null;
  if (r.ok && Array.isArray(r.body)) {
    list = r.body;
    try { localStorage.setItem(key, JSON.stringify(list)); } catch (e) { /* storage full: fine */ }
  } else {
    list = JSON.parse(localStorage.getItem(key) || 'null');
  }
  if (list) memory[key] = list;
  return list || [];
}

export const categories = () => load('/api/v1/categories');
export const departments = () => load('/api/v1/departments');

export async function categoryName(code) {
  const c = (await categories()).find((x) => x.code === code);
  return c ? c.name : code;
}

/** A department's name from the code a case carries (STREET_OFFICE:110101001 included). */
export async function departmentName(code) {
  if (!code) return '';
  const d = (await departments()).find((x) => x.code === code);
  return d ? d.name : code;
}

/** Categories matching what the person typed, by name first, then by keyword; best first. */
export function search(list, query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored = [];
  list.forEach((c) => {
    const name = String(c.name || '').toLowerCase();
    const words = (c.keywords || []).map((k) => String(k).toLowerCase());
    let score = 0;
    if (name.startsWith(q)) score = 4;
    else if (name.includes(q)) score = 3;
    else if (words.includes(q)) score = 2;
    else if (words.some((w) => w.includes(q) || (q.length >= 2 && q.includes(w)))) score = 1;
    else if (String(c.code).toLowerCase() === q) score = 1;
    if (score) scored.push([score, c]);
  });
  return scored.sort((a, b) => b[0] - a[0] || a[1].code.localeCompare(b[1].code)).map((s) => s[1]);
}

/**
 * A category picker: a search box with suggestion chips, or, before anything is typed, the major
 * classes to open. kinds: which kinds it offers (problems: COMPONENT, EVENT; services: SERVICE).
 */
export function chooser(ids, kinds, onChoose) {
  const input = $(ids.input);
  const choices = $(ids.choices);
  const chosen = $(ids.chosen);
  let openGroup = null;
  let current = null;

  async function offered() {
    return (await categories()).filter((c) => kinds.includes(c.kind || String(c.code).charAt(0)));
  }

  function chip(c) {
    return el('button', { type: 'button', dataset: { code: c.code }, onclick: () => choose(c) }, c.name);
  }

  async function render() {
    const list = await offered();
    choices.textContent = '';
    const q = input.value;
    if (q.trim()) {
      const found = search(list, q).slice(0, 12);
      if (!found.length) choices.append(el('span', { class: 'muted' }, t('category.none')));
      found.forEach((c) => choices.append(chip(c)));
      return;
    }
    const groups = [];
    list.forEach((c) => { if (!groups.some((g) => g.code === c.majorClass)) groups.push({ code: c.majorClass, name: c.majorClassName }); });
    groups.forEach((g) => {
      choices.append(el('button', { type: 'button', class: 'group', dataset: { group: g.code },
        onclick: () => { openGroup = openGroup === g.code ? null : g.code; render(); } }, g.name));
      if (openGroup === g.code) list.filter((c) => c.majorClass === g.code).forEach((c) => choices.append(chip(c)));
    });
  }

  function choose(c) {
    current = c;
    chosen.dataset.code = c.code;
    chosen.textContent = c.name + ' ' + c.code;
    if (c.filingCriteria) chosen.append(el('small', {}, c.filingCriteria));
    onChoose(c);
  }

  input.addEventListener('input', render);
  onLanguage(async () => {
    render();
    if (current) {
      const again = (await offered()).find((c) => c.code === current.code);
      if (again) choose(again);
    }
  });
  render();
  return {
    chosen: () => current,
    clear: () => { current = null; chosen.dataset.code = ''; chosen.textContent = ''; input.value = ''; openGroup = null; render(); },
    refresh: render
  };
}
