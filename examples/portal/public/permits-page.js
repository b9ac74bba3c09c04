// Hazardous-work permits (issue 19), built for a phone: #/permits lists the open jobs (an
// enterprise's own, with the application form; a supervisor's by area, with counts) and
// #/permit/<id> is one permit — its state, why it is suspended, the attendant's one-tap
// 在场/离开, gas tests and readings, approve/start/resume/close, and the hazards its record
// shows with "report the hazard". Every decision is the API's (core's decidePermit, the
// permit roles of the host): the page offers what the user's role may ask and shows the
// server's answer. Work at height and hot work ask what the applicant observed (height, fall hazards,
// Note 2 situations; the hot-work site situations, open air and wind, the shut-down conditions —
// core's lists and words); the server derives the grade and approver, and the permit page shows what
// the server answered. Ids, names and texts are data: escaped by `html`.
import {
  HEIGHT_FALL_FACTORS,
  HEIGHT_SITUATIONS,
  heightGradeName,
  HOT_WORK_SHUTDOWN_CONDITIONS,
  HOT_WORK_SITUATIONS,
  hotWorkGradeName,
  OPEN_PERMIT_STATUSES,
  permitStatusAllows,
} from '/vendor/anjian-core.js';
import { confirmAction } from './confirm-dialog.js';
import { html, setHtml } from './html.js';
import { loc, punct, t } from './i18n.js';
import { uploadUnbound } from './observation-form.js';
import { serverTime } from './permissions.js';
import { actorName, api, app, entName, hazardHref, levelCell, localTime, me, newKey, oneAtATime, problemText, readableEnterprises, session } from './shared.js';

/** A hash link to one permit. */
export const permitHref = (id) => `#/permit/${encodeURIComponent(id)}`;

const statusBadge = (p) => html`<span class="badge${p.status === 'in_progress' ? ' ok' : ''}" data-status="${p.status}">${t(`ps_${p.status}`)}</span>`;
const supervises = (u) => u?.roles.some((r) => r === 'grid' || r === 'enforcement' || r === 'department_admin');
/**
 * The areas a supervisor watches: a grid inspector's grids, the areas of an officer's departments that supervise
 * hazardous work; an admin the districts of the enterprises the API's directory registers (GET /enterprises). The API
 * checks each (403 otherwise).
 */
const watchedAreas = async (u, signal) =>
  u.roles.includes('grid')
    ? (u.gridAreas ?? [])
    : u.roles.includes('enforcement')
      ? [...new Set((u.departments ?? []).filter((d) => d.domains.includes('hazardous_work')).flatMap((d) => d.areas))]
      : [...new Set((await readableEnterprises(signal)).map((e) => e.area.split('/')[0]))].sort();

/** Why a job stands still, in one line (the suspension's reason and time from the permit). */
const suspendedWhy = (p) =>
  p.status === 'suspended'
    ? html`<p class="message error" role="status" data-suspended="${p.suspendReason ?? ''}">${t('permitSuspendedWhy', { reason: t(`psr_${p.suspendReason}`), time: localTime(p.suspendedAt) })}</p>`
    : '';

/** The open permits as cards (a table that turns into cards on a phone). */
function permitTable(items, id) {
  if (!items.length) return html`<p id="${id}" data-count="0">${t('permitNone')}</p>`;
  return html`<div class="table-wrap"><table id="${id}" class="cards" data-count="${items.length}"><caption class="sr-only">${t('permitsTitle')}</caption>
    <tr><th scope="col">${t('permitKind')}</th><th scope="col">${t('enterpriseCol')}</th><th scope="col">${t('permitStatus')}</th><th scope="col">${t('permitValidUntil')}</th><th scope="col">${t('permitAttendant')}</th></tr>
    ${items.map(
      (p) => html`<tr data-permit="${p.permitId}"><td data-label="${t('permitKind')}"><a href="${permitHref(p.permitId)}">${loc(p.rule.title)}</a></td>
      <td data-label="${t('enterpriseCol')}">${entName(p.enterpriseId)}${punct().open}${p.area}${punct().close}</td>
      <td data-label="${t('permitStatus')}">${statusBadge(p)}${p.status === 'suspended' ? html` <span data-reason="${p.suspendReason ?? ''}">${t(`psr_${p.suspendReason}`)}</span>` : ''}</td>
      <td data-label="${t('permitValidUntil')}">${localTime(p.validUntil)}</td>
      <td data-label="${t('permitAttendant')}">${actorName(p.attendantId)}${punct().open}${p.attendantPresent ? t('permitYes') : t('permitNo')}${punct().close}</td></tr>`,
    )}</table></div>`;
}

