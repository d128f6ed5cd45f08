// A case's timeline in the page's language: each change by its standard term, the structured facts
// of the change (department, stage, deadline, score...) written out, and people's own notes as they
// wrote them. The case cycle's own entries are described from their fields, never from English text.
import { el } from './dom.js';
import { t, tf, fmtTime, fmtDuration, isoSeconds } from './i18n.js';
import { departmentName, personName, sensorDescription } from './names.js';

/** The words after the change's name: what it did, in the page's language. */
function facts(e) {
  const c = e.change || {};
  const stage = (s) => t('stage.' + s, s);
  switch (e.type) {
    case 'Reported': {
      const d = c.details || {};
      return [tf('tl.reportedVia', { channel: t('channel.' + d.channel, d.channel) }),
        d.channel === 'SENSOR' ? sensorDescription(d.description) : null];
    }
    case 'Verified': return [t(c.found ? 'tl.found' : 'tl.notFound')];
    case 'Filed': return [c.automatic ? t('tl.autoFiled') : null];
    case 'Dispatched': return [tf('tl.to', { department: departmentName(c.department) }), c.assignee ? personName(c.assignee, e.people, 'HANDLER') : null];
    case 'Returned': return [departmentName(c.department)];
    case 'ExtensionRequested': return [tf('tl.extra', { duration: fmtDuration(isoSeconds(c.extra)) })];
    case 'ExtensionApproved': return [tf('tl.extra', { duration: fmtDuration(isoSeconds(c.extra)) }),
      c.handlingDeadline ? tf('tl.newDeadline', { time: fmtTime(c.handlingDeadline) }) : null];
    case 'Suspended': return [c.remaining ? tf('tl.remaining', { duration: fmtDuration(isoSeconds(c.remaining)) }) : null];
    case 'Resumed': return [c.handlingDeadline ? tf('tl.newDeadline', { time: fmtTime(c.handlingDeadline) }) : null];
    case 'Handled': return [c.late ? t('tl.lateHandled') : null];
    case 'CheckFailed': return [c.rework ? tf('tl.rework', { n: c.rework }) : null];
    case 'DuplicateMerged': return [tf('tl.duplicate', { channel: t('channel.' + (c.duplicate || {}).channel, '') })];
    case 'DeadlineApproaching': return [tf('tl.stageDeadline', { stage: stage(c.stage), time: fmtTime(c.deadline) })];
    case 'Overdue': return [tf('tl.stageLate', { stage: stage(c.stage) })];
    case 'Escalated': return [tf('tl.level', { level: c.level })];
    case 'Rated': return ['★'.repeat(Math.max(0, Math.min(5, c.score || 0))) + ' ' + tf('tl.score', { score: c.score })];
    default: return [];
  }
}

/** What a person wrote on the step (a note, a reason, a rating's comment); none for the case cycle's own steps. */
function personalText(e) {
  if (e.actorRole === 'SYSTEM') return null;
  const c = e.change || {};
  if (e.type === 'Reported') return (c.details || {}).channel === 'SENSOR' ? null : (c.details || {}).description;
  return c.note || c.reason || c.comment || null;
}

function changeName(e) {
  if (e.type === 'Dispatched' && (e.change || {}).redispatch) return t('change.Redispatched');
  return t('change.' + e.type, t('change.other'));
}

/** The timeline's list items, oldest first. */
export function timelineItems(c) {
  return (c.timeline || []).map((e) => {
    const entry = Object.assign({ people: c.people }, e);
    const own = personalText(e);
    return el('li', { dataset: { type: e.type, version: String(e.version) } },
      el('time', { text: fmtTime(e.at) }),
      el('b', { text: changeName(e) }),
      el('span', { className: 'who', text: personName(e.actorId, c.people, e.actorRole) }),
      el('div', { className: 'facts', text: facts(entry).filter(Boolean).join(' · ') }),
      own ? el('div', { className: 'note', text: own }) : null);
  });
}

/** The photos the timeline's changes carry: the report's and the handlers' and checkers' evidence. */
export function photoRefs(c) {
  const refs = [];
  (c.timeline || []).forEach((e) => {
    const ch = e.change || {};
    [].concat((ch.details && ch.details.evidence) || [], ch.evidence || []).forEach((m) => {
      if (m && m.ref && m.ref.startsWith('photo/') && !refs.includes(m.ref)) refs.push(m.ref);
    });
  });
  return refs;
}

/** The latest rating on the case: {score, comment, at}, or null. */
export function rating(c) {
  const rated = (c.timeline || []).filter((e) => e.type === 'Rated').pop();
  return rated ? { score: rated.change.score, comment: rated.change.comment, at: rated.at } : null;
}
