// The hazard page: its state card, the review-chain actions the permission table allows
// the signed-in user in the hazard's level and status, and the history.
import { html, join, raw, setHtml } from './html.js';
import { lang, loc, t } from './i18n.js';
import { allowed, needsSecondOfficer } from './permissions.js';
import { actorName, api, app, daysBetween, entName, hazardHref, levelCell, localDate, localTime, me, newKey, problemText, readBody, session, textOf, user } from './shared.js';

const LEVELS = ['simple', 'general', 'major'];

/** A deadline policy as text: "延长 5 天" / "5 more days". */
function policyText(p) {
  if (!p || typeof p !== 'object') return String(p ?? '');
  if ('days' in p) return t('extDays', { n: p.days });
  if ('workingDays' in p) return t('extWorkingDays', { n: p.workingDays });
  return t('extHours', { n: p.hours });
}

/** What an event adds to its history line: levels, deadlines, scope, case number, reason or note. */
function eventDetail(e) {
  const d = e.data ?? {};
  const parts = [];
  if (e.type === 'reclassified' || e.type === 'level_confirmed') parts.push(html`${t(d.from)} → ${t(d.to)}`);
  if (e.type === 'notice_issued') parts.push(html`${d.noticeNo ? html`${d.noticeNo} · ` : ''}${t('deadline')}: ${localTime(d.deadline)}`);
  if (e.type === 'extension_requested') parts.push(policyText(d.extension));
  if (e.type === 'extension_granted') parts.push(html`${localTime(d.from)} → ${localTime(d.to)}`);
  if (e.type === 'stop_work_ordered') parts.push(t(d.scope));
  if (e.type === 'case_filed') parts.push(html`${t('caseNo')}: ${d.caseNo}`);
  if (e.type === 'listed_for_supervision') parts.push(html`${t('authority')}: ${loc(d.authority)}`);
  if (e.type === 'spot_checked') parts.push(t(d.result));
  if (e.type === 'due_soon_warned' || e.type === 'overdue_noticed') parts.push(html`${t('deadline')}: ${localTime(d.deadline)}`);
  if (Array.isArray(d.officers) && d.officers.length) parts.push(html`${t('officers')}: ${d.officers.map((o, i) => html`${i ? '、' : ''}${actorName(o?.id)}${o?.certificateNo ? html`（${o.certificateNo}）` : ''}`)}`);
  const text = d.reason ?? d.note;
  if (text) parts.push(html`<q class="reason">${loc(text)}</q>`);
  return join(parts, ' · ');
}

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
        method: 'POST', body: file, credentials: 'same-origin',
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

/** Every evidence reference the hazard's history names, once each, in order. */
function evidenceOf(history) {
  const seen = new Map();
  for (const e of history) for (const ref of Array.isArray(e.data?.evidence) ? e.data.evidence : []) if (typeof ref?.id === 'string' && !seen.has(ref.id)) seen.set(ref.id, { ...ref, event: e.type });
  return [...seen.values()];
}

/** Thumbnails of the photos (GET /api/evidence/{id}?thumb=1) and links to documents. */
function evidenceGallery(history) {
  const refs = evidenceOf(history);
  if (!refs.length) return '';
  return html`<h2>${t('evidence')}</h2><ul class="evidence-thumbs" id="evidence-list" data-count="${refs.length}">${refs.map((r) => {
    const href = `/api/evidence/${encodeURIComponent(r.id)}`;
    return html`<li data-evidence="${r.id}"><figure>${r.kind === 'document'
      ? html`<a href="${href}" target="_blank" rel="noopener">📄 ${t('documentFile')}</a>`
      : html`<a href="${href}" target="_blank" rel="noopener"><img src="${href}?thumb=1" alt="${t(r.kind === 'photo_before' ? 'photoBefore' : 'photoAfter')}" loading="lazy"></a>`}
      <figcaption>${t(r.kind === 'photo_before' ? 'photoBefore' : r.kind === 'photo_after' ? 'photoAfter' : 'documents')} · ${t(`ev_${r.event}`)}</figcaption></figure></li>`;
  })}</ul>`;
}

/**
 * When the hazard's audit trail was verified (GET /api/hazards/{id}/audit, checked at each
 * page load): its hash chain and list row, and how much of it a signed checkpoint covers.
 */