/** #/permits: the enterprise's open permits and the application form, or a supervisor's open jobs by area; `signal` is the navigation's. */
export async function permitsPage(signal) {
  const u = me();
  setHtml(app, html`<h1>${t('permitsTitle')}</h1><p class="hint" aria-busy="true">${t('loading')}</p>`);
  if (supervises(u)) {
    const areas = await watchedAreas(u, signal);
    const lists = await Promise.all(areas.map((a) => api(`/permits?area=${encodeURIComponent(a)}`, { signal })));
    setHtml(
      app,
      html`<h1>${t('permitsTitle')}</h1>${areas.map((a, i) => {
        const r = lists[i];
        if (!r.ok) return html`<h2>${t('permitsOpenIn', { area: a })}</h2><p class="message error">${problemText(r)}</p>`;
        return html`<section data-area="${a}"><h2>${t('permitsOpenIn', { area: a })}</h2>
          <ul class="queues permit-counts">${r.body.counts.map((c) => html`<li data-kind="${c.kind}" data-status="${c.status}">${t('permitCount', { kind: t(`pk_${c.kind}`), status: t(`ps_${c.status}`), n: c.count })}</li>`)}</ul>
          ${permitTable(r.body.items, `open-permits-${i}`)}</section>`;
      })}`,
    );
    return;
  }
  const enterpriseId = u?.enterpriseIds[0];
  if (!enterpriseId) {
    setHtml(app, html`<h1>${t('permitsTitle')}</h1><p class="message error">${t('requestFailed')}</p>`);
    return;
  }
  // The enterprise as the API's directory registers it (its regime: which standard its permits are held to).
  const [r, readable] = await Promise.all([api(`/permits?enterpriseId=${encodeURIComponent(enterpriseId)}`, { signal }), readableEnterprises(signal)]);
  setHtml(
    app,
    html`<h1>${t('permitsOfEnt', { name: entName(enterpriseId) })}</h1>
    ${r.ok ? permitTable(r.body.items, 'my-permits') : html`<p class="message error">${problemText(r)}</p>`}
    <h2 id="apply-title">${t('permitApply')}</h2><div id="permit-apply"></div>`,
  );
  applyForm(app.querySelector('#permit-apply'), enterpriseId, readable.find((e) => e.id === enterpriseId)?.regime, serverTime(r));
}

/**
 * A local datetime-local value (UTC+8) for an instant — to the minute, or `seconds` to the second — and back (the
 * input gives `HH:mm` or `HH:mm:ss`).
 */
const toLocalInput = (ms, seconds = false) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, seconds ? 19 : 16);
const fromLocalInput = (v) => new Date(Date.parse(`${v.length === 16 ? `${v}:00` : v}+08:00`)).toISOString();

/** Checkboxes for the ids of core's facts (`HEIGHT_FALL_FACTORS`, `HEIGHT_SITUATIONS`, `HOT_WORK_SITUATIONS`, `HOT_WORK_SHUTDOWN_CONDITIONS`), each with core's words and its clause. */
const factChecks = (name, facts) =>
  html`<fieldset class="checks" id="pa-${name}"><legend>${t(`permit_${name}`)}</legend>${facts.map(
    (x) => html`<label><input type="checkbox" name="${name}" value="${x.id}"> ${loc(x.label)} <span class="hint">${x.clause}</span></label>`,
  )}</fieldset>`;

