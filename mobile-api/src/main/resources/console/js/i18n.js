// The page's language (Chinese first, English second), its labels, and dates and durations in the
// city's time zone as the centres write them: 2026-12-07 16:55.
import { ZH } from './labels-zh.js';
import { EN } from './labels-en.js';

const LANG = 'citygrid.console.lang';
const LABELS = { zh: ZH, en: EN };
const listeners = [];
let lang = localStorage.getItem(LANG) || ((navigator.language || '').toLowerCase().startsWith('en') ? 'en' : 'zh');
let zone = 'Asia/Shanghai';

export const currentLang = () => lang;
export const cityZone = () => zone;
export function setZone(z) { zone = z || zone; }

/** The label of `key`; a missing key shows the fallback (or the other language's label, then the key). */
export function t(key, fallback) {
  const own = LABELS[lang][key];
  if (own !== undefined) return own;
  if (fallback !== undefined) return fallback;
  console.warn('no label', lang, key);
  return lang === 'zh' ? '—' : key;
}

/** `t` with {name} placeholders filled in. */
export function tf(key, values) {
  return t(key).replace(/\{(\w+)\}/g, (m, k) => (values[k] === undefined || values[k] === null ? '' : values[k]));
}

export function setLang(l) {
  lang = l;
  localStorage.setItem(LANG, l);
  applyLabels(document);
  listeners.forEach((fn) => fn(l));
}

/** Runs `fn` after each change of language (renderers re-draw their text). */
export function onLangChange(fn) { listeners.push(fn); }

/** Fills every [data-i18n] element's text and [data-i18n-placeholder] placeholder under `root`. */
export function applyLabels(root) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title') + ' · CityGrid';
  root.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((e) => { e.title = t(e.dataset.i18nTitle); });
}

function parts(date, withTime) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: withTime ? '2-digit' : undefined, minute: withTime ? '2-digit' : undefined, hourCycle: 'h23'
  });
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** 2026-12-07 16:55 in the city's zone, whatever the browser's language or zone. */
export function fmtTime(iso) {
  if (!iso) return '';
  const p = parts(new Date(iso), true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 16:55 in the city's zone. */
export function fmtClock(iso) {
  return fmtTime(iso).slice(11);
}

/** The city's calendar day of an instant (or of now, moved by whole days), YYYY-MM-DD. */
export function cityDay(iso, offsetDays = 0) {
  const d = iso ? new Date(iso) : new Date(Date.now() + offsetDays * 86400e3);
  const p = parts(d, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A duration in seconds as 2 天 3 小时 / 45 分钟 (2 d 3 h / 45 min): the two largest units. */
export function fmtDuration(seconds) {
  let rest = Math.max(0, Math.round(seconds));
  const out = [];
  [['day', 86400], ['hour', 3600], ['minute', 60]].forEach(([unit, size]) => {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) out.push(tf('unit.' + unit, { n }));
  });
  return out.length ? out.slice(0, 2).join(' ') : tf('unit.minute', { n: 0 });
}

/** An ISO-8601 duration (PT8H, P1DT2H) in seconds; 0 when it cannot be read. */
export function isoSeconds(text) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text || '');
  if (!m) return 0;
  return (+(m[1] || 0)) * 86400 + (+(m[2] || 0)) * 3600 + (+(m[3] || 0)) * 60 + (+(m[4] || 0));
}