function auditLine(audit, version) {
  if (!audit.ok || !audit.body) return '';
  const a = audit.body;
  const cp = a.checkpoint;
  const coverage = !cp ? t('auditNoCheckpoint') : t(cp.signed ? 'auditCheckpoint' : 'auditCheckpointUnsigned', { v: cp.coversVersion, n: version, at: localTime(cp.createdAt) });
  const last = a.lastFullAudit ? html` · ${t('lastFullAudit')} ${localTime(a.lastFullAudit.verifiedAt)}：${t(a.lastFullAudit.ok && !a.lastFullAudit.problems.length ? 'auditFine' : 'auditBroken')}` : '';
  return html`<p class="${a.ok ? 'hint audit' : 'message error audit'}" id="hazard-audit" data-ok="${String(a.ok)}">${t(a.ok ? 'auditOk' : 'auditBroken')}（${t('auditVerifiedAt')} ${localTime(a.verifiedAt)}）${a.chain?.reason ? html`：${a.chain.reason}` : ''} · ${coverage}${last}</p>`;
}

/** Renders the hazard page of `id` into #app. */
export async function hazardPage(id) {
  const path = `/hazards/${encodeURIComponent(id)}`;
  const [r, audit] = await Promise.all([api(path), api(`${path}/audit`)]);
  if (!r.ok) { setHtml(app, html`<p class="message error" id="hazard-error" data-status="${r.status}">${problemText(r)}</p>`); return; }
  const { state: h, history } = r.body;
  const roles = me()?.roles ?? [];
  const can = (command, target) => allowed(roles, user(), command, h, target);
  const cmd = (type, label, extra = '') => html`<button type="button" data-cmd="${type}" id="cmd-${type}">${label}</button>${extra}`;
  const input = (inputId, placeholder) => html` <input id="${inputId}" placeholder="${placeholder}">`;
  const actions = [];

  if (can('submit_rectification')) {
    actions.push(html`<form id="rectify-form"><h3>${t('rectification')}</h3>
      <label>${t('photoBefore')} <input type="file" id="photo-before" accept="image/*" multiple></label><br>
      <label>${t('photoAfter')} <input type="file" id="photo-after" accept="image/*" multiple></label><br>
      ${h.level === 'major' ? html`<label>${t('documents')} <input type="file" id="docs" multiple></label><br>` : ''}
      <label>${t('note')} <input id="rectify-note"></label> <button type="submit" id="submit-rectification">${t('submitRectification')}</button></form>`);
  }
  if (can('submit_plan')) {
    const f = ['objectives', 'measures', 'funds', 'responsible', 'milestones', 'safety'];
    actions.push(html`<form id="plan-form"><h3>${t('plan')}</h3>${f.map((k) => html`<label>${t(k)} <input name="${k}" required></label><br>`)}
      <label>${t('planDeadline')} <input type="date" name="deadline" required></label> <button type="submit" id="submit-plan">${t('submitPlan')}</button></form>`);
  }
  if (can('request_extension') && !h.pendingExtension) {
    const min = h.deadline ? localDate(new Date(Date.parse(h.deadline) + 86_400_000).toISOString()) : '';
    actions.push(html`<form id="extension-form" novalidate><h3>${t('requestExtension')}</h3>
      <label>${t('newDeadline')} <input type="date" id="extension-date" min="${min}"></label>
      <label>${t('reason')} <input id="extension-reason"></label> <button type="submit" id="submit-extension">${t('requestExtension')}</button></form>`);
  }
  if (h.pendingExtension && can('grant_extension')) actions.push(cmd('grant_extension', t('grantExtension'), input('grant-note', t('note'))));
  if (h.pendingExtension && can('deny_extension')) actions.push(cmd('deny_extension', t('denyExtension'), input('deny-reason', t('reason'))));
  if (can('issue_notice')) actions.push(cmd('issue_notice', t('issueNotice'), input('notice-no', t('noticeNo'))));
  if (can('verify')) actions.push(cmd('verify', t('verify')));
  if (can('reject')) actions.push(cmd('reject', t('reject'), input('reject-reason', t('reason'))));
  if (can('close')) actions.push(cmd('close', t('close')));
  if (can('spot_check')) actions.push(html`${cmd('spot_check', t('spotCheck'))} <select id="spot-result"><option value="pass">${t('pass')}</option><option value="fail">${t('fail')}</option></select>`);
  if (h.provisional && can('confirm_level')) actions.push(cmd('confirm_level', t('confirmLevel')));
  if (can('file_case')) actions.push(cmd('file_case', t('fileCase'), input('case-no', t('caseNo'))));
  if (!h.listed && can('list_for_supervision')) actions.push(cmd('list_for_supervision', t('listForSupervision')));
  if (can('order_stop_work')) {
    actions.push(html`${cmd('order_stop_work', t('orderStopWork'))} <label>${t('stopWorkScope')} <select id="stop-scope"><option value="partial">${t('partial')}</option><option value="whole">${t('whole')}</option></select></label>
      ${input('stop-reason', t('reason'))}`);
  }
  if (can('accept')) actions.push(cmd('accept', t('accept'), input('accept-note', t('note'))));
  if (can('escalate')) actions.push(cmd('escalate', t('escalate'), input('escalate-reason', t('reason'))));
  const targets = LEVELS.filter((l) => l !== h.level && can('reclassify', l));
  if (targets.length) {
    actions.push(html`${cmd('reclassify', t('reclassify'))} <label>${t('newLevel')} <select id="reclassify-level"><option value="">${t('choose')}</option>${targets.map((l) => html`<option value="${l}">${t(l)}</option>`)}</select></label>
      ${input('reclassify-reason', t('reason'))}`);
  }
  if (can('reopen')) actions.push(cmd('reopen', t('reopen'), input('reopen-reason', t('reason'))));

  // Enforcement acts (立案, 停产, 督办, 验收/销号 of a major hazard, lowering a major level) name a second officer.
  const ENFORCEMENT_ACTS = ['file_case', 'order_stop_work', 'list_for_supervision', 'accept', 'close', 'reclassify', 'confirm_level'];
  const coOfficers = session.demo.users.filter((u) => u.roles.includes('enforcement') && u.id !== user());
  const coOfficerPicker = roles.includes('enforcement') && coOfficers.length && ENFORCEMENT_ACTS.some((c) => can(c) || (c === 'reclassify' && targets.length))
    ? html`<p id="co-officer-row"><label>${t('coOfficer')} <select id="co-officer">${coOfficers.map((u) => html`<option value="${u.id}">${loc(u.name)}</option>`)}</select></label> <span class="hint">${t('coOfficerHint')}</span></p>`
    : '';

  const p = h.pendingExtension;
  const requestedTo = p && 'days' in p && h.deadline ? ` → ${localDate(new Date(Date.parse(h.deadline) + Number(p.days) * 86_400_000).toISOString())}` : '';
  const flags = [
    p ? html`<span class="flag" id="pending-extension">${t('pendingExtension')}：${policyText(p)}${requestedTo}</span>` : '',
    h.stopWork ? html`<span class="flag badge" id="stop-work" data-scope="${h.stopWork}">${t('stopWork')}：${t(h.stopWork)}</span>` : '',
    h.listed ? html`<span class="flag badge" id="listed">${t('listed')}</span>` : '',
    h.reopenCount ? html`<span class="flag" id="reopen-count">${t('reopenCount')}：${h.reopenCount}</span>` : '',
  ].filter(Boolean);
  const finding = history[0]?.data?.findings?.[0];
  setHtml(app, html`<h1>${loc(h.title)}</h1>
    <div class="card" id="hazard-state" data-hazard="${h.hazardId}" data-status="${h.status}" data-level="${h.level}" data-version="${h.version}">${levelCell(h)} · ${t('status')}: <b class="status">${t(h.status)}</b> · ${entName(h.enterpriseId)} ${h.area} · ${t('deadline')}: <span id="hazard-deadline" data-deadline="${h.deadline ?? ''}">${localTime(h.deadline)}</span>${h.caseNo ? html` · ${t('caseNo')}: ${h.caseNo}` : ''}
      ${flags.length ? html`<p class="flags">${join(flags, ' ')}</p>` : ''}
      ${finding ? html`<p>${loc(finding.explanation)}</p><p>${t('basis')}: ${join((finding.basis ?? []).map((b) => html`${loc(b.title)} ${b.number} ${b.clause ?? ''}`), '；')}</p>` : ''}</div>
    ${auditLine(audit, h.version)}
    <div id="evidence">${evidenceGallery(history)}</div>
    <div id="actions">${coOfficerPicker}${join(actions, raw('<hr>'))}</div><div id="action-result"></div>
    <h2>${t('history')}</h2><ol id="history">${history.map((e) => html`<li data-type="${e.type}">${localTime(e.recordedAt)} <b>${t(`ev_${e.type}`)}</b> <span class="actor" title="${e.actor?.id} (${e.actor?.role})">${actorName(e.actor?.id)}</span> ${eventDetail(e)}</li>`)}</ol>`);

  const result = app.querySelector('#action-result');
  const fail = (key, vars) => { setHtml(result, html`<p class="message error" id="form-error">${t(key, vars)}</p>`); };
  const value = (sel) => app.querySelector(sel)?.value.trim() ?? '';
  const send = async (command) => {
    const coOfficerId = value('#co-officer');
    const body = coOfficerId && needsSecondOfficer(h, command) ? { ...command, coOfficerId } : command;
    const res = await api(`${path}/commands`, { method: 'POST', body, key: newKey(), ifMatch: h.version });
    if (res.ok) return hazardPage(id);
    const stale = res.status === 412;
    setHtml(result, html`<p class="message error" id="command-error" data-status="${res.status}">${stale ? `${t('staleVersion', { v: h.version })} ` : ''}${problemText(res)}${stale ? html` <a href="${hazardHref(id)}" id="reload-hazard">${t('reloadHazard')}</a>` : ''}</p>`);
    result.querySelector('#reload-hazard')?.addEventListener('click', (e) => { e.preventDefault(); hazardPage(id); });
  };
  /** A required reason from an input; shows the message and returns null when empty. */
  const reasonFrom = (sel) => {
    const v = value(sel);
    if (!v) { fail('errReasonRequired'); return null; }
    return textOf(v);
  };

  const handlers = {
    reject: () => send({ type: 'reject', reason: textOf(value('#reject-reason') || '整改不到位') }),
    confirm_level: () => send({ type: 'confirm_level', level: h.level, reason: { 'zh-CN': '经现场核查确认等级' } }),
    file_case: () => send({ type: 'file_case', caseNo: value('#case-no') || `D1-${Date.now()}` }),
    list_for_supervision: () => send({ type: 'list_for_supervision', authority: { 'zh-CN': 'D1 区安全生产委员会办公室' } }),
    spot_check: () => send({ type: 'spot_check', result: value('#spot-result') }),
    accept: () => send({ type: 'accept', note: textOf(value('#accept-note') || '验收合格') }),
    issue_notice: () => send({ type: 'issue_notice', ...(value('#notice-no') ? { noticeNo: value('#notice-no') } : {}) }),
    grant_extension: () => send({ type: 'grant_extension', ...(value('#grant-note') ? { note: textOf(value('#grant-note')) } : {}) }),
    deny_extension: () => { const reason = reasonFrom('#deny-reason'); return reason && send({ type: 'deny_extension', reason }); },
    escalate: () => { const reason = reasonFrom('#escalate-reason'); return reason && send({ type: 'escalate', reason }); },
    order_stop_work: () => { const reason = reasonFrom('#stop-reason'); return reason && send({ type: 'order_stop_work', scope: value('#stop-scope'), reason }); },
    reopen: () => { const reason = reasonFrom('#reopen-reason'); return reason && send({ type: 'reopen', reason }); },
    reclassify: () => {
      const level = value('#reclassify-level');
      if (!level) return fail('errLevelRequired');
      const reason = reasonFrom('#reclassify-reason');
      return reason && send({ type: 'reclassify', level, reason });
    },
  };
  app.querySelectorAll('[data-cmd]').forEach((b) => b.addEventListener('click', () => (handlers[b.dataset.cmd] ?? (() => send({ type: b.dataset.cmd })))()));

  app.querySelector('#extension-form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!h.deadline) return fail('errNoDeadline');
    const date = value('#extension-date');
    if (!date) return fail('errDateRequired');
    const days = daysBetween(localDate(h.deadline), date);
    if (days <= 0) return fail('errDateAfterDeadline', { d: localDate(h.deadline) });
    const reason = reasonFrom('#extension-reason');
    // The chain extends from the running deadline by a policy; whole days to the chosen date.
    return reason && send({ type: 'request_extension', extension: { days }, reason });
  });
  app.querySelector('#rectify-form')?.addEventListener('submit', async (e) => {
    e.preventDefault();
    let evidence;
    try {
      evidence = [
        ...(await uploadAll(id, app.querySelector('#photo-before').files, 'photo_before')),
        ...(await uploadAll(id, app.querySelector('#photo-after').files, 'photo_after')),
        ...(await uploadAll(id, app.querySelector('#docs')?.files ?? [], 'document')),
      ];
    } catch (error) {
      // A refused photo: show the server's problem and send no command.
      const response = error?.response ?? { status: 0, body: { title: '', detail: String(error?.message ?? error) } };
      setHtml(result, html`<p class="message error" id="upload-error" data-status="${response.status}">${t('uploadFailed')}：${problemText(response)}</p>`);
      return;
    }
    const note = value('#rectify-note');
    send({ type: 'submit_rectification', evidence, ...(note ? { note: textOf(note) } : {}) });
  });
  app.querySelector('#plan-form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = (n) => textOf(e.target.elements[n].value);
    send({ type: 'submit_plan', plan: { objectives: v('objectives'), measures: v('measures'), fundsAndMaterials: v('funds'), responsible: v('responsible'), milestones: v('milestones'), safetyAndEmergency: v('safety'), deadline: `${e.target.elements.deadline.value}T17:00:00+08:00` } });
  });
}