/**
 * The application: kind, workers, the attendant (a person of the enterprise), validity start, LEL; for work at
 * height and hot work no grade but what was observed (the server derives the grade and so the approver); `none` otherwise.
 * Which standard applies is the directory's (`regime`, the enterprise's line of GET /enterprises), shown here, never
 * asked: the server derives it; "not registered" when the listing has none. The validity start is prefilled with
 * `now`, the server's clock (the list's answer), not the browser's.
 */
function applyForm(root, enterpriseId, regime, now) {
  const staff = session.demo.users.filter((x) => x.roles.includes('enterprise') && x.enterpriseIds.includes(enterpriseId) && x.id !== me()?.id);
  setHtml(
    root,
    html`<form id="apply-form" aria-labelledby="apply-title" novalidate>
      <div class="field"><label for="pa-kind">${t('permitKind')}</label><select id="pa-kind" name="kind">${['confined_space', 'hot_work', 'work_at_height'].map((k) => html`<option value="${k}">${t(`pk_${k}`)}</option>`)}</select></div>
      <div class="field" id="pa-grade-field"><label for="pa-grade">${t('permitGrade')}</label><select id="pa-grade" name="grade"><option value="none">${t('pg_none')}</option></select></div>
      <div id="pa-height-fields" hidden><p class="hint">${t('permitHeightHint')}</p>
        <div class="field"><label for="pa-height">${t('permitHeightM')}</label><input id="pa-height" name="heightM" type="number" step="0.1" min="0" max="1000" inputmode="decimal"></div>
        ${factChecks('fallFactors', HEIGHT_FALL_FACTORS)}${factChecks('situations', HEIGHT_SITUATIONS)}</div>
      <div id="pa-hot-fields" hidden><p class="hint">${t('permitHotHint')}</p>
        ${factChecks('hotSituations', HOT_WORK_SITUATIONS)}
        <div class="field"><label for="pa-open-air">${t('permitOpenAir')}</label><select id="pa-open-air" name="openAir"><option value="">${t('choose')}</option><option value="yes">${t('yes')}</option><option value="no">${t('no')}</option></select></div>
        <div class="field" id="pa-wind-field" hidden><label for="pa-wind">${t('permitWindForce')}</label><input id="pa-wind" name="windForce" type="number" step="1" min="0" max="12" inputmode="numeric"></div>
        ${factChecks('shutDown', HOT_WORK_SHUTDOWN_CONDITIONS)}</div>
      <p class="hint" id="pa-regime" data-regime="${regime ?? ''}">${t('permitRegime')}${punct().colon}${regime ? t(`pp_${regime}`) : t('permitRegimeUnknown')}</p>
      <div class="field"><label for="pa-workers">${t('permitWorkers')}</label><input id="pa-workers" name="workers" required autocomplete="off"></div>
      <div class="field"><label for="pa-attendant">${t('permitAttendant')}</label><select id="pa-attendant" name="attendant">${staff.map((x) => html`<option value="${x.id}">${loc(x.name)}</option>`)}</select></div>
      <div class="field"><label for="pa-from">${t('permitValidFrom')}</label><input id="pa-from" name="validFrom" type="datetime-local" required value="${toLocalInput(now.getTime())}"></div>
      <div class="field"><label for="pa-lel">${t('permitLel')}</label><input id="pa-lel" name="lel" type="number" step="0.1" min="0" max="100" inputmode="decimal"></div>
      <button type="submit" id="apply-submit">${t('permitSubmitApply')}</button>
    </form><div id="apply-result" aria-live="polite"></div>`,
  );
  const form = root.querySelector('#apply-form');
  // Height work and hot work declare no grade: the grade field gives way to the facts the grade is derived from;
  // the wind force is asked for open-air hot work only.
  const showKind = () => {
    const height = form.kind.value === 'work_at_height';
    const hot = form.kind.value === 'hot_work';
    form.querySelector('#pa-grade-field').hidden = height || hot;
    form.querySelector('#pa-height-fields').hidden = !height;
    form.querySelector('#pa-hot-fields').hidden = !hot;
    form.querySelector('#pa-wind-field').hidden = form.openAir.value !== 'yes';
  };
  form.kind.addEventListener('change', showKind);
  form.openAir.addEventListener('change', showKind);
  showKind();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    const checked = (name) => [...f.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    // an unanswered open air or wind force is sent as null: the server refuses it at /hotWork/openAir or /hotWork/windForce
    const hotWork = () => ({
      situations: checked('hotSituations'),
      openAir: f.openAir.value === '' ? null : f.openAir.value === 'yes',
      ...(f.openAir.value === 'yes' ? { windForce: f.windForce.value === '' ? null : Number(f.windForce.value) } : {}),
      shutDown: checked('shutDown'),
    });
    const body = {
      kind: f.kind.value,
      // an empty height is sent as null: the server refuses it at /height/heightM
      ...(f.kind.value === 'work_at_height'
        ? { height: { heightM: f.heightM.value === '' ? null : Number(f.heightM.value), fallFactors: checked('fallFactors'), situations: checked('situations') } }
        : f.kind.value === 'hot_work'
          ? { hotWork: hotWork() }
          : { grade: f.grade.value }),
      enterpriseId,
      workerIds: f.workers.value
        .split(/[,，、]/)
        .map((s) => s.trim())
        .filter(Boolean),
      attendantId: f.attendant.value,
      validFrom: f.validFrom.value ? fromLocalInput(f.validFrom.value) : '',
      ...(f.lel.value !== '' ? { flammableLelPctVol: Number(f.lel.value) } : {}),
    };
    const button = root.querySelector('#apply-submit');
    button.disabled = true;
    const r = await api('/permits', { method: 'POST', body, key: newKey() }).finally(() => (button.disabled = false));
    if (!r.ok) {
      setHtml(root.querySelector('#apply-result'), html`<p class="message error" id="apply-error">${problemText(r)}</p>`);
      return;
    }
    location.hash = permitHref(r.body.permit.permitId);
  });
}

