// The hazard page: first what a decision rests on (facts and due date, finding with
// explanation and basis, treatment plan, evidence, history — ./hazard-sections.js), then the
// actions the permission table allows the signed-in user, each irreversible one confirmed,
// with a success message after it and one line for each action that is not available and why
// (core's explainAuthorization). Deciding buttons stay disabled until every evidence photo
// on the page has loaded.
import { confirmAction } from './confirm-dialog.js';
import { html, join, raw, setHtml } from './html.js';
import { bilingual, lang, loc, punct, t } from './i18n.js';
import { allowed, awaitsLevel, commandsOf, evidenceRequirement, explain, namesSecondOfficer, needsSecondOfficer, penaltyRefusal, planDates, planRefusal, serverTime } from './permissions.js';
import { PENALTY_COMMANDS, penaltyForms, penaltyHandlers, penaltyStatus, wirePenaltyForms } from './penalty-forms.js';
import { coSignContentFrom, coSignContentInputs, coSignContentView } from './co-sign-content.js';
import { documentsSection, loadDocuments, wireDocuments } from './document-buttons.js';
import { api, app, daysBetween, getJson, hazardHref, isAbort, localDate, localTime, me, newKey, oneAtATime, problemText, readBody, textOf, user } from './shared.js';
import { evidenceSection, factsCard, findingSection, historySection, planSection } from './hazard-sections.js';

const LEVELS = ['simple', 'general', 'major'];
/** Decisions taken on the strength of the evidence: disabled until the photos have loaded. */
const ON_EVIDENCE = ['verify', 'reject', 'accept', 'close', 'spot_check', 'lift_stop_work', 'delist', 'approve_plan', 'confirm_level'];
/** Commands the "why not" list never mentions (timers, reports, reading-level work). */
const NOT_EXPLAINED = new Set(['report', 'report_observation', 'warn_due_soon', 'notice_overdue']);
/** Commands whose state (not the table) decides whether they apply at all; `at` is the server's clock when it sent the state. */
const APPLIES = {
  grant_extension: (h) => !!h.pendingExtension,
  deny_extension: (h) => !!h.pendingExtension,
  request_extension: (h) => !h.pendingExtension,
  confirm_level: (h) => h.provisional,
  list_for_supervision: (h) => !h.listed,
  lift_stop_work: (h) => !!h.stopWork,
  delist: (h) => h.listed,
  // A plan whose completion date has passed by the server's clock is not approved (core's planApprovalRefusal).
  approve_plan: (h, at) => !!h.plan && h.planApproved === false && !planRefusal(h, at),
  // The penalty of a case (docs/penalties.md): the step core's penaltyStepRefusal leaves open at the server's time (a case,
  // a notice before the rest, the period run or the party heard, a hearing request withdrawn only while pending, nothing
  // after the decision).
  ...Object.fromEntries(PENALTY_COMMANDS.map((c) => [c, (h, at) => !penaltyRefusal(h, c, user(), at, asParty(), replyPeriod)])),
};
/** The shown hazard's penalty reply period, as the server derived it (from the notice's service, in working days; null while not served). */
let replyPeriod = null;
/** Why the server could not derive that period (`penaltyReplyPeriodUnavailable`: a year its calendar does not cover), or null. */
let replyUnavailable = null;
const label = (type) => t(`cmd_${type}`);
/** A reviewer's acts: they take the photos it took on site (`photo_review`, core's command shapes), from one file field. */
const REVIEW_ACTS = ['verify', 'reject', 'spot_check', 'reopen'];
/** The file field of each kind of evidence the page uploads, in the order a rectification sends them. */
const RECTIFY_FIELDS = { photo_before: '#photo-before', photo_after: '#photo-after', document: '#docs' };
const FILE_FIELD = { ...RECTIFY_FIELDS, photo_review: '#review-photos' };
/** The user acts as the party of a penalty (an enterprise user; the permission table keeps it to its own enterprise). */
const asParty = () => (me()?.roles ?? []).includes('enterprise');

/**
 * Uploads files as evidence of hazard `hazardId` (`POST /api/hazards/{id}/evidence`, the raw
 * bytes with their type; the file's own time goes along as `takenAt`, shown but not trusted);
 * returns evidence refs `{ id, kind }`, or throws `{ response }` at the first refusal.
 */
