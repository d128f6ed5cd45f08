// 社区: the community's notices (公告) and its services (社区服务: repairs, certificates, appointments),
// asked for like a report, with a service category, and followed in the same list.
import { $, el, onShow, toast } from './ui.js';
import { t, formatTime, onLanguage } from './i18n.js';
import { call } from './api.js';
import { categories, categoryName } from './catalog.js';
import { locate } from './position.js';
import { enqueue, flush, pending } from './outbox.js';

async function loadNotices() {
  const r = await call('/api/v1/notices');
  const list = $('notice-list');
  list.textContent = '';
  const notices = r.ok && Array.isArray(r.body) ? r.body : [];
  notices.forEach((n) => list.append(el('li', { dataset: { id: n.id } },
    el('div', { class: 'title' }, n.title), el('div', {}, n.body), el('div', { class: 'meta' }, formatTime(n.publishedAt)))));
  $('notice-empty').hidden = notices.length > 0;
}

async function loadServices() {
  const select = $('service-category');
  const chosen = select.value;
  select.textContent = '';
  (await categories()).filter((c) => c.kind === 'SERVICE').forEach((c) => select.append(el('option', { value: c.code }, c.name)));
  if (chosen) select.value = chosen;
  const r = await call('/api/v1/service-requests');
  const list = $('service-list');
  list.textContent = '';
  for (const s of r.ok && Array.isArray(r.body) ? r.body : []) {
    list.append(el('li', { dataset: { reportId: s.reportId, status: s.status } },
      el('div', { class: 'title' }, await categoryName(s.categoryCode), el('span', { class: 'state' }, t('state.' + s.status))),
      el('div', { class: 'meta' }, formatTime(s.submittedAt), s.description ? ' · ' + s.description : '')));
  }
}

export function wire() {
  onShow('community', () => { loadNotices(); loadServices(); });
  onLanguage(() => { if (document.body.dataset.screen === 'community') loadServices(); });
  $('service-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const where = await locate();
    if (!where) return toast(t('community.needPosition'));
    const select = $('service-category');
    const entry = await enqueue({
      kind: 'service', label: select.options[select.selectedIndex] ? select.options[select.selectedIndex].text : '',
      path: '/api/v1/service-requests',
      body: { categoryCode: select.value, description: $('service-description').value.trim() || null,
        position: { lon: where.lon, lat: where.lat, crs: where.crs } }
    });
    $('service-description').value = '';
    await flush();
    const waiting = (await pending()).some((x) => x.id === entry.id);
    toast(waiting ? t('report.queued') : t('community.sent'));
    loadServices();
  });
}