/**
 * The fields of a reading: the measures the permit's rule judges (its gas-test limits), nothing else. The sampling
 * time is prefilled with `now`, the server's clock (the permit's answer): the server weighs it against the rule's window.
 * It is to the second: a retest taken in the same minute as a failed test must still read as later than it (the server
 * refuses a test older than the permit's latest).
 */
function readingFields(p, now) {
  const measures = [...new Set((p.rule.gasTest?.limits ?? []).map((l) => l.measure))];
  return html`<div class="field"><label for="pr-at">${t('permitSampledAt')}</label><input id="pr-at" name="sampledAt" type="datetime-local" step="1" required value="${toLocalInput(now.getTime(), true)}"></div>
    <div class="field"><label for="pr-instrument">${t('permitInstrument')}</label><input id="pr-instrument" name="instrument" required autocomplete="off"></div>
    <div class="field"><label for="pr-place">${t('permitPlace')}</label><input id="pr-place" name="place" required autocomplete="off"></div>
    ${measures.map((m) => html`<div class="field"><label for="pr-${m}">${t(`m_${m}`)}</label><input id="pr-${m}" name="${m}" data-measure="${m}" type="number" step="0.01" min="0" max="100" inputmode="decimal" required></div>`)}`;
}
const MEASURE_FIELD = { flammable_pct_vol: 'flammablePctVol', flammable_pct_lel: 'flammablePctLel', o2_pct_vol: 'o2PctVol' };