async function uploadAll(hazardId, files, kind) {
  const refs = [];
  for (const file of files) {
    const takenAt = new Date(Math.min(file.lastModified || Date.now(), Date.now())).toISOString();
    let res;
    try {
      res = await fetch(`/api/hazards/${encodeURIComponent(hazardId)}/evidence?takenAt=${encodeURIComponent(takenAt)}`, {
        method: 'POST',
        body: file,
        credentials: 'same-origin',
        headers: { 'content-type': file.type || 'application/octet-stream', 'accept-language': lang() },
      });
    } catch (error) {
      // The server may cut the connection of an oversized upload before answering.
      throw { response: { status: 0, body: { title: file.name, detail: String(error?.message ?? error) } } };
    }
    const body = await readBody(res);
    if (!res.ok) throw { response: { status: res.status, body } };
    refs.push({ id: body.id, kind });
  }
  return refs;
}

/**
 * When the hazard's audit trail was verified (GET /api/hazards/{id}/audit, checked at each
 * page load): its hash chain and list row, and how much of it a signed checkpoint covers.
 */
function auditLine(audit, version) {
  if (!audit.ok || !audit.body) return '';
  const a = audit.body;
  const cp = a.checkpoint;
  // A checkpoint made before the hazard was reported covers none of it: say so, not "up to version 0".
  const coverage = !cp
    ? t('auditNoCheckpoint')
    : cp.coversVersion === 0
      ? t('auditCheckpointBefore', { at: localTime(cp.createdAt) })
      : t(cp.signed ? 'auditCheckpoint' : 'auditCheckpointUnsigned', { v: cp.coversVersion, n: version, at: localTime(cp.createdAt) });
  const last = a.lastFullAudit
    ? html` · ${t('lastFullAudit')} ${localTime(a.lastFullAudit.verifiedAt)}${punct().colon}${t(a.lastFullAudit.ok && !a.lastFullAudit.problems.length ? 'auditFine' : 'auditBroken')}`
    : '';
  return html`<p class="${a.ok ? 'hint audit' : 'message error audit'}" id="hazard-audit" data-ok="${String(a.ok)}">${t(a.ok ? 'auditOk' : 'auditBroken')}${punct().open}${t('auditVerifiedAt')} ${localTime(a.verifiedAt)}${punct().close}${a.chain?.reason ? html`${punct().colon}${a.chain.reason}` : ''} · ${coverage}${last}</p>`;
}

/** The evidence a rectification needs, in words, before anything is uploaded (core's rules). */
function requirementText(level) {
  const r = evidenceRequirement(level);
  if (!r) return '';
  const parts = Object.entries(r.min).map(([kind, n]) => t('atLeast', { what: t(`evk_${kind}`), n }));
  return html`<p class="hint" id="evidence-requirement">${t('evidenceNeeded')}${punct().colon}${parts.join(punct().comma)}${r.afterTakenAfterNotice ? t('afterNoticeRule') : ''}${punct().stop}</p>`;
}

/** Words `{ 'zh-CN', en }` in the UI's language, then the other's. */
function bothLanguages(words) {
  const other = lang() === 'en' ? 'zh-CN' : 'en';
  return html`${loc(words)}${words[other] && words[other] !== loc(words) ? html` <span lang="${other}" class="hint">/ ${words[other]}</span>` : ''}`;
}

/**
 * The file the user picked that a pointer `/evidence/N` of a refused command names (`files`: the command's
 * evidence in order, each `{ id, kind, name }`), or undefined.
 */
function fileAt(pointer, files) {
  const n = /^\/evidence\/(\d+)$/.exec(pointer ?? '')?.[1];
  return n === undefined ? undefined : files?.[Number(n)];
}

/**
 * A server text in language `l` with each upload id of `files` (`ev-…`, which the user never saw) replaced by the
 * name of the file picked, quoted as `l` quotes.
 */
function withFileNames(text, files, l = lang()) {
  if (typeof text !== 'string' || !files?.length) return text;
  return files.reduce((s, f) => (f.id && f.name ? s.split(f.id).join(l === 'en' ? `“${f.name}”` : `「${f.name}」`) : s), text);
}

/**
 * The server's issues of a refused command (pointer, message in both languages), the UI's language first. An issue
 * at an evidence item (`/evidence/N`) names the file the user picked (not the upload id) and says what to do with it.
 */
function issueList(issues, files) {
  if (!Array.isArray(issues) || !issues.length) return '';
  const other = lang() === 'en' ? 'zh-CN' : 'en';
  return html`<ul id="command-issues">${issues.map((i) => {
    const file = fileAt(i.pointer, files);
    const mine = withFileNames(loc(i.message), files);
    const theirs = withFileNames(i.message?.[other], files, other);
    const todo = file ? html`<br><span class="file-todo">${bothLanguages(bilingual('evidenceFileTodo', { name: file.name, kind: { term: `evk_${file.kind}` } }))}</span>` : '';
    return html`<li data-pointer="${i.pointer ?? ''}"${file ? html` data-file="${file.name}"` : ''}><code>${i.pointer ?? ''}</code> ${mine}${theirs && theirs !== mine ? html` <span lang="${other}" class="hint">/ ${theirs}</span>` : ''}${todo}</li>`;
  })}</ul>`;
}

