// The self-inspection form, rendered from a pack's fact catalogue (GET /api/packs/{id}).
// Validation runs core's own checkFindings in the browser (served bundled by the portal
// server), so the browser shows exactly the server's messages.
import { checkFindings } from '/vendor/anjian-core.js';
import { html, raw, setHtml } from './html.js';
import { loc, t } from './i18n.js';

/** A CSS attribute selector for a fact id (ids come from the pack; quotes and backslashes escaped). */
const byAttr = (name, value) => `[${name}="${CSS.escape(String(value))}"]`;

function input(fact) {
  const id = `f-${fact.id}`;
  switch (fact.type) {
    case 'boolean':
      return html`<select id="${id}" name="${fact.id}" data-fact="${fact.id}"><option value="">${t('choose')}</option><option value="true">${t('yes')}</option><option value="false">${t('no')}</option></select>`;
    case 'number':
    case 'count': {
      const min = fact.min ?? (fact.type === 'count' ? 0 : undefined);
      return html`<input type="number" id="${id}" name="${fact.id}" data-fact="${fact.id}" step="${fact.type === 'count' ? 1 : 'any'}"${min !== undefined && html` min="${min}"`}${fact.max !== undefined && html` max="${fact.max}"`}> ${fact.unit ?? ''}`;
    }
    case 'enum':
      return html`<select id="${id}" name="${fact.id}" data-fact="${fact.id}"><option value="">${t('choose')}</option>${fact.options.map((o) => html`<option value="${o.value}">${loc(o.label)}</option>`)}</select>`;
    case 'multi':
      return html`<span id="${id}" data-fact="${fact.id}">${fact.options.map((o) => html`<label class="inline-option"><input type="checkbox" value="${o.value}"> ${loc(o.label)}</label> `)}</span>`;
    case 'date':
      return html`<input type="date" id="${id}" name="${fact.id}" data-fact="${fact.id}">`;
    case 'datetime':
      return html`<input type="datetime-local" id="${id}" name="${fact.id}" data-fact="${fact.id}">`;
    case 'evidence':
      return html`<input type="text" id="${id}" name="${fact.id}" data-fact="${fact.id}" placeholder="id1, id2">`;
    default:
      return html`<input type="text" id="${id}" name="${fact.id}" data-fact="${fact.id}"${fact.maxLength ? html` maxlength="${fact.maxLength * 2}"` : ''}>`;
  }
}

/** Renders the form into `root`; returns { collect, showIssues, refresh }. */
export function renderFactForm(root, pack) {
  const range = (f) => (f.min !== undefined || f.max !== undefined ? html` <span class="hint">[${f.min ?? '−∞'}, ${f.max ?? '∞'}]${f.unit ? ` ${f.unit}` : ''}</span>` : '');
  setHtml(root, html`
    <div class="field" data-field="premises"><label for="f-premises">${t('premises')}</label>
      <select id="f-premises" name="premises"><option value="">${t('choose')}</option>${pack.premises.map((p) => html`<option value="${p.id}">${loc(p.label)}</option>`)}</select>
      <div class="error"></div></div>
    ${pack.facts.map((f) => html`
      <div class="field" data-field="${f.id}">
        <label for="f-${f.id}">${loc(f.label)}${f.required && raw(' <span title="required">*</span>')}${range(f)}</label>
        ${input(f)}
        ${f.hint ? html`<div class="hint">${loc(f.hint)}</div>` : ''}
        <div class="error"></div>
      </div>`)}`);

  const valueOf = (fact) => {
    const el = root.querySelector(byAttr('data-fact', fact.id));
    if (fact.type === 'multi') {
      const checked = [...el.querySelectorAll('input:checked')].map((c) => c.value);
      return checked.length ? checked : undefined;
    }
    const raw = el.value.trim();
    if (raw === '') return undefined;
    if (fact.type === 'boolean') return raw === 'true';
    if (fact.type === 'number' || fact.type === 'count') return Number(raw);
    if (fact.type === 'datetime') return `${raw.length === 16 ? `${raw}:00` : raw}+08:00`;
    if (fact.type === 'evidence') return raw.split(/[,，\s]+/).filter(Boolean);
    return raw;
  };

  // A fact applies when core's check does not call an answer to it "not applicable".
  const applies = (fact, findings) => {
    if (!fact.when) return true;
    const probe = { pack: pack.id, findings: { ...findings, [fact.id]: findings[fact.id] ?? 0 } };
    return !checkFindings(pack, probe).some((i) => i.code === 'NOT_APPLICABLE_ANSWER' && i.pointer === `/findings/${fact.id}`);
  };

  const collect = () => {
    const all = {};
    for (const f of pack.facts) {
      const v = valueOf(f);
      if (v !== undefined) all[f.id] = v;
    }
    const findings = {};
    for (const f of pack.facts) {
      const ok = applies(f, all);
      root.querySelector(byAttr('data-field', f.id)).hidden = !ok;
      if (ok && all[f.id] !== undefined) findings[f.id] = all[f.id];
    }
    const premises = root.querySelector('#f-premises').value;
    return { pack: pack.id, ...(premises ? { premises } : {}), inspectedAt: new Date().toISOString(), findings };
  };

  /** Shows issues ({ pointer, message, severity }) next to their fields; returns the error count. */
  const showIssues = (issues) => {
    root.querySelectorAll('.field').forEach((el) => { el.classList.remove('invalid'); el.querySelector('.error').textContent = ''; });
    let errors = 0;
    for (const issue of issues) {
      if (issue.severity !== 'error') continue;
      errors++;
      const factId = (issue.pointer ?? '').split('/')[2] ?? (issue.pointer === '/premises' ? 'premises' : '');
      const field = root.querySelector(byAttr('data-field', issue.pointer === '/premises' ? 'premises' : factId));
      if (!field) continue;
      field.classList.add('invalid');
      const box = field.querySelector('.error');
      box.textContent = [box.textContent, loc(issue.message)].filter(Boolean).join('；');
    }
    return errors;
  };

  const browserCheck = () => checkFindings(pack, collect());
  root.addEventListener('change', () => collect());
  collect();
  return { collect, showIssues, browserCheck };
}