/** #/permit/<id>: one permit and what the signed-in user may do with it; `signal` is the navigation's (also for its redraws). */
export async function permitPage(id, signal) {
  const u = me();
  const [r, findings] = await Promise.all([api(`/permits/${encodeURIComponent(id)}`, { signal }), api(`/permits/${encodeURIComponent(id)}/findings`, { signal })]);
  if (!r.ok) {
    setHtml(app, html`<h1>${t('permitsTitle')}</h1><p class="message error" id="permit-error">${problemText(r)}</p><p><a href="#/permits">${t('permitBack')}</a></p>`);
    return;
  }
  const p = r.body.permit;
  const events = r.body.events;
  const ofEnterprise = u?.roles.includes('enterprise') && u.enterpriseIds.includes(p.enterpriseId);
  const isAttendant = u?.id === p.attendantId;
  const open = OPEN_PERMIT_STATUSES.includes(p.status);
  const gasRule = p.rule.gasTest !== null;
  const can = {
    // the server says whether this reader may approve (core's permitApprovalRefusal with the reader's permit roles)
    approve: r.body.approval?.allowed === true,
    // which status takes which command: core's one table (decidePermit refuses outside it)
    gasTest: ofEnterprise && gasRule && permitStatusAllows('record_gas_test', p.status),
    reading: ofEnterprise && gasRule && permitStatusAllows('record_reading', p.status),
    start: ofEnterprise && permitStatusAllows('start', p.status),
    resume: ofEnterprise && permitStatusAllows('resume', p.status),
    close: ofEnterprise && permitStatusAllows('close', p.status),
    // the attendant confirms being on site; the enterprise or a supervisor on a spot check records that the attendant left
    present: isAttendant && open,
    left: open && p.attendantPresent && (ofEnterprise || supervises(u)),
  };
  setHtml(
    app,
    html`<h1 id="permit-title">${loc(p.rule.title)}</h1>
    <p>${statusBadge(p)} <span class="hint">${p.permitId}</span></p>
    ${suspendedWhy(p)}
    ${
      isAttendant && open
        ? html`<section id="attendant-duty" aria-labelledby="attendant-duty-title"><h2 id="attendant-duty-title">${t('permitAttendantDuty')}</h2>
          <p class="action big-actions"><button type="button" id="permit-present" aria-pressed="${p.attendantPresent ? 'true' : 'false'}">${t('permitPresent')}</button>
          ${p.attendantPresent ? html`<button type="button" id="permit-left" class="danger">${t('permitLeft')}</button>` : html`<button type="button" id="permit-left" class="danger" disabled>${t('permitLeft')}</button>`}</p></section>`
        : ''
    }
    <dl class="facts" id="permit-facts">
      <dt>${t('enterpriseCol')}</dt><dd>${entName(p.enterpriseId)}${punct().open}${p.area}${punct().close}</dd>
      <dt>${t('permitApplicant')}</dt><dd>${actorName(p.applicantId)}</dd>
      <dt>${t('permitWorkerList')}</dt><dd id="permit-workers">${p.workerIds.map((w, i) => html`${i ? punct().sep : ''}${w}${(p.declaredWorkerIds ?? []).includes(w) ? html`<span class="hint" data-declared="${w}">${punct().open}${t('permitDeclared')}${punct().close}</span>` : ''}`)}</dd>
      <dt>${t('permitAttendant')}</dt><dd>${actorName(p.attendantId)}${punct().open}<span id="attendant-state" data-present="${p.attendantPresent}">${p.attendantPresent ? t('permitYes') : t('permitNo')}</span>${punct().close}</dd>
      ${p.height ? heightFacts(p.height) : ''}
      ${p.hotWork ? hotWorkFacts(p.hotWork, p.downgradeApproverId) : ''}
      <dt>${t('permitApproverRole')}</dt><dd id="permit-approver-role" data-role="${r.body.approver?.role ?? ''}">${loc(r.body.approver?.name) || '—'}</dd>
      <dt>${t('permitApprover')}</dt><dd>${p.approverId ? actorName(p.approverId) : '—'}</dd>
      <dt>${t('permitValidFrom')}</dt><dd>${localTime(p.validFrom)}</dd>
      <dt>${t('permitValidUntil')}</dt><dd>${localTime(p.validUntil)}</dd>
      ${p.attachments?.length ? html`<dt>${t('permitAttachments')}</dt><dd id="permit-attachments">${p.attachments.map((a) => attachmentItem(p, a))}</dd>` : ''}
      ${gasRule ? html`<dt>${t('permitLastTest')}</dt><dd id="last-test">${p.lastTest ? html`${localTime(p.lastTest.sampledAt)} ${p.lastTest.pass ? t('permitPass') : t('permitFail')}` : '—'}</dd>` : ''}
    </dl>
    <div id="permit-result" aria-live="polite"></div>
    ${r.body.approval?.allowed === false ? html`<p class="hint" id="permit-approve-why" data-reason="${r.body.approval.code}">${loc(r.body.approval.message)}</p>` : ''}
    ${
      Object.entries(can).some(([k, v]) => v && k !== 'present' && !(k === 'left' && isAttendant))
        ? html`<section id="permit-actions" aria-labelledby="permit-actions-title"><h2 id="permit-actions-title">${t('permitActions')}</h2>
      <p class="action">
        ${can.approve ? html`<button type="button" id="permit-approve">${t('permitApprove')}</button>` : ''}
        ${can.resume ? html`<button type="button" id="permit-resume">${t('permitResume')}</button>` : ''}
        ${can.left && !isAttendant ? html`<button type="button" id="permit-left-spot" class="danger">${t('permitLeftSpot')}</button>` : ''}
        ${can.close ? html`<button type="button" id="permit-close" class="danger">${t('permitClose')}</button>` : ''}
      </p>
      ${
        can.start
          ? html`<form id="start-form" novalidate>${p.rule.requiredAttachments.map(
              (k) => html`<div class="field"><label for="ps-${k}">${t(`att_${k}`)}</label><input id="ps-${k}" name="${k}" data-attachment="${k}" autocomplete="off"></div>
              <div class="field"><label for="psf-${k}">${t('permitAttachmentFile')}</label><input id="psf-${k}" type="file" data-attachment-file="${k}" accept="image/jpeg,image/png,image/webp,application/pdf"></div>`,
            )}
            <button type="submit" id="permit-start">${t('permitStart')}</button></form>`
          : ''
      }
      ${
        can.gasTest || can.reading
          ? html`<form id="reading-form" novalidate aria-label="${t('permitReadingForm')}">${readingFields(p, serverTime(r))}
            <p class="action">${can.gasTest ? html`<button type="submit" id="permit-gas-test" value="gas-tests">${t('permitGasTest')}</button>` : ''}
            ${can.reading ? html`<button type="submit" id="permit-reading" value="readings">${t('permitReading')}</button>` : ''}</p></form>`
          : ''
      }
    </section>`
        : ''
    }
    <section id="permit-findings" aria-labelledby="permit-findings-title"><h2 id="permit-findings-title">${t('permitFindings')}</h2>${findingsList(findings)}</section>
    <section aria-labelledby="permit-history-title"><h2 id="permit-history-title">${t('permitHistory')}</h2>
      <ol id="permit-history">${events.map((e) => html`<li data-event="${e.type}" data-version="${e.version}">${localTime(e.recordedAt)} ${t(`pe_${e.type}`)} · ${actorName(e.actorId)}${e.type === 'suspended' ? html`${punct().open}${t(`psr_${e.data.reason}`)}${punct().close}` : ''}${e.data?.verdict ? html`${punct().open}${e.data.verdict.pass ? t('permitPass') : t('permitFail')}${punct().close}` : ''}</li>`)}</ol></section>
    <p><a href="#/permits">${t('permitBack')}</a></p>`,
  );
  wire(p, signal);
}