/** Marks the fields of `action` (an `.action` form) the issues point at (`data-pointer`; `/penalty` marks all of a penalty). */
function locateIssues(action, issues) {
  if (!action || !Array.isArray(issues)) return;
  for (const issue of issues) {
    const fields = [...action.querySelectorAll('[data-pointer]')].filter(
      (f) => typeof issue.pointer === 'string' && (f.dataset.pointer === issue.pointer || f.dataset.pointer.startsWith(`${issue.pointer}/`)),
    );
    for (const f of fields) {
      f.setAttribute('aria-invalid', 'true');
      f.setAttribute('aria-describedby', 'command-error');
    }
    fields[0]?.focus();
  }
}

/** One line per action of the user's roles that this hazard does not offer now, and why (core's explanation). */
function whyNotList(h, offered, at) {
  const profile = me();
  if (!profile) return '';
  const lines = [];
  for (const command of commandsOf(profile.roles)) {
    if (NOT_EXPLAINED.has(command) || offered.has(command)) continue;
    if (APPLIES[command] && !APPLIES[command](h, at)) {
      // A penalty step not due yet, or not this officer's, says why in core's words; one that does not apply now says nothing.
      // A period the server could not derive is the reason, not core's "not served" of a null period.
      const refusal = PENALTY_COMMANDS.includes(command)
        ? replyUnavailable
          ? { code: replyUnavailable.code, detail: replyUnavailable.message }
          : penaltyRefusal(h, command, user(), at, asParty(), replyPeriod)
        : command === 'approve_plan'
          ? planRefusal(h, at)
          : null;
      if (refusal && refusal.code !== 'INVALID_TRANSITION' && explain(profile, command, h).allowed) {
        lines.push(html`<li data-command="${command}" data-reason="${refusal.code}"><b>${label(command)}</b>${punct().colon}${loc(refusal.detail)}</li>`);
      }
      continue;
    }
    const e = explain(profile, command, h);
    // Allowed to the user, but not before an officer confirms the provisional level: core's words.
    const waits = e.allowed ? awaitsLevel(h, command) : null;
    if (waits) lines.push(html`<li data-command="${command}" data-reason="PROVISIONAL_UNCONFIRMED"><b>${label(command)}</b>${punct().colon}${loc(waits)}</li>`);
    if (e.allowed || e.reason === 'role') continue;
    let why;
    if (e.reason === 'status')
      why = t('whyStatus', {
        now: t(h.status),
        need: (e.statuses ?? [])
          .filter((s) => s !== 'new')
          .map((s) => t(s))
          .join(punct().sep),
      });
    else if (e.reason === 'level') why = t('whyLevel', { need: (e.levels ?? []).map((l) => t(l)).join(punct().sep) });
    else why = t(`why_${e.reason}`);
    lines.push(html`<li data-command="${command}" data-reason="${e.reason}"><b>${label(command)}</b>${punct().colon}${why}</li>`);
  }
  if (!lines.length) return '';
  return html`<details id="why-not"><summary>${t('whyNotTitle', { n: lines.length })}</summary><ul>${lines}</ul></details>`;
}

/**
 * Renders the hazard page of `id` into #app; `signal` is the navigation's (shared.js: the page
 * draws nothing once the user has left it, also when it redraws itself after a command);
 * `done` names a command that just succeeded.
 */
