// One case: its details with names (category with its code, department, channel, stage, people),
// its address, photos, rating, timeline in the page's language, and the steps the case view offers.
import { $, el } from './dom.js';
import { t, tf, fmtTime, fmtDuration, isoSeconds, currentLang, onLangChange } from './i18n.js';
import { api } from './api.js';
import { categoryLabel, departmentName, personName, sensorDescription, onNames } from './names.js';
import { timelineItems, photoRefs, rating } from './timeline.js';
import { renderActions, arm, clearActionForm } from './actions.js';

let current = null;
const openedListeners = [];
const changedListeners = [];

export const openCaseView = () => current;
/** Runs `fn(case)` each time a case is shown (the map centres on it; phones switch to the panel). */
export function onCaseOpened(fn) { openedListeners.push(fn); }
/** Runs `fn(caseId)` after a step on the case was applied or rejected (the desk re-reads its queues). */
export function onCaseStep(fn) { changedListeners.push(fn); }

/** The address: street, community and grid names in the page's language. */
export function address(place) {
  if (!place) return '';
  const zh = currentLang() === 'zh';
  const pick = (z, e) => (zh ? z || e : e || z) || '';
  return [pick(place.streetNameZh, place.streetNameEn), pick(place.communityNameZh, place.communityNameEn),
    pick(place.gridNameZh, place.gridNameEn)].filter(Boolean).join(zh ? ' ' : ', ');
}

export async function openCase(caseId, armed) {
  const panel = $('case-panel');
  panel.dataset.case = caseId;
  const res = await api('/api/v1/cases/' + encodeURIComponent(caseId));
  if (panel.dataset.case !== caseId) return; // another case was opened meanwhile
  if (!res.ok) {
    $('case-empty').hidden = false;
    $('case-empty').textContent = t('case.notFound');
    $('case-body').hidden = true;
    panel.dataset.loaded = '';
    // the read model may be a moment behind the live stream
    setTimeout(() => { if (panel.dataset.case === caseId && !panel.dataset.loaded) openCase(caseId, armed); }, 1500);
    return;
  }
  const c = await res.json();
  const fresh = !current || current.caseId !== c.caseId;
  current = c;
  render(c);
  panel.dataset.loaded = caseId;
  panel.dataset.state = c.state;
  panel.dataset.version = String(c.version);
  if (fresh) $('action-status').textContent = '';
  if (armed) arm(armed);
  openedListeners.forEach((fn) => fn(c, fresh));
}

/** Empties the panel (another person signs in). */
export function closeCase() {
  current = null;
  clearActionForm();
  $('case-panel').dataset.case = '';
  $('case-panel').dataset.loaded = '';
  $('case-body').hidden = true;
  $('case-empty').hidden = false;
  $('case-empty').textContent = t('case.empty');
}

/** Reads the open case again if it is `caseId` (a live event on it). */
export function refreshIfOpen(caseId) {
  if (current && current.caseId === caseId) openCase(caseId);
}

function render(c) {
  $('case-empty').hidden = true;
  $('case-body').hidden = false;
  const description = c.channel === 'SENSOR' ? sensorDescription(c.description) : c.description;
  const rated = rating(c);
  const rows = [
    ['caseNumber', c.caseNumber], ['caseId', c.caseId], ['state', t('state.' + c.state, c.state)], ['category', categoryLabel(c.categoryCode)],
    ['address', address(c.place)], ['channel', t('channel.' + c.channel, c.channel)], ['description', description],
    ['department', departmentName(c.department)], ['assignee', personName(c.assignee, c.people, 'HANDLER')],
    ['activeStage', c.activeStage ? t('stage.' + c.activeStage, c.activeStage) : ''],
    ['deadline', fmtTime(c.deadline)], ['overdue', (c.overdue || []).map((s) => t('stage.' + s, s)).join('、')],
    ['reportedAt', fmtTime(c.reportedAt)], ['reporter', c.reporterId ? personName(c.reporterId, c.people, 'RESIDENT') : ''],
    ['rating', rated ? '★'.repeat(rated.score) + ' ' + tf('tl.score', { score: rated.score }) + (rated.comment ? ' · ' + rated.comment : '') : '']
  ];
  $('case-details').replaceChildren(...rows.filter(([, v]) => v).flatMap(([k, v]) => [
    el('dt', { text: t('field.' + k) }),
    el('dd', { text: v, dataset: { field: k }, className: k === 'state' ? 'state state-' + c.state : '' })]));
  $('case-timeline').replaceChildren(...timelineItems(c));
  const extension = c.pendingExtension;
  $('pending-extension').hidden = !extension;
  $('pending-extension').textContent = extension ? t('case.pendingExtension')
    + [extension.extra ? tf('tl.extra', { duration: fmtDuration(isoSeconds(extension.extra)) }) : '', extension.reason, personName(extension.requestedBy, c.people, 'HANDLER')]
      .filter(Boolean).join(' · ') : '';
  const v = c.verification;
  $('verification').hidden = !v;
  $('verification').textContent = v ? t(v.found ? 'case.verifiedFound' : 'case.verifiedNotFound')
    + [v.note, personName(v.verifier, c.people, 'GRID_WORKER')].filter(Boolean).join(' · ') : '';
  renderActions(c, (status) => { changedListeners.forEach((fn) => fn(c.caseId, status)); openCase(c.caseId); });
  renderPhotos(c);
}

// GET /api/v1/photos/{id} needs the Authorization header, which an <img src> cannot send, so each photo
// is fetched and shown from a blob: URL, kept while the same case stays open.
const photoUrls = new Map();
let photosOf = null;

async function renderPhotos(c) {
  if (photosOf !== c.caseId) {
    photoUrls.forEach((url) => URL.revokeObjectURL(url));
    photoUrls.clear();
    photosOf = c.caseId;
  }
  const refs = photoRefs(c);
  const box = $('case-photos');
  $('case-photos-box').hidden = refs.length === 0;
  box.dataset.photos = String(refs.length);
  await Promise.all(refs.filter((ref) => !photoUrls.has(ref)).map(async (ref) => {
    // the photo route declares no produces type: Accept image/* matched no route, */* does
    const res = await api('/api/v1/photos/' + encodeURIComponent(ref.slice('photo/'.length)), { headers: { Accept: '*/*' } });
    if (res.ok) photoUrls.set(ref, URL.createObjectURL(await res.blob()));
  }));
  if (photosOf !== c.caseId) return;
  box.replaceChildren(...refs.map((ref) => {
    const url = photoUrls.get(ref);
    if (!url) return el('span', { className: 'muted', dataset: { ref }, text: t('case.photoMissing') });
    return el('a', { href: url, target: '_blank', rel: 'noopener' }, el('img', { src: url, alt: t('case.photos'), dataset: { ref } }));
  }));
}

onLangChange(() => { if (current) render(current); });
onNames(() => { if (current) render(current); });