/** A height permit's grade as the server derived it, and the facts it was derived from (worded by core). */
function heightFacts(h) {
  const words = (facts, ids) => ids.map((id) => loc(facts.find((x) => x.id === id)?.label) || id);
  const observed = [...words(HEIGHT_FALL_FACTORS, h.fallFactors), ...words(HEIGHT_SITUATIONS, h.situations)];
  return html`<dt>${t('permitHeightGrade')}</dt><dd id="permit-grade" data-grade="${h.grade}">${loc(heightGradeName(h.grade))}</dd>
    <dt>${t('permitHeightFacts')}</dt><dd id="permit-height">${h.heightM} m${observed.map((w) => html` · ${w}`)}</dd>`;
}

/** A hot-work permit's grade as the server derived it, and the facts it was derived from (worded by core). */
function hotWorkFacts(h, downgradeApproverId) {
  const words = (facts, ids) => ids.map((id) => loc(facts.find((x) => x.id === id)?.label) || id);
  const observed = [...words(HOT_WORK_SITUATIONS, h.situations), h.openAir ? t('permitOpenAirWind', { force: h.windForce }) : t('permitIndoors'), ...(h.downgraded ? [t('permitShutDownAll')] : [])];
  return html`<dt>${t('permitHotGrade')}</dt><dd id="permit-grade" data-grade="${h.grade}">${loc(hotWorkGradeName(h.grade))}</dd>
    <dt>${t('permitHotFacts')}</dt><dd id="permit-hot-work">${observed.map((w, i) => html`${i ? ' · ' : ''}${w}`)}</dd>
    ${h.downgraded ? html`<dt>${t('permitDowngradeApprover')}</dt><dd id="permit-downgrade-approver">${downgradeApproverId ? actorName(downgradeApproverId) : '—'}</dd>` : ''}`;
}

