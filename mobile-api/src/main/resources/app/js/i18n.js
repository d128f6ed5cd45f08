// The app's language: Chinese or English, chosen by the person (the switch in the top bar), else the
// browser's first language when it is Chinese or English, else Chinese. Times are Beijing time.
import { TEXTS } from './texts.js';

const KEY = 'citygrid.app.lang';
const ZONE = 'Asia/Shanghai';
const listeners = [];

function fromBrowser() {
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  const first = String(langs[0] || '').toLowerCase();
  if (first.startsWith('en')) return 'en';
  return 'zh';
}

let current = localStorage.getItem(KEY) || fromBrowser();

export function lang() { return current; }

/** The text of {@code key} in the current language, with {name} placeholders filled from params. */
export function t(key, params) {
  const table = TEXTS[current] || TEXTS.zh;
  let text = table[key] !== undefined ? table[key] : (TEXTS.zh[key] !== undefined ? TEXTS.zh[key] : key);
  if (params) {
    Object.keys(params).forEach((k) => { text = text.split('{' + k + '}').join(String(params[k])); });
  }
  return text;
}

/** Sent with every API call, so that what the server writes for people is in the same language. */
export function acceptLanguage() {
  return current === 'en' ? 'en' : 'zh-CN,zh;q=0.9';
}

export function setLanguage(next) {
  current = next === 'en' ? 'en' : 'zh';
  localStorage.setItem(KEY, current);
  apply();
  listeners.forEach((f) => f(current));
}

export function onLanguage(f) { listeners.push(f); }

/** Fills every [data-i18n] and [data-i18n-placeholder] under root. */
export function apply(root) {
  const scope = root || document;
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  scope.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  scope.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
}

const formatters = {};
function formatter(kind) {
  const k = current + kind;
  if (!formatters[k]) {
    const opts = kind === 'time'
      ? { timeZone: ZONE, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }
      : { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false };
    formatters[k] = new Intl.DateTimeFormat(current === 'zh' ? 'zh-CN' : 'en-GB', opts);
  }
  return formatters[k];
}

/** An instant as people in the city read it: "3月2日 09:20" / "2/3, 09:20", Beijing time. */
export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d.getTime()) ? '' : formatter('time').format(d);
}

/** Metres as "350 米" / "1.2 公里" (or m / km). */
export function formatDistance(m) {
  if (m < 1000) return Math.round(m) + (current === 'zh' ? ' 米' : ' m');
  return (m / 1000).toFixed(1) + (current === 'zh' ? ' 公里' : ' km');
}
