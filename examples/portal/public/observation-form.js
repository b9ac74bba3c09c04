// A manual observation (现场发现): a hazard the grid inspector or an officer sees outside any
// checklist. Its own command, `report_observation`, with a bounded field set; it starts
// provisional until an enforcement officer other than the reporter confirms the level (core's
// permission table says who; the note names them). Photos are uploaded
// first (POST /api/evidence, unbound until the report binds them).
import { PERMISSION_TABLE } from '/vendor/anjian-core.js';
import { html, setHtml } from './html.js';
import { lang, loc, punct, t } from './i18n.js';
import { api, hazardHref, newKey, problemText, readBody, textOf } from './shared.js';

/** Who may confirm an observation's level: the roles core's permission table allows confirm_level, in words. */
const levelConfirmers = () => [...new Set(PERMISSION_TABLE.filter((r) => r.command === 'confirm_level').map((r) => r.role))].map((role) => t(`role_${role}`)).join(lang() === 'en' ? ', ' : '、');

/** Uploads files for a report to come; returns `{ id, kind }` refs or throws `{ response }`. */
export async function uploadUnbound(files, kind) {
  const refs = [];
  for (const file of files) {
    let res;
    try {
      res = await fetch('/api/evidence', {
        method: 'POST',
        body: file,
        credentials: 'same-origin',
        headers: { 'content-type': file.type || 'application/octet-stream', 'accept-language': lang() },
      });
    } catch {
      // no answer (offline, or an oversized upload cut off before the server answered)
      throw { response: { status: 0, body: { title: file.name, detail: t('networkError') } } };
    }
    const body = await readBody(res);
    if (!res.ok) throw { response: { status: res.status, body } };
    refs.push({ id: body.id, kind });
  }
  return refs;
}

/** Renders the observation form into `root` for these enterprises and domains. */
export function observationForm(root, enterprises, domains) {
  setHtml(
    root,
    html`<form id="observation-form" class="card" novalidate>
      <label>${t('enterpriseCol')} <select id="obs-enterprise">${enterprises.map((e) => html`<option value="${e.id}">${loc(e.name)}${punct().open}${e.area}${punct().close}</option>`)}</select></label>
      <label>${t('domain')} <select id="obs-domain">${domains.map((d) => html`<option value="${d}">${t(d)}</option>`)}</select></label>
      <label>${t('level')} <select id="obs-level"><option value="">${t('choose')}</option>${['simple', 'general', 'major'].map((l) => html`<option value="${l}">${t(l)}</option>`)}</select></label><br>
      <label>${t('title')} <input id="obs-title" maxlength="200"></label><br>
      <label>${t('description')} <textarea id="obs-description" maxlength="4000" rows="3"></textarea></label><br>
      <label>${t('photoBefore')} <input type="file" id="obs-photos" accept="image/*" multiple></label><br>
      <button type="submit" id="submit-observation">${t('reportObservation')}</button>
      <p class="hint" id="observation-note">${t('observationHint', { who: levelConfirmers() })}</p>
      <div id="observation-result"></div></form>`,
  );
  const form = root.querySelector('#observation-form');
  const out = form.querySelector('#observation-result');
  const fail = (message) => setHtml(out, html`<p class="message error" id="observation-error">${message}</p>`);
  const button = form.querySelector('#submit-observation');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    // One report per press: a second press while the photos go up would report the hazard twice.
    if (button.disabled) return;
    button.disabled = true;
    try {
      await submit();
    } finally {
      button.disabled = false;
    }
  });
  async function submit() {
    const value = (sel) => form.querySelector(sel).value.trim();
    if (!value('#obs-title')) return fail(t('errTitleRequired'));
    if (!value('#obs-level')) return fail(t('errLevelRequired'));
    let evidence;
    try {
      evidence = await uploadUnbound(form.querySelector('#obs-photos').files, 'photo_before');
    } catch (error) {
      return fail(html`${t('obsUploadFailed')}${punct().colon}${problemText(error.response)}`);
    }
    const hazardId = `obs-${newKey()}`;
    const description = value('#obs-description');
    const res = await api(`/hazards/${encodeURIComponent(hazardId)}/commands`, {
      method: 'POST',
      key: newKey(),
      body: {
        type: 'report_observation',
        title: textOf(value('#obs-title')),
        ...(description ? { description: textOf(description) } : {}),
        enterpriseId: value('#obs-enterprise'),
        domain: value('#obs-domain'),
        level: value('#obs-level'),
        evidence,
      },
    });
    if (!res.ok) return fail(problemText(res));
    location.hash = hazardHref(hazardId);
  }
}