/** One recorded attachment: an upload (checked by the server, its file linked) or a paper record / an old bare ref (declared, marked as such). */
function attachmentItem(p, a) {
  const label = t(`att_${a.kind}`);
  if (a.source === 'upload') {
    return html`<div data-attachment-source="upload">${label}${punct().colon}<a href="/api/permits/${encodeURIComponent(p.permitId)}/attachments/${encodeURIComponent(a.evidenceId)}" target="_blank" rel="noopener">${a.evidenceId}</a>${punct().open}${t('permitUploaded')}${punct().close}</div>`;
  }
  return html`<div data-attachment-source="paper">${label}${punct().colon}${a.recordNo ?? a.ref}${punct().open}${t('permitPaperDeclared')}${punct().close}</div>`;
}

/** The findings of GET /permits/{id}/findings with their evidence, and the report button. */
function findingsList(r) {
  if (!r.ok) return html`<p class="message error">${problemText(r)}</p>`;
  const { findings, unclassified } = r.body;
  if (!findings.length && !unclassified.length) return html`<p id="no-permit-findings">${t('permitNoFindings')}</p>`;
  return html`<ul id="permit-finding-list">${findings.map((f) => {
    const ev = f.evidence.events;
    return html`<li class="finding" data-rule="${f.hazard.rule}" data-observation="${f.observation}">${levelCell(f.hazard)} ${loc(f.hazard.title)}
      <br><span class="hint" data-evidence="${f.evidence.eventId}">${t('permitEvidence', { from: ev[0]?.version ?? '', to: ev[ev.length - 1]?.version ?? '' })}</span></li>`;
  })}</ul>
  ${unclassified.length ? html`<p class="hint">${t('permitUnclassified')}${punct().colon}${unclassified.map((x) => x.observation).join(punct().sep)}</p>` : ''}
  ${findings.length ? html`<p><button type="button" id="permit-report">${t('permitReport')}</button></p><div id="report-result" aria-live="polite"></div>` : ''}`;
}

/** Sends one permit command; on success shows the permit again with what was done. */
async function send(p, signal, path, action, body = {}) {
  const r = await api(`/permits/${encodeURIComponent(p.permitId)}/${path}`, { method: 'POST', body, key: newKey() });
  if (!r.ok) {
    setHtml(app.querySelector('#permit-result'), html`<p class="message error" id="permit-refused">${problemText(r)}</p>`);
    return;
  }
  await permitPage(p.permitId, signal);
  setHtml(app.querySelector('#permit-result'), html`<p class="message ok" id="permit-done" data-action="${path}">${t('permitDone', { action })}</p>`);
}