export async function hazardPage(id, signal, done) {
  const path = `/hazards/${encodeURIComponent(id)}`;
  const [r, audit, row, docs] = await Promise.all([
    api(path, { signal }),
    api(`${path}/audit`, { signal }),
    getJson(`/worklist?q=${encodeURIComponent(id)}`, signal)
      .then(({ body }) => body?.items?.find((x) => x.hazardId === id) ?? null)
      .catch((error) => {
        if (isAbort(error)) throw error;
        return null;
      }),
    loadDocuments(id, signal),
  ]);
  if (!r.ok) {
    setHtml(app, html`<p class="message error" id="hazard-error" data-status="${r.status}">${problemText(r)}</p>`);
    return;
  }
  const { state: h, history, caseNumber, penaltyReplyPeriod, penaltyReplyPeriodUnavailable, access } = r.body;
  // The server's clock when it read the hazard: what the proceeding's deadlines are weighed against (not the browser's).
  const at = serverTime(r);
  // The party's reply period is the server's (its calendar's working days), not computed here.
  replyPeriod = penaltyReplyPeriod ?? null;
  // Or why it could not be derived (its calendar lacks a year): shown as such, never as "not served" or a date.
  replyUnavailable = penaltyReplyPeriodUnavailable ?? null;
  const roles = me()?.roles ?? [];
  const can = (command, target) => (!APPLIES[command] || APPLIES[command](h, at)) && !awaitsLevel(h, command) && allowed(roles, user(), command, h, target);
  const offered = new Set();
  const field = (inputId, name, { required = false, type = 'text' } = {}) =>
    html` <label class="inline-field">${name}${required ? html`<span class="required-mark" aria-hidden="true">*</span>` : ''} ${required ? html`<input id="${inputId}" type="${type}" aria-required="true">` : html`<input id="${inputId}" type="${type}">`}</label>`;
  const cmd = (type, extra = '') => {
    offered.add(type);
    return html`<div class="action" data-action="${type}">${ON_EVIDENCE.includes(type) ? html`<button type="button" data-cmd="${type}" id="cmd-${type}" data-on-evidence="1" disabled>${label(type)}</button>` : html`<button type="button" data-cmd="${type}" id="cmd-${type}">${label(type)}</button>`}${extra}</div>`;
  };
  const actions = [];

  if (can('submit_rectification')) {
    offered.add('submit_rectification');
    actions.push(html`<form id="rectify-form"><h3>${t('rectification')}</h3>${requirementText(h.level)}
      <label>${t('evk_photo_before')} <input type="file" id="photo-before" accept="image/*" multiple></label>
      <label>${t('evk_photo_after')} <input type="file" id="photo-after" accept="image/*" multiple></label>
      ${h.level === 'major' ? html`<label>${t('evk_document')} <input type="file" id="docs" multiple></label>` : ''}
      <label>${t('note')} <input id="rectify-note"></label> <button type="submit" id="submit-rectification">${label('submit_rectification')}</button></form>`);
  }
  if (can('submit_plan')) {
    offered.add('submit_plan');
    const f = ['objectives', 'measures', 'funds', 'responsible', 'milestones', 'safety'];
    actions.push(html`<form id="plan-form"><h3>${t('plan')}</h3><p class="hint">${t('planHint')}</p>${f.map((k) => html`<label>${t(k)} <input name="${k}" required></label>`)}
      <label>${t('planDeadline')} <input type="date" name="deadline" required min="${planDates(at).min}" max="${planDates(at).max}"></label> <button type="submit" id="submit-plan">${label('submit_plan')}</button></form>`);
  }
  if (can('request_extension')) {
    offered.add('request_extension');
    const min = h.deadline ? localDate(new Date(Date.parse(h.deadline) + 86_400_000).toISOString()) : '';
    actions.push(html`<form id="extension-form" novalidate><h3>${label('request_extension')}</h3>
      <label>${t('newDeadline')} <input type="date" id="extension-date" min="${min}"></label>
      <label>${t('reason')} <input id="extension-reason"></label> <button type="submit" id="submit-extension">${label('request_extension')}</button></form>`);
  }
  if (can('grant_extension')) actions.push(cmd('grant_extension', field('grant-note', t('note'))));
  if (can('deny_extension')) actions.push(cmd('deny_extension', field('deny-reason', t('reason'), { required: true })));
  // The notice's number is the documents register's (printed on the notice), not typed here.
  if (can('issue_notice')) actions.push(cmd('issue_notice', html` <span class="hint" id="notice-no-hint">${t('noticeNoByRegister')}</span>`));
  // The reviewer's on-site photos (复查/抽查照片): the rectification's upload field, for whichever review act is sent.
  if (REVIEW_ACTS.some((c) => can(c))) {
    actions.push(
      html`<p id="review-photos-row"><label>${t('evk_photo_review')} <input type="file" id="review-photos" accept="image/*" multiple></label> <span class="hint">${t('reviewPhotosHint')}</span></p>`,
    );
  }
  if (can('verify')) actions.push(cmd('verify', field('verify-note', t('note'))));
  if (can('reject')) actions.push(cmd('reject', field('reject-reason', t('reason'), { required: true })));
  if (can('approve_plan')) actions.push(cmd('approve_plan', field('approve-note', t('note'))));
  if (can('close')) actions.push(cmd('close', field('close-note', t('note'))));
  if (can('spot_check'))
    actions.push(
      cmd(
        'spot_check',
        html` <label class="inline-field">${t('spotResult')} <select id="spot-result"><option value="pass">${t('pass')}</option><option value="fail">${t('fail')}</option></select></label>`,
      ),
    );
  if (can('confirm_level')) actions.push(cmd('confirm_level', field('confirm-reason', t('reason'), { required: true })));
  // No case number to type: the server numbers the case (its 立案审批表's 文号, listed with the documents).
  if (can('file_case')) actions.push(cmd('file_case'));
  if (can('list_for_supervision')) actions.push(cmd('list_for_supervision', field('listing-authority', t('authority'), { required: true })));
  if (can('order_stop_work')) {
    actions.push(
      cmd(
        'order_stop_work',
        html` <label class="inline-field">${t('stopWorkScope')} <select id="stop-scope"><option value="partial">${t('partial')}</option><option value="whole">${t('whole')}</option></select></label>
      ${field('stop-reason', t('reason'), { required: true })}`,
      ),
    );
  }
  if (can('accept')) actions.push(cmd('accept', field('accept-note', t('note'))));
  if (can('lift_stop_work')) actions.push(cmd('lift_stop_work', field('lift-note', t('reason'), { required: true })));
  if (can('delist')) actions.push(cmd('delist', field('delist-note', t('reason'), { required: true })));
  if (can('escalate')) actions.push(cmd('escalate', field('escalate-reason', t('reason'), { required: true })));
  const targets = LEVELS.filter((l) => l !== h.level && can('reclassify', l));
  if (targets.length) {
    actions.push(
      cmd(
        'reclassify',
        html` <label class="inline-field">${t('newLevel')} <select id="reclassify-level"><option value="">${t('choose')}</option>${targets.map((l) => html`<option value="${l}">${t(l)}</option>`)}</select></label>
      ${field('reclassify-reason', t('reason'), { required: true })}`,
      ),
    );
  }
  if (can('reopen')) actions.push(cmd('reopen', field('reopen-reason', t('reason'), { required: true })));
  for (const form of penaltyForms(h, (c) => can(c) && offered.add(c), at, replyPeriod)) actions.push(form);
  // A notified penalty whose statement is not offered though the table allows it (its reply period has run, or it is
  // recorded): where the form was, why, in core's words at the server's clock (penaltyStepRefusal; the server refuses it then).
  if (h.penalty && !h.penalty.decided && !offered.has('record_statement') && allowed(roles, user(), 'record_statement', h)) {
    const refusal = penaltyRefusal(h, 'record_statement', user(), at, asParty(), replyPeriod);
    if (refusal?.code === 'INVALID_TRANSITION') {
      actions.push(html`<p class="hint" id="statement-closed" data-reason="${refusal.code}"><b>${label('record_statement')}</b>${punct().colon}${bothLanguages(refusal.detail)}</p>`);
    }
  }

  // Enforcement acts (立案, 停产, 督办, 验收/销号 of a major hazard, lowering a major level) name a second officer;
  // so do an officer's notice and review, for their enforcement document (责令限期整改指令书, 整改复查意见书).
  const ENFORCEMENT_ACTS = [
    'file_case',
    'order_stop_work',
    'list_for_supervision',
    'accept',
    'close',
    'reclassify',
    'confirm_level',
    'lift_stop_work',
    'delist',
    'issue_notice',
    'verify',
    'reject',
    'notify_penalty',
    'decide_penalty',
  ];
  // The second officer confirms from his own session: he gives a one-time co-sign code (below, on his own device),
  // the first officer types it here; the server derives who co-signed from it. No colleague's password on this page.
  const coOfficerPicker =
    roles.includes('enforcement') && ENFORCEMENT_ACTS.some((c) => offered.has(c))
      ? html`<p id="co-sign-row"><label>${t('coSignCode')} <input id="co-sign-code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" pattern="[0-9 ]*"></label> <span class="hint">${t('coSignHint')}</span></p>`
      : '';
  // Any officer may be the second one here: he gives his code for one act on this hazard.
  const coSignGive = roles.includes('enforcement')
    ? html`<section id="co-sign-give" aria-labelledby="co-sign-give-h"><h2 id="co-sign-give-h">${t('coSignGiveTitle')}</h2>
      <p class="hint">${t('coSignGiveHint')}</p>
      <label>${t('coSignAct')} <select id="co-sign-act">${ENFORCEMENT_ACTS.map((c) => html`<option value="${c}">${label(c)}</option>`)}</select></label>
      <div id="co-sign-content">${coSignContentInputs(ENFORCEMENT_ACTS[0])}</div>
      <button type="button" id="co-sign-give-button">${t('coSignGive')}</button>
      <div id="co-sign-issued" role="status" aria-live="polite"></div></section>`
    : '';

  setHtml(
    app,
    html`<h1 id="hazard-title">${loc(h.title)}</h1>
    ${access === 'premises' ? html`<p class="hint" id="hazard-premises-view">${t('premisesView')}</p>` : ''}
    ${factsCard(h, row, caseNumber ?? h.caseNo, at)}
    ${findingSection(history)}
    ${planSection(h)}
    ${penaltyStatus(h, replyPeriod, replyUnavailable)}
    ${evidenceSection(history)}
    ${historySection(history, docs)}
    ${auditLine(audit, h.version)}
    ${documentsSection(id, docs, roles)}
    <section id="actions" aria-labelledby="actions-h"><h2 id="actions-h">${t('actionsTitle')}</h2>
      <div id="action-result" role="status" aria-live="polite">${done ? html`<p class="message ok" id="command-done" data-command="${done}">${t('doneCmd', { action: label(done) })}</p>` : ''}</div>
      ${actions.length ? html`${coOfficerPicker}${join(actions, raw('<hr>'))}` : html`<p id="no-actions">${t('noActions')}</p>`}
      ${whyNotList(h, offered, at)}</section>
    ${coSignGive}`,
  );

  wireDocuments(app, id, docs, () => hazardPage(id, signal));
  wirePenaltyForms(app, setHtml);

  // Evidence first: deciding buttons open only once every photo on the page has loaded.
  const status = app.querySelector('#evidence-status');
  const imgs = [...app.querySelectorAll('#evidence-list img')];
  const gate = () => {
    if (!app.contains(status)) return; // a photo of a page the user has left: not this page's state
    const failed = imgs.filter((i) => i.complete && i.naturalWidth === 0).length;
    const pending = imgs.filter((i) => !i.complete).length;
    const ready = !failed && !pending;
    app.querySelectorAll('[data-on-evidence]').forEach((b) => {
      b.disabled = !ready;
    });
    app.dataset.evidence = ready ? 'shown' : failed ? 'failed' : 'loading';
    status.textContent = failed ? t('evidenceFailed', { n: failed }) : pending ? t('evidenceLoading') : imgs.length ? t('evidenceShown', { n: imgs.length }) : '';
  };
  imgs.forEach((i) => {
    i.addEventListener('load', gate);
    i.addEventListener('error', gate);
  });
  gate();
  const box = app.querySelector('#lightbox');
  app.querySelectorAll('#evidence-list .thumb').forEach((b) =>
    b.addEventListener('click', () => {
      app.querySelector('#lightbox-img').src = b.dataset.full;
      app.querySelector('#lightbox-link').href = b.dataset.full;
      box.showModal();
    }),
  );
  app.querySelector('#lightbox-close').addEventListener('click', () => box.close());
  // Escape closes it too (the browser's own cancel may be held back without a recent user gesture).
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') box.close();
  });

  const result = app.querySelector('#action-result');
  const fail = (key, vars) => {
    setHtml(result, html`<p class="message error" id="form-error">${t(key, vars)}</p>`);
  };
  const value = (sel) => app.querySelector(sel)?.value.trim() ?? '';
  const optional = (sel) => (value(sel) ? textOf(value(sel)) : undefined);
  /** Sends `command`; `files`: its evidence in order as picked (`{ id, kind, name }`), for a refusal to name the files. */
  const send = async (command, files = []) => {
    // Every command is recorded for good: the user confirms what it does before it is sent.
    if (!(await confirmAction(label(command.type), t('confirmCmd', { action: label(command.type), title: loc(h.title) })))) return;
    // A review act takes the photos chosen for it, uploaded once confirmed (uploadAll, as the rectification's); a refused upload sends nothing.
    const photos = REVIEW_ACTS.includes(command.type) ? [...(app.querySelector('#review-photos')?.files ?? [])] : [];
    if (photos.length) {
      setHtml(result, html`<p class="hint" id="upload-pending">${t('uploading')}</p>`);
      try {
        const evidence = await uploadAll(id, photos, 'photo_review');
        command = { ...command, evidence };
        files = evidence.map((e, i) => ({ ...e, name: photos[i].name }));
      } catch (error) {
        const response = error?.response ?? { status: 0, body: { title: '', detail: String(error?.message ?? error) } };
        setHtml(result, html`<p class="message error" id="upload-error" data-status="${response.status}">${t('reviewUploadFailed')}${punct().colon}${problemText(response)}</p>`);
        return;
      }
      setHtml(result, html``);
    }
    const clean = Object.fromEntries(Object.entries(command).filter(([, v]) => v !== undefined));
    // The second officer's co-sign code goes with an act that takes one (《行政处罚法》第四十二条); the body never names him.
    const code = value('#co-sign-code');
    const coSignCode = code && (needsSecondOfficer(h, command) || namesSecondOfficer(roles, command.type)) ? code : undefined;
    const res = await api(`${path}/commands`, { method: 'POST', body: clean, key: newKey(), ifMatch: h.version, coSignCode });
    if (res.ok) {
      await hazardPage(id, signal, command.type);
      app.querySelector('#action-result')?.focus?.();
      return;
    }
    const stale = res.status === 412;
    // The server names an upload by its id (ev-…), which the user never saw: the page names the file they picked.
    const named = files.length && res.body ? { ...res, body: { ...res.body, title: withFileNames(res.body.title, files), detail: withFileNames(res.body.detail, files) } } : res;
    setHtml(
      result,
      html`<p class="message error" id="command-error" data-status="${res.status}">${stale ? `${t('staleVersion', { v: h.version })} ` : ''}${problemText(named)}${stale ? html` <a href="${hazardHref(id)}" id="reload-hazard">${t('reloadHazard')}</a>` : ''}</p>${issueList(res.body?.issues, files)}`,
    );
    locateIssues(app.querySelector(`[data-action="${command.type}"]`), res.body?.issues);
    // A refused file: its field is marked and takes the focus (where the user picks a new one).
    const field = (res.body?.issues ?? []).map((i) => fileAt(i.pointer, files)).find(Boolean);
    const input = field && app.querySelector(FILE_FIELD[field.kind]);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'command-error');
      input.focus();
    }
    result.querySelector('#reload-hazard')?.addEventListener('click', (e) => {
      e.preventDefault();
      hazardPage(id, signal);
    });
  };
  /** A required input's text; shows the message `key`, marks the field and returns null when empty. */
  const filled = (sel, key) => {
    const v = value(sel);
    const input = app.querySelector(sel);
    if (!v) {
      fail(key);
      input?.setAttribute('aria-invalid', 'true');
      input?.setAttribute('aria-describedby', 'form-error');
      input?.focus();
      return null;
    }
    input?.removeAttribute('aria-invalid');
    return v;
  };
  /** A required reason from an input, as text of the UI's language; null (the field marked) when empty. */
  const reasonFrom = (sel) => {
    const v = filled(sel, 'errReasonRequired');
    return v === null ? null : textOf(v);
  };

  const handlers = {
    ...penaltyHandlers({ app, value, filled, reasonFrom, send }),
    verify: () => send({ type: 'verify', note: optional('#verify-note') }),
    reject: () => {
      const reason = reasonFrom('#reject-reason');
      return reason && send({ type: 'reject', reason });
    },
    // Why the level holds is the officer's to say (the page claimed an on-site check before).
    confirm_level: () => {
      const reason = reasonFrom('#confirm-reason');
      return reason && send({ type: 'confirm_level', level: h.level, reason });
    },
    // The listing authority is the officer's to give (none is made up here); the case number is the server's.
    file_case: () => send({ type: 'file_case' }),
    list_for_supervision: () => {
      const authority = filled('#listing-authority', 'errAuthorityRequired');
      return authority && send({ type: 'list_for_supervision', authority: textOf(authority) });
    },
    spot_check: () => send({ type: 'spot_check', result: value('#spot-result') }),
    accept: () => send({ type: 'accept', note: textOf(value('#accept-note') || (lang() === 'en' ? 'accepted' : '验收合格')) }),
    close: () => send({ type: 'close', note: optional('#close-note') }),
    approve_plan: () => send({ type: 'approve_plan', note: optional('#approve-note') }),
    lift_stop_work: () => {
      const note = reasonFrom('#lift-note');
      return note && send({ type: 'lift_stop_work', note });
    },
    delist: () => {
      const note = reasonFrom('#delist-note');
      return note && send({ type: 'delist', note });
    },
    issue_notice: () => send({ type: 'issue_notice' }),
    grant_extension: () => send({ type: 'grant_extension', note: optional('#grant-note') }),
    deny_extension: () => {
      const reason = reasonFrom('#deny-reason');
      return reason && send({ type: 'deny_extension', reason });
    },
    escalate: () => {
      const reason = reasonFrom('#escalate-reason');
      return reason && send({ type: 'escalate', reason });
    },
    order_stop_work: () => {
      const reason = reasonFrom('#stop-reason');
      return reason && send({ type: 'order_stop_work', scope: value('#stop-scope'), reason });
    },
    reopen: () => {
      const reason = reasonFrom('#reopen-reason');
      return reason && send({ type: 'reopen', reason });
    },
    reclassify: () => {
      const level = value('#reclassify-level');
      if (!level) return fail('errLevelRequired');
      const reason = reasonFrom('#reclassify-reason');
      return reason && send({ type: 'reclassify', level, reason });
    },
  };
  // One action at a time (shared.js): a second press while one is under way does nothing.
  const exclusive = oneAtATime();
  // The act chosen asks what its code binds (a penalty's article, kind and fine; a scope; a level).
  app.querySelector('#co-sign-act')?.addEventListener('change', () => setHtml(app.querySelector('#co-sign-content'), coSignContentInputs(value('#co-sign-act'))));
  app.querySelector('#co-sign-give-button')?.addEventListener(
    'click',
    exclusive(async () => {
      const act = value('#co-sign-act');
      const out = app.querySelector('#co-sign-issued');
      // a new code withdraws the one shown: never leave it on screen while the new one comes
      out?.replaceChildren();
      const content = coSignContentFrom(app, act);
      const res = await api(`${path}/co-sign-codes`, { method: 'POST', body: content === undefined ? { act } : { act, content } });
      // Beside the code, what it binds as the server answered it (not the fields above).
      setHtml(
        out,
        res.ok
          ? html`<p class="message ok" id="co-sign-issued-code" data-code="${res.body.code}">${t('coSignIssued', { action: label(act), code: `${res.body.code.slice(0, 4)} ${res.body.code.slice(4)}`, time: localTime(res.body.expiresAt) })}</p>${coSignContentView(res.body.content)}`
          : html`<p class="message error" id="co-sign-error">${problemText(res)}</p>`,
      );
    }),
  );
  app.querySelectorAll('[data-cmd]').forEach((b) =>
    b.addEventListener(
      'click',
      exclusive(() => (handlers[b.dataset.cmd] ?? (() => send({ type: b.dataset.cmd })))()),
    ),
  );

  app.querySelector('#extension-form')?.addEventListener(
    'submit',
    exclusive(() => {
      if (!h.deadline) return fail('errNoDeadline');
      const date = value('#extension-date');
      if (!date) return fail('errDateRequired');
      const days = daysBetween(localDate(h.deadline), date);
      if (days <= 0) return fail('errDateAfterDeadline', { d: localDate(h.deadline) });
      const reason = reasonFrom('#extension-reason');
      // The chain extends from the running deadline by a policy; whole days to the chosen date.
      return reason && send({ type: 'request_extension', extension: { days }, reason });
    }),
  );
  app.querySelector('#rectify-form')?.addEventListener(
    'submit',
    exclusive(async () => {
      const button = app.querySelector('#submit-rectification');
      button.disabled = true; // and says so while the photos go up
      setHtml(result, html`<p class="hint" id="upload-pending">${t('uploading')}</p>`);
      try {
        let evidence;
        // The files in the order their uploads go into the command: a refusal at /evidence/N names the N-th.
        const picked = Object.entries(RECTIFY_FIELDS).flatMap(([kind, sel]) => [...(app.querySelector(sel)?.files ?? [])].map((file) => ({ file, kind })));
        try {
          evidence = [];
          for (const [kind, sel] of Object.entries(RECTIFY_FIELDS)) evidence.push(...(await uploadAll(id, app.querySelector(sel)?.files ?? [], kind)));
        } catch (error) {
          // A refused photo: show the server's problem and send no command.
          const response = error?.response ?? { status: 0, body: { title: '', detail: String(error?.message ?? error) } };
          setHtml(result, html`<p class="message error" id="upload-error" data-status="${response.status}">${t('uploadFailed')}${punct().colon}${problemText(response)}</p>`);
          return;
        }
        setHtml(result, html``);
        await send(
          { type: 'submit_rectification', evidence, note: optional('#rectify-note') },
          evidence.map((e, i) => ({ ...e, name: picked[i].file.name })),
        );
      } finally {
        button.disabled = false;
      }
    }),
  );
  app.querySelector('#plan-form')?.addEventListener(
    'submit',
    exclusive((e) => {
      const v = (n) => textOf(e.target.elements[n].value);
      return send({
        type: 'submit_plan',
        plan: {
          objectives: v('objectives'),
          measures: v('measures'),
          fundsAndMaterials: v('funds'),
          responsible: v('responsible'),
          milestones: v('milestones'),
          safetyAndEmergency: v('safety'),
          deadline: `${e.target.elements.deadline.value}T17:00:00+08:00`,
        },
      });
    }),
  );
}
