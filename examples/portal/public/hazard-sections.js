// What a decision on a hazard rests on, in the order an approver reads it: the facts (level,
// status, due date and where it comes from), the finding with its explanation and basis, the
// treatment plan's six elements, the evidence (thumbnails that open full size) and the
// history with reasons. The hazard page puts all of it above its action buttons.
import { html, join } from './html.js';
import { citationText } from '/vendor/anjian-core.js';
import { lang, loc, punct, t } from './i18n.js';
import { inspectionHref } from './inspections-page.js';
import { actorName, entName, levelCell, localTime, personName } from './shared.js';

/** A deadline policy as text: "延长 5 天" / "5 more days". */
export function policyText(p) {
  if (!p || typeof p !== 'object') return String(p ?? '');
  if ('days' in p) return t('extDays', { n: p.days });
  if ('workingDays' in p) return t('extWorkingDays', { n: p.workingDays });
  return t('extHours', { n: p.hours });
}

/** Whole days from `at` (the server's clock, see permissions.js serverTime) past an ISO instant (0 when not past). */
export const daysPast = (iso, at) => (iso && at.getTime() > Date.parse(iso) ? Math.ceil((at.getTime() - Date.parse(iso)) / 86_400_000) : 0);

/** The words of a deadline's source: a major hazard gets no notice — until its plan is approved the report's limit runs. */
const dueWords = (h, source) => (source === 'report' && h.level === 'major' ? 'report_major' : source);

/** The due date line: the date, how many days overdue, and what set it (core's dueDate, from GET /worklist). */
export function dueLine(h, row, at) {
  const deadline = row?.due ?? h.deadline;
  if (h.status === 'closed') return html`<span id="hazard-deadline" data-deadline="">${t('dueNoneClosed')}</span>`;
  if (!deadline) return html`<span id="hazard-deadline" data-deadline="">—</span>`;
  const late = daysPast(deadline, at);
  return html`<span id="hazard-deadline" data-deadline="${deadline}" data-source="${row?.dueSource ?? ''}">${localTime(deadline)}</span>${late ? html` <span class="badge overdue" id="days-overdue">${t('daysOverdue', { n: late })}</span>` : ''}${row?.dueSource ? html` <span class="hint" id="deadline-source">${punct().open.trim()}${t(`due_${dueWords(h, row.dueSource)}`)}${punct().close}</span>` : ''}`;
}

/**
 * The facts card: level (with 疑似), status, enterprise, area, domain, deadline, case no., flags.
 * `caseNumber` is the API's (GET /hazards/{id}): the register's 文号 of the case's 立案审批表, or
 * the number typed for a case filed before the server numbered cases. `at`: the server's clock
 * when it sent the hazard (overdue days are counted to it, not to the browser's clock).
 */
export function factsCard(h, row, caseNumber, at) {
  const p = h.pendingExtension;
  const requestedTo = p && 'days' in p && h.deadline ? ` → ${localTime(new Date(Date.parse(h.deadline) + Number(p.days) * 86_400_000).toISOString()).slice(0, 10)}` : '';
  const flags = [
    p ? html`<span class="flag" id="pending-extension">${t('pendingExtension')}${punct().colon}${policyText(p)}${requestedTo}</span>` : '',
    h.stopWork ? html`<span class="flag badge" id="stop-work" data-scope="${h.stopWork}">${t('term_stopWork')}${punct().colon}${t(h.stopWork)}</span>` : '',
    h.listed ? html`<span class="flag badge" id="listed">${t('term_listed')}</span>` : '',
    h.reopenCount ? html`<span class="flag" id="reopen-count">${t('reopenCount')}${punct().colon}${h.reopenCount}</span>` : '',
  ].filter(Boolean);
  return html`<section class="card" id="hazard-state" aria-labelledby="hazard-title" data-hazard="${h.hazardId}" data-status="${h.status}" data-level="${h.level}" data-version="${h.version}">
    <dl class="facts">
      ${row?.ref ? html`<div><dt>${t('term_hazardNo')}</dt><dd id="hazard-ref">${row.ref}</dd></div>` : ''}
      <div><dt>${t('level')}</dt><dd>${levelCell(h)}${h.provisional ? html` <span class="hint" id="provisional-hint" data-manual="${h.manual ? 'true' : 'false'}">${t(h.manual ? 'manualProvisionalHint' : 'provisionalHint')}</span>` : ''}</dd></div>
      <div><dt>${t('status')}</dt><dd><b class="status">${t(h.status)}</b></dd></div>
      <div><dt>${t('enterpriseCol')}</dt><dd>${entName(h.enterpriseId)}${punct().open}${h.area}${punct().close}</dd></div>
      <div><dt>${t('domain')}</dt><dd>${t(h.domain)}</dd></div>
      <div><dt>${t('term_deadline')}</dt><dd>${dueLine(h, row, at)}</dd></div>
      ${caseNumber ? html`<div><dt id="hazard-case-no-label">${t('caseNo')}</dt><dd id="hazard-case-no">${caseNumber}</dd></div>` : ''}
    </dl>
    ${flags.length ? html`<p class="flags">${join(flags, ' ')}</p>` : ''}
  </section>`;
}

