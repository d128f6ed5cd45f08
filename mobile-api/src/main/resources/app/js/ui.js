// Small DOM helpers shared by the screens: building elements, switching screens, messages.
import { t } from './i18n.js';

export const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text: nothing is parsed as HTML). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach((c) => { if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c)); });
  return e;
}

const screenListeners = {};
let previous = [];

/** Shows a screen (body[data-screen]) and runs what it registered to run when it is shown. */
export function show(name, arg) {
  const current = document.body.dataset.screen;
  if (current && current !== name && current !== 'loading') previous.push(current);
  if (previous.length > 20) previous = previous.slice(-20);
  document.body.dataset.screen = name;
  document.querySelectorAll('#tabs button').forEach((b) => {
    if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
  });
  window.scrollTo(0, 0);
  (screenListeners[name] || []).forEach((f) => f(arg));
}

export function back(fallback) {
  const to = previous.pop();
  show(to || fallback);
}

export function onShow(name, f) {
  (screenListeners[name] = screenListeners[name] || []).push(f);
}

export function screen() { return document.body.dataset.screen; }

let toastTimer = null;
export function toast(text) {
  const box = $('toast');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 4000);
}

/** Writes a message into a [role=alert] paragraph; kind 'ok' shows it green. */
export function say(id, text, kind) {
  const p = $(id);
  p.textContent = text || '';
  if (kind) p.dataset.kind = kind; else delete p.dataset.kind;
}

/** What went wrong with an API call, for people: by the problem's type where the app knows it. */
export function problemText(result) {
  if (!result || result.status === 0) return t('problem.network');
  const p = result.body || {};
  const slug = typeof p.type === 'string' && p.type.startsWith('urn:citygrid:problem:')
    ? p.type.substring('urn:citygrid:problem:'.length) : null;
  if (slug && t('problem.' + slug) !== 'problem.' + slug) return t('problem.' + slug, { detail: p.detail || '' });
  if (result.status === 403) return t('problem.forbidden');
  return t('problem.other', { status: result.status }) + (p.detail ? ': ' + p.detail : '');
}
