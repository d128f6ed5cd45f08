// Small DOM helpers shared by the console's modules.

export const $ = (id) => document.getElementById(id);

/** An element with attributes (dataset keys as data-*, 'text' as its text) and children. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'text') e.textContent = v;
    else if (k === 'className') e.className = v;
    else if (k === 'dataset') Object.entries(v).forEach(([dk, dv]) => { if (dv !== undefined && dv !== null) e.dataset[dk] = dv; });
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  });
  children.flat().forEach((c) => { if (c !== null && c !== undefined && c !== false) e.append(c); });
  return e;
}

/** Calls fn at most once per `ms`, with the last arguments, trailing. */
export function throttle(fn, ms) {
  let timer = null;
  let last = 0;
  let args = null;
  return (...a) => {
    args = a;
    if (timer) return;
    const wait = Math.max(0, last + ms - Date.now());
    timer = setTimeout(() => { timer = null; last = Date.now(); fn(...args); }, wait);
  };
}
