// Inspection records (#/inspections?enterprise=E1 and #/inspection/<id>): what was submitted
// and when, by whom, with which checklist, the answers in the checklist's own words and the
// hazards it reported (links to their pages). Records come from the portal's GET /inspections
// (core's inspection log; who may see one is core's read policy).
import { html, setHtml } from './html.js';
import { loc, punct, t } from './i18n.js';
import { api, app, entName, entNameOr, getJson, hazardHref, levelCell, localTime, personName } from './shared.js';

const SOURCE_TERM = { self_check: 'term_selfInspection', grid_patrol: 'term_patrol', enforcement: 'term_enforcementInspection' };
const sourceName = (s) => t(SOURCE_TERM[s] ?? s);
/** A hash link to one record. */
export const inspectionHref = (id) => `#/inspection/${encodeURIComponent(id)}`;
/** A hash link to an enterprise's records. */
export const inspectionsHref = (enterpriseId) => `#/inspections?enterprise=${encodeURIComponent(enterpriseId)}`;

/** An enterprise's inspections, newest first (20 a page; `before` pages on); `signal` is the navigation's. */
export async function inspectionsPage(query, signal) {
  const enterprise = query.get('enterprise') ?? '';
  const before = query.get('before');
  setHtml(app, html`<h1>${t('term_inspectionRecord')}</h1><p class="hint" aria-busy="true">${t('loading')}</p>`);
  const r = await getJson(`/inspections?enterprise=${encodeURIComponent(enterprise)}${before ? `&before=${encodeURIComponent(before)}` : ''}`, signal);
  if (!r.ok) {
    setHtml(app, html`<h1>${t('term_inspectionRecord')}</h1><p class="message error" id="inspections-error">${r.body?.detail || r.body?.title || t('requestFailed')}</p>`);
    return;
  }
  const { items, next } = r.body;
  setHtml(
    app,
    html`<h1>${t('inspectionsOf', { name: entNameOr(enterprise, r.body.enterprise.name) })}</h1>
    ${
      items.length
        ? html`<div class="table-wrap"><table id="inspections" class="cards" data-count="${items.length}"><tr><th scope="col">${t('inspectedAt')}</th><th scope="col">${t('checklist')}</th><th scope="col">${t('inspectionKind')}</th><th scope="col">${t('inspector')}</th><th scope="col" class="num">${t('hazardsFound')}</th></tr>
      ${items.map(
        (
          i,
        ) => html`<tr data-inspection="${i.id}"><td data-label="${t('inspectedAt')}"><a href="${inspectionHref(i.id)}">${localTime(i.inspectedAt ?? i.recordedAt)}</a></td><td data-label="${t('checklist')}">${loc(i.packTitle)}</td>
        <td data-label="${t('inspectionKind')}">${sourceName(i.source)}</td><td data-label="${t('inspector')}">${personName(i.actorId)}</td><td data-label="${t('hazardsFound')}" class="num">${i.hazards}${i.major ? html` <span class="badge level-major">${t('major')} ${i.major}</span>` : ''}</td></tr>`,
      )}</table></div>`
        : html`<p id="inspections" data-count="0">${t('inspectionsNone')}</p>`
    }
    ${next ? html`<p><a id="inspections-older" href="${`${inspectionsHref(enterprise)}&before=${encodeURIComponent(next)}`}">${t('olderRecords')}</a></p>` : ''}`,
  );
}

/**
 * The photos of an evidence question: thumbnails (GET /api/evidence/{id}?thumb=1) for whoever
 * reads the record — the server binds the photos of an answer to the hazard its item reported,
 * or else to the inspection record, and shows them to whoever may read that (core's read policy).
 */
function photosAnswer(ids) {
  if (!ids.length) return '—';
  return html`<ul class="evidence-thumbs" data-photos="${ids.length}">${ids.map((id) => {
    const href = `/api/evidence/${encodeURIComponent(id)}`;
    return html`<li><a href="${href}" target="_blank" rel="noopener"><img src="${href}?thumb=1" alt="${t('photo')}" width="120" height="90"></a></li>`;
  })}</ul>`;
}

/** One answer in the checklist's words: option labels, 是/否, numbers with their unit, photos. */
function answerText(fact, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (fact?.type === 'evidence' && Array.isArray(value)) return photosAnswer(value);
  const option = (v) => loc(fact?.options?.find((o) => o.value === v)?.label) || String(v);
  if (Array.isArray(value)) return value.length ? value.map(option).join(punct().sep) : t('noneOfThese');
  if (typeof value === 'boolean') return t(value ? 'yes' : 'no');
  if (fact?.options) return option(value);
  if (typeof value === 'number') return `${value}${fact?.unit ? ` ${fact.unit}` : ''}`;
  if (typeof value === 'object') return `${value.length ?? value.value ?? ''}`;
  return String(value);
}

/** One inspection: who, when, which checklist, the answers and the hazards it reported; `signal` is the navigation's. */
export async function inspectionPage(id, signal) {
  setHtml(app, html`<h1>${t('term_inspectionRecord')}</h1><p class="hint" aria-busy="true">${t('loading')}</p>`);
  const r = await getJson(`/inspections/${encodeURIComponent(id ?? '')}`, signal);
  if (!r.ok) {
    setHtml(app, html`<h1>${t('term_inspectionRecord')}</h1><p class="message error" id="inspection-error">${r.body?.detail || r.body?.title || t('requestFailed')}</p>`);
    return;
  }
  const { record, packTitle } = r.body;
  const pack = await api(`/packs/${encodeURIComponent(record.pack.id)}`, { signal });
  const facts = new Map((pack.ok ? pack.body.facts : []).map((f) => [f.id, f]));
  const premises = pack.ok ? pack.body.premises?.find((p) => p.id === record.inspection.premises) : undefined;
  const answers = Object.entries(record.inspection.findings ?? {});
  setHtml(
    app,
    html`<h1>${t('term_inspectionRecord')}${punct().colon}${entName(record.enterpriseId)}</h1>
    <p><a href="${inspectionsHref(record.enterpriseId)}" id="back-to-inspections">${t('inspectionsOf', { name: entName(record.enterpriseId) })}</a></p>
    <dl class="card facts" id="inspection-facts">
      <dt>${t('inspectedAt')}</dt><dd>${localTime(record.inspectedAt ?? record.recordedAt)}</dd>
      <dt>${t('inspectionKind')}</dt><dd id="inspection-kind">${sourceName(record.source)}</dd>
      <dt>${t('inspector')}</dt><dd>${personName(record.actorId)}</dd>
      <dt>${t('checklist')}</dt><dd>${loc(packTitle) || record.pack.id}</dd>
      ${premises ? html`<dt>${t('premises')}</dt><dd>${loc(premises.label)}</dd>` : ''}
    </dl>
    <h2>${t('hazardsFound')}</h2>
    ${
      record.hazards.length
        ? html`<ul id="inspection-hazards">${record.hazards.map((h) => html`<li data-hazard="${h.hazardId}">${levelCell(h)} <a href="${hazardHref(h.hazardId)}">${loc(h.title)}</a></li>`)}</ul>`
        : html`<p id="inspection-hazards" data-count="0">${t('noHazards')}</p>`
    }
    <h2>${t('answers')}</h2>
    <table id="inspection-answers" class="cards">${answers.map(([factId, value]) => html`<tr><th scope="row">${loc(facts.get(factId)?.label) || factId}</th><td>${answerText(facts.get(factId), value)}</td></tr>`)}</table>`,
  );
}
