// The self-inspection form, rendered from a pack (GET /api/packs/{id}). Which questions are
// asked and required comes from core's formModel, and validation from core's checkFindings —
// the very code the server runs (served bundled by the portal server) — so the form and the
// server cannot disagree. The form decides nothing about applicability itself.
import { checkFindings, formModel, issueForUsers } from '/vendor/anjian-core.js';
import { askedAnswers } from './asked-answers.js';
import { html, setHtml } from './html.js';
import { loc, punct, t } from './i18n.js';
import { uploadUnbound } from './observation-form.js';

/** Instant `at` as local time in China (UTC+8), `YYYY-MM-DDTHH:mm` for a datetime-local input. */
const chinaMinute = (at) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
/** A datetime-local value (China time) as an instant with offset. */
const withOffset = (raw) => `${raw.length === 16 ? `${raw}:00` : raw}+08:00`;

/** A CSS attribute selector for a fact id (ids come from the pack; quotes and backslashes escaped). */
const byAttr = (name, value) => `[${name}="${CSS.escape(String(value))}"]`;

function input(q, describedBy) {
  const id = `f-${q.id}`;
  switch (q.type) {
    case 'boolean':
      return html`<select id="${id}" name="${q.id}" data-fact="${q.id}" aria-describedby="${describedBy}"><option value="">${t('choose')}</option><option value="true">${t('yes')}</option><option value="false">${t('no')}</option></select>`;
    case 'number':
    case 'count': {
      const min = q.min ?? (q.type === 'count' ? 0 : undefined);
      return html`<input type="number" inputmode="decimal" id="${id}" name="${q.id}" data-fact="${q.id}" aria-describedby="${describedBy}" step="${q.type === 'count' ? 1 : 'any'}"${min !== undefined && html` min="${min}"`}${q.max !== undefined && html` max="${q.max}"`}>${q.unit ? html` <span class="unit">${q.unit}</span>` : ''}`;
    }
    case 'enum':
      return html`<select id="${id}" name="${q.id}" data-fact="${q.id}" aria-describedby="${describedBy}"><option value="">${t('choose')}</option>${q.options.map((o) => html`<option value="${o.value}">${loc(o.label)}</option>`)}</select>`;
    case 'multi':
      return html`<span id="${id}" role="group" data-fact="${q.id}" aria-describedby="${describedBy}">${q.options.map((o) => html`<label class="inline-option"><input type="checkbox" value="${o.value}"> ${loc(o.label)}</label> `)}<label class="inline-option"><input type="checkbox" value="" data-none="true"> ${t('noneOfThese')}</label></span>`;
    case 'date':
      return html`<input type="date" id="${id}" name="${q.id}" data-fact="${q.id}" aria-describedby="${describedBy}">`;
    case 'datetime':
      return html`<input type="datetime-local" id="${id}" name="${q.id}" data-fact="${q.id}" aria-describedby="${describedBy}">`;
    case 'evidence':
      return html`<input type="file" id="${id}" name="${q.id}" data-fact="${q.id}" aria-describedby="${describedBy}" accept="image/*,application/pdf" multiple>`;
    default:
      return html`<input type="text" id="${id}" name="${q.id}" data-fact="${q.id}" aria-describedby="${describedBy}"${q.maxLength ? html` maxlength="${q.maxLength * 2}"` : ''}>`;
  }
}

/**
 * Renders the form of `pack` into `host`; returns `{ collect, place, showIssues, browserCheck, model }`.
 * Every question is rendered once; choosing a place (or, for an enterprise without places in
 * the directory, a premises kind) and answering show and hide them as `formModel` says.
 *
 * `places` are the enterprise's places in the directory (`GET /places`, each with its kinds):
 * the form offers exactly these, and a place's premises kind is the one of its kinds the pack
 * has questions for — shown, not chosen (a choice only among the place's own kinds when it has
 * several). The request names the place (`place()`), never the kind; the server derives it. The form lives in an element of its own inside `host`, with its
 * listeners: rendering another pack into the same host replaces it, listeners and all (a
 * listener of the form before would otherwise run on the new form's answers).
 *
 * `at` is the server's clock when it sent the pack (permissions.js serverTime of that answer):
 * the inspection time is prefilled with it, not the browser's clock — the server refuses a time
 * after its own now (INSPECTED_AT_IN_FUTURE), and a browser's clock may run ahead.
 */