/** One citation of a basis: core's citationText (the short name 消防法 not again after 中华人民共和国消防法), then its status. */
export const citation = (b) =>
  html`${citationText(b, lang())}${b.status === 'superseded' ? html`${punct().open}${t('superseded')}${punct().close}` : ''}${b.confidence === 'unverified' ? html` ⚠ ${t('unverified')}` : ''}`;

/** The finding: what was found, why it is this level (the explanation), the basis, how to fix it, and the inspection record that found it (the `reported` event's inspectionId). */
export function findingSection(history) {
  const report = history.find((e) => e.type === 'reported');
  const d = report?.data ?? {};
  const findings = Array.isArray(d.findings) ? d.findings : [];
  const body = findings.length
    ? findings.map(
        (f) => html`<article class="finding" data-level="${f.level}">
        <p><b>${loc(f.title)}</b> · ${levelCell(f)}</p>
        <p class="explanation">${loc(f.explanation)}</p>
        ${Array.isArray(f.basis) && f.basis.length ? html`<p><b>${t('term_basis')}${punct().colon}</b>${join(f.basis.map(citation), lang() === 'en' ? '; ' : '；')}</p>` : ''}
        ${f.rectification ? html`<p><b>${t('rectificationAdvice')}${punct().colon}</b>${loc(f.rectification)}</p>` : ''}</article>`,
      )
    : html`<p>${d.description ? loc(d.description) : t('manualNoBasis')}</p>${Array.isArray(d.basis) && d.basis.length ? html`<p><b>${t('term_basis')}${punct().colon}</b>${join(d.basis.map(citation), lang() === 'en' ? '; ' : '；')}</p>` : ''}`;
  return html`<section id="finding" aria-labelledby="finding-h"><h2 id="finding-h">${t('finding')}</h2>${body}
    ${report ? html`<p class="hint">${t('reportedBy', { who: actorName(report.actor?.id), at: localTime(report.recordedAt) })}</p>` : ''}
    ${typeof d.inspectionId === 'string' ? html`<p><a id="hazard-inspection" href="${inspectionHref(d.inspectionId)}">${t('viewRecord')}</a></p>` : ''}</section>`;
}

const PLAN_FIELDS = [
  ['objectives', 'objectives'],
  ['measures', 'measures'],
  ['fundsAndMaterials', 'funds'],
  ['responsible', 'responsible'],
  ['milestones', 'milestones'],
  ['safetyAndEmergency', 'safety'],
];

/** The treatment plan's six elements and its date (approved or not), when there is a plan. */
export function planSection(h) {
  if (!h.plan) return '';
  const approved = h.planApproved === true;
  return html`<section id="plan" aria-labelledby="plan-h"><h2 id="plan-h">${t('plan')}</h2>
    <dl class="plan">${PLAN_FIELDS.map(([k, label]) => html`<div><dt>${t(label)}</dt><dd>${loc(h.plan[k])}</dd></div>`)}
      <div><dt>${t('planDeadline')}</dt><dd id="plan-deadline" data-approved="${String(approved)}">${localTime(h.plan.deadline)} ${approved ? html`<span class="badge ok">${t('planApproved')}</span>` : html`<span class="hint">${t('planNotApproved')}</span>`}</dd></div></dl></section>`;
}

/** Every evidence item the history names, once each, with the event that attached it. */
export function evidenceOf(history) {
  const seen = new Map();
  for (const e of history) {
    for (const ref of Array.isArray(e.data?.evidence) ? e.data.evidence : []) {
      if (typeof ref?.id === 'string' && !seen.has(ref.id)) seen.set(ref.id, { ...ref, event: e.type, at: ref.receivedAt ?? e.recordedAt, by: e.actor?.id });
    }
  }
  return [...seen.values()];
}

/**
 * The evidence: photos as thumbnails (GET /api/evidence/{id}?thumb=1) that open full size in
 * a dialog, documents as links (a PDF, or a sensor hazard's readings as JSON); each with its kind, the step that attached it and when the
 * server received it. Says so when there is none.
 */
