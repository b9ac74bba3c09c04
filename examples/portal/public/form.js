// The self-inspection form, rendered from a pack (GET /api/packs/{id}). Which questions are
// asked and required comes from core's formModel, and validation from core's checkFindings —
// the very code the server runs (served bundled by the portal server) — so the form and the
// server cannot disagree. The form decides nothing about applicability itself.
import { checkFindings, formModel, issueForUsers } from '/vendor/anjian-core.js';
import { html, setHtml } from './html.js';
import { loc, t } from './i18n.js';
import { uploadUnbound } from './observation-form.js';

/** Now as local time in China (UTC+8), `YYYY-MM-DDTHH:mm` for a datetime-local input. */
const nowInChina = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);
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
 * Renders the form of `pack` into `host`; returns `{ collect, showIssues, browserCheck, model }`.
 * Every question is rendered once; choosing a premises kind and answering show and hide
 * them as `formModel` says. The form lives in an element of its own inside `host`, with its
 * listeners: rendering another pack into the same host replaces it, listeners and all (a
 * listener of the form before would otherwise run on the new form's answers).
 */
export function renderFactForm(host, pack) {
  const initial = formModel(pack, {});
  const hintIds = (q) => [`h-${q.id}`, `e-${q.id}`].join(' ');
  setHtml(
    host,
    html`<div class="fact-form">
    <div class="form-errors" id="form-errors" role="alert" hidden></div>
    <div class="field" data-field="premises"><label for="f-premises">${t('premises')}${initial.premisesMatters ? html` <span class="required-mark" aria-hidden="true">*</span>` : ''}</label>
      <select id="f-premises" name="premises" aria-describedby="e-premises"${initial.premisesMatters ? html` aria-required="true"` : ''}><option value="">${t('choose')}</option>${initial.premises.map((p) => html`<option value="${p.id}">${loc(p.label)}</option>`)}</select>
      <div class="error" id="e-premises"></div></div>
    <div class="field" data-field="inspectedAt"><label for="f-inspectedAt">${t('inspectedAt')}</label>
      <input type="datetime-local" id="f-inspectedAt" name="inspectedAt" value="${nowInChina()}" aria-describedby="e-inspectedAt">
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
    const at = root.querySelector('#f-inspectedAt').value;
    const inspectedAt = at ? withOffset(at) : undefined;
    const all = {};
    for (const q of initial.questions) {
      const v = valueOf(q);
      if (v !== undefined) all[q.id] = v;
    }
    let answers = all;
    for (let round = 0; round < 8; round++) {
      model = formModel(pack, { premises, inspectedAt, answers });
      const next = Object.fromEntries(Object.entries(all).filter(([id]) => model.questions.find((q) => q.id === id)?.asked));
      if (Object.keys(next).length === Object.keys(answers).length) break;
      answers = next;
    }
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
      premises || !model.premisesMatters ? t('formProgress').replace('{answered}', answered).replace('{asked}', asked).replace('{missing}', requiredMissing) : t('choosePremisesFirst');
    host.dataset.asked = String(asked);
    return { premises, inspectedAt, answers };
  };

  const collect = () => {
    const { premises, inspectedAt, answers } = refresh();
    return { pack: pack.id, ...(premises ? { premises } : {}), ...(inspectedAt ? { inspectedAt } : {}), findings: answers };
  };

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
        issue.pointer === '/premises' || issue.pointer === '/inspectedAt'
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
      (factId === 'premises' || factId === 'inspectedAt' ? root.querySelector(`#f-${factId}`) : control(factId)).setAttribute('aria-invalid', 'true');
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

  const browserCheck = () => checkFindings(pack, collect());

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
    refresh();
  });
  refresh();
  return { collect, showIssues, browserCheck, model: () => model };
}
