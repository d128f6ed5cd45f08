// Codes shown with their names: categories and departments from the API's reference endpoints
// (GET /api/v1/categories, /departments, in the page's language), people by display name.
import { currentLang, t, onLangChange } from './i18n.js';

let categories = new Map();
let departments = new Map();
const listeners = [];

export async function loadNames() {
  const headers = { 'Accept-Language': currentLang() === 'zh' ? 'zh-CN' : 'en', Accept: 'application/json' };
  const [cats, deps] = await Promise.all(['/api/v1/categories', '/api/v1/departments']
    .map((p) => fetch(p, { headers }).then((r) => (r.ok ? r.json() : [])).catch(() => [])));
  categories = new Map(cats.map((c) => [c.code, c]));
  departments = new Map(deps.map((d) => [d.code, d]));
  listeners.forEach((fn) => fn());
}

onLangChange(() => { loadNames(); });

/** Runs `fn` whenever the names are (re)loaded. */
export function onNames(fn) { listeners.push(fn); }

export const allCategories = () => Array.from(categories.values());
export const allDepartments = () => Array.from(departments.values());
export const category = (code) => categories.get(code);

/** 上水井盖（C0101） / Water-supply manhole cover (C0101): the name, then the code. */
export function categoryLabel(code) {
  if (!code) return '';
  const c = categories.get(code);
  if (!c) return code;
  return currentLang() === 'zh' ? `${c.name}（${code}）` : `${c.name} (${code})`;
}

/** 排水 / 东华门街道办事处: a department by name only (its code is for machines). */
export function departmentName(code) {
  if (!code) return '';
  const d = departments.get(code);
  if (d) return d.name;
  // an office of a street or community the register does not name (yet): its kind's name and area code
  const [kind, area] = code.split(':');
  return area && kind ? `${t('field.department')} ${area}` : code;
}

/** A person on a case: their display name when the case view gives one, else their role. */
export function personName(id, people, role) {
  if (!id) return '';
  if (people && people[id]) return people[id];
  if (id.startsWith('system:') || role === 'SYSTEM') return t('role.SYSTEM');
  return t('role.' + (role || 'RESIDENT'));
}

/** A sensor's description as the case cycle writes it ("manhole-tilt tilt 23.5 deg (threshold 15.0)"), in the page's language. */
export function sensorDescription(text) {
  const m = /^([a-z-]+) (\w+) (-?[\d.]+) (\S+)(?: \(threshold (-?[\d.]+)\))?$/.exec(text || '');
  if (!m) return text;
  const unitKey = { deg: 'unit.deg', '°': 'unit.deg', cm: 'unit.cm', m: 'unit.m', '%': 'unit.percent', dB: 'unit.dB' }[m[4]];
  const unit = unitKey ? t(unitKey) : ' ' + m[4];
  const fill = (key, v) => t(key).replace(/\{(\w+)\}/g, (x, k) => v[k] ?? '');
  return fill('sensor.description', { type: t('sensor.' + m[1], m[1]), quantity: t('quantity.' + m[2], m[2]), value: m[3], unit })
    + (m[5] ? fill('sensor.threshold', { threshold: m[5], unit }) : '');
}