export function renderFactForm(host, pack, places, at) {
  const initial = formModel(pack, {});
  /** How far the server's clock is ahead of the browser's (ms), from `at`: the server's now when the field is left empty. */
  const serverSkew = at.getTime() - Date.now();
  const atPlaces = places.length > 0;
  const kindLabel = (id) => loc(initial.premises.find((p) => p.id === id)?.label) || id;
  /** The place's kinds the pack has questions for. */
  const kindsAt = (placeId) => (places.find((p) => p.id === placeId)?.kinds ?? []).filter((k) => initial.premises.some((p) => p.id === k));
  const hintIds = (q) => [`h-${q.id}`, `e-${q.id}`].join(' ');
  setHtml(
    host,
    html`<div class="fact-form">
    <div class="form-errors" id="form-errors" role="alert" hidden></div>
    ${
      atPlaces
        ? html`<div class="field" data-field="premisesId"><label for="f-place">${t('place')} <span class="required-mark" aria-hidden="true">*</span></label>
      <select id="f-place" name="premisesId" aria-describedby="e-premisesId" aria-required="true"><option value="">${t('choose')}</option>${places.map((p) => html`<option value="${p.id}" data-kinds="${p.kinds.join(' ')}">${loc(p.name)}</option>`)}</select>
      <div class="error" id="e-premisesId"></div></div>
    <div class="field" data-field="premises" hidden><label for="f-premises">${t('placeKind')}</label>
      <select id="f-premises" name="premises" aria-describedby="e-premises"></select>
      <div class="error" id="e-premises"></div></div>`
        : html`<div class="field" data-field="premises"><label for="f-premises">${t('premises')}${initial.premisesMatters ? html` <span class="required-mark" aria-hidden="true">*</span>` : ''}</label>
      <select id="f-premises" name="premises" aria-describedby="e-premises"${initial.premisesMatters ? html` aria-required="true"` : ''}><option value="">${t('choose')}</option>${initial.premises.map((p) => html`<option value="${p.id}">${loc(p.label)}</option>`)}</select>
      <div class="error" id="e-premises"></div></div>`
    }
    <div class="field" data-field="inspectedAt"><label for="f-inspectedAt">${t('inspectedAt')}</label>
      <input type="datetime-local" id="f-inspectedAt" name="inspectedAt" value="${chinaMinute(at)}" aria-describedby="e-inspectedAt">
      <div class="error" id="e-inspectedAt"></div></div>
    <p class="hint" id="form-progress" aria-live="polite"></p>
    ${initial.questions.map(
      (q) => html`
      <div class="field" data-field="${q.id}">
        <label for="f-${q.id}">${loc(q.label)}<span class="required-mark" aria-hidden="true" hidden> *</span></label>
        ${input(q, hintIds(q))}
        <div class="hint" id="h-${q.id}">${[q.range ? loc(q.range) : '', q.hint ? loc(q.hint) : ''].filter(Boolean).join('。')}</div>
        <div class="error" id="e-${q.id}"></div>
      </div>`,
    )}</div>`,
  );
  const root = host.firstElementChild;

  const evidenceIds = new Map();
  const control = (id) => root.querySelector(byAttr('data-fact', id));
  const valueOf = (q) => {
    const el = control(q.id);
    if (q.type === 'multi') {
      // "none of these" is an answer (an empty list); nothing ticked is no answer yet
      if (el.querySelector('input[data-none]:checked')) return [];
      const checked = [...el.querySelectorAll('input:checked')].map((c) => c.value);
      return checked.length ? checked : undefined;
    }
    if (q.type === 'evidence') return evidenceIds.get(q.id)?.length ? evidenceIds.get(q.id) : undefined;
    const raw = el.value.trim();
    if (raw === '') return undefined;
    if (q.type === 'boolean') return raw === 'true';
    if (q.type === 'number' || q.type === 'count') return Number(raw);
    if (q.type === 'datetime') return withOffset(raw);
    return raw;
  };

  let model = initial;
  /** The answers to asked questions only: an answer to a hidden question opens nothing. */
  const refresh = () => {
    const premises = root.querySelector('#f-premises').value || undefined;
    const placeId = atPlaces ? root.querySelector('#f-place').value || undefined : undefined;
    const at = root.querySelector('#f-inspectedAt').value;
    const inspectedAt = at ? withOffset(at) : undefined;
    const all = {};
    for (const q of initial.questions) {
      const v = valueOf(q);
      if (v !== undefined) all[q.id] = v;
    }
    // Without a time the server judges at its own now, so the form asks what the pack asks then (a question tied to the
    // time, hidden here, would come back REQUIRED_MISSING): the server's clock as it was at `at`, moved on since.
    const asOf = inspectedAt ?? new Date(Date.now() + serverSkew).toISOString();
    let answers;
    ({ model, answers } = askedAnswers(formModel, pack, { premises, inspectedAt: asOf }, all));
    for (const q of model.questions) {
      const field = root.querySelector(byAttr('data-field', q.id));
      field.hidden = !q.asked;
      field.querySelector('.required-mark').hidden = !q.required;
      const el = control(q.id);
      if (q.required) el.setAttribute('aria-required', 'true');
      else el.removeAttribute('aria-required');
    }
    const { asked, answered, requiredMissing } = model.counts;
    root.querySelector('#form-progress').textContent =
      premises || !model.premisesMatters
        ? t('formProgress').replace('{answered}', answered).replace('{asked}', asked).replace('{missing}', requiredMissing)
        : t(atPlaces ? 'choosePlaceFirst' : 'choosePremisesFirst');
    host.dataset.asked = String(asked);
    host.dataset.premises = premises ?? '';
    return { premises, placeId, inspectedAt, asOf, answers };
  };

  /** At a place: its kinds the pack asks about become the kind field (shown; a choice only among several). */
  const showPlaceKinds = () => {
    const field = root.querySelector('[data-field="premises"]');
    const select = root.querySelector('#f-premises');
    const placeId = root.querySelector('#f-place').value;
    const kinds = placeId ? kindsAt(placeId) : [];
    setHtml(select, html`${kinds.length > 1 ? html`<option value="">${t('choose')}</option>` : ''}${kinds.map((k) => html`<option value="${k}">${kindLabel(k)}</option>`)}`);
    select.disabled = kinds.length <= 1;
    // A pack with premises kinds asks nothing at a place of none of them (the server refuses it there: PACK_NOT_AT_PREMISES).
    const notHere = !!placeId && kinds.length === 0 && initial.premises.length > 0;
    field.hidden = !placeId || (kinds.length === 0 && !notHere);
    const error = root.querySelector('#e-premises');
    error.textContent = notHere ? t('packNotAtPlace').replace('{kinds}', (places.find((p) => p.id === placeId)?.kinds ?? []).join(punct().sep) || '—') : '';
    field.classList.toggle('invalid', !!notHere);
  };

  /** The inspection as sent: at a place no premises kind (the server derives it) but the one chosen among the place's several. */
  const collect = () => {
    const { premises, placeId, inspectedAt, answers } = refresh();
    const sendKind = premises && (!atPlaces || kindsAt(placeId).length > 1);
    return { pack: pack.id, ...(sendKind ? { premises } : {}), ...(inspectedAt ? { inspectedAt } : {}), findings: answers };
  };
  /** The place chosen (its id in the directory), if the form offers places. */
  const place = () => (atPlaces ? root.querySelector('#f-place').value || undefined : undefined);

  const clearIssues = () => {
    root.querySelectorAll('.field').forEach((el) => {
      el.classList.remove('invalid');
      el.querySelector('.error').textContent = '';
      el.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
    });
    const box = root.querySelector('#form-errors');
    box.hidden = true;
    setHtml(box, html``);
  };

  /**
   * Shows issues ({ pointer, message, severity }) next to their fields, in the words of
   * `issueForUsers`; issues without a visible field are listed at the top. Returns the
   * number of errors. A scoped pack without a premises kind counts as an error here.
   */
  const showIssues = (issues) => {
    clearIssues();
    let errors = 0;
    const elsewhere = [];
    for (const issue of issues) {
      const blocking = issue.severity === 'error' || (issue.code === 'PREMISES_MISSING' && model.premisesMatters);
      if (!blocking) continue;
      errors++;
      const factId =
        issue.pointer === '/subject/premisesId' || (atPlaces && issue.pointer === '/premises' && !place())
          ? 'premisesId'
          : issue.pointer === '/premises' || issue.pointer === '/inspectedAt'
            ? issue.pointer.slice(1)
            : /^\/findings\/([^/]+)/
                .exec(issue.pointer ?? '')?.[1]
                ?.replace(/~1/g, '/')
                .replace(/~0/g, '~');
      const words = loc(issueForUsers(pack, issue));
      const field = factId === undefined ? null : root.querySelector(byAttr('data-field', factId));
      if (!field || field.hidden) {
        elsewhere.push(words);
        continue;
      }
      field.classList.add('invalid');
      const box = field.querySelector('.error');
      box.textContent = [box.textContent, words].filter(Boolean).join('；');
      (factId === 'premisesId' ? root.querySelector('#f-place') : factId === 'premises' || factId === 'inspectedAt' ? root.querySelector(`#f-${factId}`) : control(factId)).setAttribute(
        'aria-invalid',
        'true',
      );
    }
    if (elsewhere.length) {
      const box = root.querySelector('#form-errors');
      setHtml(box, html`<ul>${elsewhere.map((m) => html`<li>${m}</li>`)}</ul>`);
      box.hidden = false;
    }
    const first = root.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
    return errors;
  };

  /** core's check of what the server will classify: at a place, with the kind it derives. */
  const browserCheck = () => {
    // checked at the time the server will judge it (the field's, else the server's now)
    const { premises, asOf, answers } = refresh();
    const issues = checkFindings(pack, { pack: pack.id, ...(premises ? { premises } : {}), inspectedAt: asOf, findings: answers });
    const placeId = place();
    if (atPlaces && placeId && initial.premises.length > 0 && kindsAt(placeId).length === 0) {
      const kinds = (places.find((p) => p.id === placeId)?.kinds ?? []).join(punct().sep) || '—';
      issues.push({
        code: 'PACK_NOT_AT_PREMISES',
        severity: 'error',
        pointer: '/subject/premisesId',
        message: { 'zh-CN': t('packNotAtPlace').replace('{kinds}', kinds), en: t('packNotAtPlace').replace('{kinds}', kinds) },
      });
    }
    return issues;
  };

  root.addEventListener('change', async (e) => {
    const el = e.target.closest('[data-fact]');
    if (e.target.type === 'checkbox' && e.target.checked) {
      // "none of these" and the options exclude each other
      const others = e.target.dataset.none ? el.querySelectorAll('input:not([data-none])') : el.querySelectorAll('input[data-none]');
      others.forEach((box) => {
        box.checked = false;
      });
    }
    if (el?.type === 'file') {
      const id = el.dataset.fact;
      const status = root.querySelector(`#h-${CSS.escape(id)}`);
      status.textContent = t('uploading');
      try {
        evidenceIds.set(
          id,
          (await uploadUnbound(el.files, 'photo_before')).map((r) => r.id),
        );
        status.textContent = t('uploaded').replace('{n}', evidenceIds.get(id).length);
      } catch {
        evidenceIds.delete(id);
        status.textContent = t('uploadRetry');
      }
    }
    if (e.target.id === 'f-place') showPlaceKinds();
    refresh();
  });
  refresh();
  return { collect, place, showIssues, browserCheck, model: () => model };
}