export function evidenceSection(history) {
  const refs = evidenceOf(history);
  const item = (r) => {
    const href = `/api/evidence/${encodeURIComponent(r.id)}`;
    const caption = html`${t(`evk_${r.kind}`)} · ${t(`ev_${r.event}`)} · ${localTime(r.at)}`;
    return html`<li data-evidence="${r.id}" data-kind="${r.kind}"><figure>${
      r.kind === 'document'
        ? html`<a class="doc" href="${href}" target="_blank" rel="noopener"><span class="doc-mark" aria-hidden="true">${r.mime === 'application/json' ? 'JSON' : 'PDF'}</span> ${t('openDocument')}</a>`
        : html`<button type="button" class="thumb" data-full="${href}" aria-label="${t('openPhoto')}${punct().colon}${t(`evk_${r.kind}`)}"><img src="${href}?thumb=1" alt="${t(`evk_${r.kind}`)}" width="120" height="90"></button>`
    }
      <figcaption>${caption}</figcaption></figure></li>`;
  };
  return html`<section id="evidence" aria-labelledby="evidence-h"><h2 id="evidence-h">${t('evidence')}</h2>
    ${refs.length ? html`<ul class="evidence-thumbs" id="evidence-list" data-count="${refs.length}">${refs.map(item)}</ul>` : html`<p id="evidence-list" data-count="0">${t('noEvidence')}</p>`}
    <p id="evidence-status" class="hint" role="status"></p>
    <dialog id="lightbox" aria-label="${t('photo')}"><img id="lightbox-img" alt="${t('photo')}"><p><a id="lightbox-link" href="#" target="_blank" rel="noopener">${t('openFull')}</a> <button type="button" id="lightbox-close">${t('closeDialog')}</button></p></dialog></section>`;
}

/**
 * What an event adds to its history line: levels, deadlines, scope, case number, officers, reason or note.
 * A notice is named by the number its document was registered under (the one printed on it, `docs`
 * of GET /api/hazards/{id}/documents), else by the number the command gave.
 */
function eventDetail(e, docs) {
  const d = e.data ?? {};
  const parts = [];
  if (e.type === 'reclassified' || e.type === 'level_confirmed') parts.push(html`${t(d.from)} → ${t(d.to)}`);
  if (e.type === 'notice_issued') {
    const number = (docs ?? []).find((doc) => doc.eventId === e.id && !doc.voided)?.number ?? d.noticeNo;
    parts.push(html`${number ? html`<span class="notice-no">${number}</span> · ` : ''}${t('term_deadline')}: ${localTime(d.deadline)}`);
  }
  if (e.type === 'extension_requested') parts.push(policyText(d.extension));
  if (e.type === 'extension_granted') parts.push(html`${localTime(d.from)} → ${localTime(d.to)}`);
  if (e.type === 'plan_approved' && d.deadline) parts.push(html`${t('term_deadline')}: ${localTime(d.deadline)}`);
  if (e.type === 'stop_work_ordered') parts.push(t(d.scope));
  // Only a case filed before the server numbered cases carries a typed number; since, it is its 立案审批表's 文号.
  if (e.type === 'case_filed' && d.caseNo) parts.push(html`${t('caseNo')}: ${d.caseNo}`);
  if (e.type === 'listed_for_supervision') parts.push(html`${t('authority')}: ${loc(d.authority)}`);
  if (e.type === 'spot_checked') parts.push(t(d.result));
  if (e.type === 'due_soon_warned' || e.type === 'overdue_noticed') parts.push(html`${t('term_deadline')}: ${localTime(d.deadline)}`);
  if (Array.isArray(d.evidence) && d.evidence.length) parts.push(t('evidenceCount', { n: d.evidence.length }));
  // The acting officer is already named on the line; the second one is named here, by name and certificate.
  if (Array.isArray(d.officers) && d.officers.length) {
    parts.push(
      html`${t('officersPair')}: ${join(
        d.officers.map((o) => html`${personName(o?.id)}${o?.certificateNo ? html`${punct().open}${t('certNo')} ${o.certificateNo}${punct().close}` : ''}`),
        punct().sep,
      )}`,
    );
  }
  const text = d.reason ?? d.note;
  if (text) parts.push(html`<q class="reason">${loc(text)}</q>`);
  return join(parts, ' · ');
}

/** The history: time, event, who, details with reasons; oldest first. `docs`: the hazard's registered documents (or null). */
export function historySection(history, docs) {
  return html`<section aria-labelledby="history-h"><h2 id="history-h">${t('history')}</h2><ol id="history">${history.map((e) => html`<li data-type="${e.type}"><time datetime="${e.recordedAt}">${localTime(e.recordedAt)}</time> <b>${t(`ev_${e.type}`)}</b> <span class="actor" data-actor="${e.actor?.id ?? ''}" data-role="${e.actor?.role ?? ''}">${actorName(e.actor?.id)}</span> ${eventDetail(e, docs)}</li>`)}</ol></section>`;
}