function wire(p, signal) {
  // One action at a time, the pressed button disabled while it runs (shared.js, as on the hazard page).
  const exclusive = oneAtATime();
  const on = (sel, fn) => app.querySelector(sel)?.addEventListener('click', exclusive(fn));
  on('#permit-present', () => send(p, signal, 'attendant-present', t('permitPresent')));
  on('#permit-left', async () => {
    if (await confirmAction(t('permitLeft'), t('permitConfirmLeft'))) await send(p, signal, 'attendant-left', t('permitLeft'));
  });
  on('#permit-left-spot', async () => {
    if (await confirmAction(t('permitLeftSpot'), t('permitConfirmLeft'))) await send(p, signal, 'attendant-left', t('permitLeftSpot'));
  });
  on('#permit-approve', async () => {
    if (await confirmAction(t('permitApprove'), t('permitConfirmApprove'))) await send(p, signal, 'approve', t('permitApprove'));
  });
  on('#permit-resume', () => send(p, signal, 'resume', t('permitResume')));
  on('#permit-close', async () => {
    if (await confirmAction(t('permitClose'), t('permitConfirmClose'))) await send(p, signal, 'close', t('permitClose'));
  });
  app.querySelector('#start-form')?.addEventListener(
    'submit',
    exclusive(async (e) => {
      // Each attachment: the file chosen (uploaded first, POST /api/evidence; the server checks it and binds it to the permit),
      // else the paper record's number (recorded as declared). The server decides what counts.
      if (!(await confirmAction(t('permitStart'), t('permitConfirmStart')))) return;
      const attachments = [];
      try {
        for (const i of e.target.querySelectorAll('[data-attachment]')) {
          const kind = i.dataset.attachment;
          const file = e.target.querySelector(`[data-attachment-file="${kind}"]`)?.files?.[0];
          if (file) attachments.push({ kind, source: 'upload', evidenceId: (await uploadUnbound([file], 'document'))[0].id });
          else attachments.push({ kind, source: 'paper', recordNo: i.value.trim() });
        }
      } catch (error) {
        setHtml(app.querySelector('#permit-result'), html`<p class="message error" id="permit-refused">${problemText(error.response ?? { status: 0, body: {} })}</p>`);
        return;
      }
      await send(p, signal, 'start', t('permitStart'), attachments.length ? { attachments } : {});
    }),
  );
  app.querySelector('#reading-form')?.addEventListener(
    'submit',
    exclusive(async (e) => {
      const f = e.target;
      const path = e.submitter?.value === 'readings' ? 'readings' : 'gas-tests';
      const body = { sampledAt: f.sampledAt.value ? fromLocalInput(f.sampledAt.value) : '', instrument: f.instrument.value.trim(), place: f.place.value.trim() };
      for (const i of f.querySelectorAll('[data-measure]')) if (i.value !== '') body[MEASURE_FIELD[i.dataset.measure]] = Number(i.value);
      await send(p, signal, path, path === 'readings' ? t('permitReading') : t('permitGasTest'), body);
    }),
  );
  on('#permit-report', async () => {
    if (!(await confirmAction(t('permitReport'), t('permitConfirmReport')))) return;
    const r = await api(`/permits/${encodeURIComponent(p.permitId)}/findings/report`, { method: 'POST' });
    const out = app.querySelector('#report-result');
    if (!r.ok) {
      setHtml(out, html`<p class="message error" id="report-error">${problemText(r)}</p>`);
      return;
    }
    setHtml(
      out,
      html`<ul id="reported-hazards">${r.body.reports.map((x) =>
        x.ok
          ? html`<li data-rule="${x.rule}" data-hazard="${x.hazardId}"><a href="${hazardHref(x.hazardId)}">${t('permitReported', { n: x.evidence.events?.length ?? 0 })}</a></li>`
          : html`<li class="message error" data-rule="${x.rule}">${t('permitReportRefused', { reason: loc(x.rejection?.message) || x.rejection?.code || '' })}</li>`,
      )}</ul>`,
    );
  });
}
