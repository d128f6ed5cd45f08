// A case's steps as the case view offers them (allowedActions, grid-model's CaseDecider): one button
// each, a form with only the fields the step needs, and the answer in the page's language.
import { $, el } from './dom.js';
import { t, tf } from './i18n.js';
import { sendAction, followCommand, uploadPhoto } from './api.js';
import { allDepartments, departmentName } from './names.js';

// the steps a person takes on this page; others the case view may list (a duplicate merge, a
// verification on site) belong to other tools and are not offered here
const OFFERED = new Set(['File', 'Dismiss', 'Dispatch', 'Suspend', 'Resume', 'ApproveExtension', 'RejectExtension', 'Close',
  'Void', 'Accept', 'Return', 'RequestExtension', 'ReportHandled', 'AssignVerification', 'AssignCheck', 'SendBack',
  'TakeOffLedger', 'Press', 'Urge']);
export const offered = (c) => (c.allowedActions || []).filter((a) => OFFERED.has(a.type));

const needs = (a, field) => a[field] && a[field] !== 'ABSENT';
const required = (a, field) => a[field] === 'REQUIRED';

/** The button's key: a Dispatch of a case a department holds is a re-dispatch (改派). */
export const actionKey = (a) => (a.type === 'Dispatch' && a.redispatch ? 'Redispatch' : a.type);
export const actionLabel = (a) => t('action.' + actionKey(a), t('action.other'));

/** Whether the step can be sent with one click: it needs nothing typed or chosen. */
export const oneClick = (a) => !['reason', 'department', 'evidence', 'supervisor'].some((f) => required(a, f))
  && a.type !== 'RequestExtension' && a.type !== 'Rate' && a.type !== 'Check' && a.type !== 'Verify';

/** A problem body (RFC 9457) as a sentence in the page's language. */
export function problemMessage(status, body) {
  const type = String((body && body.type) || '').replace(/^urn:citygrid:problem:/, '');
  const fields = ((body && body.errors) || []).map((e) => t('fieldName.' + e.field, e.field)).join('、');
  const text = t('problem.' + type, '');
  if (text) return text + fields;
  if (status === 409) return t('problem.conflict');
  if (status >= 500) return t('problem.unavailable');
  return tf('problem.other', { status });
}

/** The case cycle's refusal (a RejectionReason) in the page's language. */
export const rejectionMessage = (s) => t('rejection.' + s.reason, t('rejection.other'));

/** Builds the action's body from the form, or returns {error} naming what is missing. */
async function body(c, a, form) {
  const text = form.text.value.trim();
  const action = { type: a.type, expectedVersion: c.version };
  if (needs(a, 'reason')) {
    if (!text && required(a, 'reason')) return { error: t('action.needReason') };
    if (text) action.reason = text;
  } else if (needs(a, 'note')) {
    if (!text && required(a, 'note')) return { error: t('action.needNote') };
    if (text) action.note = text;
  }
  if (a.type === 'RequestExtension') {
    const hours = Number(form.hours.value);
    if (!(hours > 0)) return { error: t('action.needHours') };
    action.extra = 'PT' + Math.round(hours) + 'H';
    if (!text) return { error: t('action.needReason') };
    action.reason = text;
  }
  if (needs(a, 'department')) {
    const department = form.department.value;
    if (!department && required(a, 'department')) return { error: t('action.needDepartment') };
    action.department = department;
    const assignee = form.assignee.value.trim();
    if (assignee) action.assignee = assignee;
    if (a.redispatch && department === c.department && (!assignee || assignee === c.assignee)) {
      return { error: t('action.sameDepartment') };
    }
  }
  if (needs(a, 'supervisor')) {
    const supervisor = form.supervisor.value.trim();
    if (!supervisor && required(a, 'supervisor')) return { error: t('action.needSupervisor') };
    if (supervisor) action.supervisor = supervisor;
  }
  if (needs(a, 'evidence')) {
    const files = Array.from(form.photos.files || []);
    if (!files.length && required(a, 'evidence')) return { error: t('action.needEvidence') };
    form.status.textContent = t('action.uploading');
    try {
      action.evidence = await Promise.all(files.map(uploadPhoto));
    } catch (e) {
      return { error: t('action.uploadFailed') };
    }
  }
  return { action };
}

function setStatus(form, status, text, command) {
  form.status.dataset.status = status;
  if (command) form.status.dataset.command = command;
  form.status.textContent = text;
}

/**
 * Sends step `a` on case `c` with what the form holds, and follows it until the case cycle decides.
 * `onDone(status)` runs after APPLIED or REJECTED.
 */
export async function take(c, a, form, onDone) {
  const built = await body(c, a, form);
  if (built.error) {
    setStatus(form, 'ERROR', built.error);
    return;
  }
  const res = await sendAction(c.caseId, built.action);
  if (res.status !== 202) {
    setStatus(form, 'ERROR', actionLabel(a) + '：' + problemMessage(res.status, res.body));
    return;
  }
  setStatus(form, 'PENDING', actionLabel(a) + '：' + t('action.sent'), res.body.id);
  const s = await followCommand(res.body.follow || ('/api/v1/commands/' + res.body.id));
  if (form.status.dataset.command !== res.body.id) return; // another step was sent meanwhile
  if (s.status === 'APPLIED') setStatus(form, 'APPLIED', actionLabel(a) + '：' + t('action.APPLIED'));
  else if (s.status === 'REJECTED') setStatus(form, 'REJECTED', actionLabel(a) + '：' + t('action.REJECTED') + rejectionMessage(s));
  if (onDone) onDone(s.status);
}

/** The department choices for a dispatch: city-wide departments and the case's own street and community offices. */
function departmentOptions(c, select) {
  const keep = select.value;
  select.replaceChildren(el('option', { value: '', text: '—' }));
  const street = (c.gridCode || '').slice(0, 9);
  const community = (c.gridCode || '').slice(0, 12);
  allDepartments().filter((d) => d.level === 'NONE' || d.area === street || d.area === community)
    .forEach((d) => select.append(el('option', { value: d.code, text: d.name })));
  if (keep) select.value = keep;
}

/**
 * Empties the step form: what was typed for one case, or by the person signed in before, must never be sent
 * with another. (Redrawing the same case as its events arrive keeps what is being typed.)
 */
export function clearActionForm() {
  ['action-text', 'action-assignee', 'action-hours', 'action-photos', 'action-supervisor'].forEach((id) => { $(id).value = ''; });
  $('action-status').textContent = '';
  $('action-status').dataset.status = '';
  delete $('case-actions').dataset.caseId;
}

/** Fills the case panel's step buttons and form (#case-actions) for case `c`. */
export function renderActions(c, onDone) {
  if ($('case-actions').dataset.caseId !== c.caseId) {
    clearActionForm();
    $('case-actions').dataset.caseId = c.caseId;
  }
  const form = {
    text: $('action-text'), department: $('action-department'), assignee: $('action-assignee'),
    hours: $('action-hours'), photos: $('action-photos'), supervisor: $('action-supervisor'), status: $('action-status')
  };
  const actions = offered(c);
  const box = $('action-buttons');
  box.replaceChildren(...actions.map((a) => el('button', {
    type: 'button', className: ['Dismiss', 'Void', 'RejectExtension', 'Return'].includes(a.type) ? 'warn' : '',
    dataset: { action: actionKey(a) }, text: actionLabel(a),
    onclick: () => take(c, a, form, onDone)
  })));
  $('action-none').hidden = actions.length > 0;
  $('case-actions').hidden = actions.length === 0;
  const any = (f) => actions.some((a) => needs(a, f));
  $('action-text-row').hidden = !(any('reason') || any('note') || actions.some((a) => a.type === 'RequestExtension'));
  $('action-department-row').hidden = !any('department');
  $('action-hours-row').hidden = !actions.some((a) => a.type === 'RequestExtension');
  $('action-photos-row').hidden = !any('evidence');
  $('action-supervisor-row').hidden = !any('supervisor');
  departmentOptions(c, form.department);
  form.department.title = departmentName(c.department);
}

/** Arms the panel for one step chosen on the desk: its button is marked and the first field it needs focused. */
export function arm(actionKeyName) {
  document.querySelectorAll('#action-buttons button').forEach((b) => b.classList.toggle('armed', b.dataset.action === actionKeyName));
  const first = actionKeyName === 'Dispatch' || actionKeyName === 'Redispatch' ? $('action-department') : $('action-text');
  if (first && !first.closest('[hidden]')) first.focus();
}
