// Periodic reports (#/reports?kind=monthly&period=2026-11&area=D1): the weekly analysis, monthly
// bulletin and quarterly assessment of the API's GET /api/reports/{kind}. The numbers, the
// scope (a grid inspector gets its grid, an officer its department's domain) and the HTML with
// its SVG charts are the server's (core's buildPeriodicReport and renderReportHtml); this page
// picks the period, the area and the domain, shows the key figures, the report in a frame, and
// the downloads. Which areas and domains a user may name is the server's answer too: a user with
// several scopes (a grid inspector's grids, an officer's domains) who names none gets 400
// REPORT_SCOPE_REQUIRED with its choices; the page opens on the first and offers them all.
import { html, raw, setHtml } from './html.js';
import { lang, t } from './i18n.js';
import { app, areasOf, getJson, me, readableEnterprises } from './shared.js';
import { TERMS } from './terms.js';
import { percent, readScopes, reportScopeFor, reportWord } from '/vendor/anjian-core.js';

const KINDS = ['weekly', 'monthly', 'quarterly'];
/** The key figures shown above the report, in its order; their words and percentages are the report's own (core's reportWord, percent). */
const FIGURES = ['found', 'closureRate', 'closed', 'onTimeRate', 'overdue', 'recurrent', 'inspections'];
const RATES = ['closureRate', 'onTimeRate'];

/** The API path of a report in a format. */
function reportUrl(kind, params, format) {
  const q = new URLSearchParams();
  for (const k of ['period', 'area', 'domain']) if (params.get(k)) q.set(k, params.get(k));
  q.set('format', format);
  if (format !== 'json') q.set('lang', lang());
  return `/api/reports/${kind}?${q}`;
}

const unique = (xs) => [...new Set(xs)];

/**
 * The scopes the signed-in user may name, as the server listed them in its 400
 * REPORT_SCOPE_REQUIRED (`[{ area, domain? }]`, from core's read policy) — kept for the
 * user's later visits. `null`: not known yet; `'all'`: the user reads everything (core's
 * `readScopes`), so any area and domain may be named and none must be.
 */
let known = { user: null, choices: null };

/**
 * The scopes of `u`: `'all'`, the server's choices when already known, else core's
 * reportScopeFor over the user's read scopes (the rule the server applies, bundled) — so the
 * first visit asks for a scope the server accepts instead of a deliberate 400 that the browser
 * logs as an error; `null` when core grants none (the server then says why).
 */
function knownChoices(u) {
  if (u && readScopes(u) === 'all') return 'all';
  if (known.user === u?.id && known.choices) return known.choices;
  if (!u) return null;
  const decision = reportScopeFor(readScopes(u), {});
  if (decision.ok) return [decision.scope];
  return decision.choices.length ? decision.choices : null;
}

/**
 * The areas and domains the form offers: the server's choices (a dimension every choice names
 * must be named; one a choice leaves open offers "all" and every domain), or for a user who reads
 * everything the areas of the API's directory (`registered`: its listing's areas and the districts above
 * them) and every domain, "all" allowed.
 */
function formChoices(choices, registered) {
  const everyDomain = Object.keys(TERMS.domain);
  if (choices === 'all' || !choices?.length) return { areas: registered, allAreas: true, domains: everyDomain, allDomains: true };
  const open = choices.some((c) => !c.domain);
  return { areas: unique(choices.map((c) => c.area)), allAreas: false, domains: open ? everyDomain : unique(choices.map((c) => c.domain)), allDomains: open };
}

/** The first of the server's choices that keeps what the hash named, completed by it; none when no choice fits. */
function completed(named, choices) {
  const fit = choices.find((c) => (!named.area || c.area === named.area) && (!named.domain || !c.domain || c.domain === named.domain));
  return fit ? { ...fit, ...named } : null;
}

/** A select of `values` (labelled by `label`) with `current` selected; "all" first when `all`. A value not offered (typed into the hash) is kept. */
function choice(name, values, current, all, label) {
  const list = current && !values.includes(current) ? [...values, current] : values;
  const option = (v, text) => (v === current ? html`<option value="${v}" selected>${text}</option>` : html`<option value="${v}">${text}</option>`);
  return html`<select name="${name}" id="report-${name}">${all ? option('', t('allOption')) : ''}${list.map((v) => option(v, label(v)))}</select>`;
}

const form = (kind, query, c, scope) => html`<form id="report-form" class="filters">
  <label>${t('reportKind')} <select name="kind">${KINDS.map((k) => html`<option value="${k}" ${raw(k === kind ? 'selected' : '')}>${t(`report_${k}`)}</option>`)}</select></label>
  <label>${t('reportPeriod')} <input name="period" value="${query.get('period') ?? ''}" placeholder="2026-11 / 2026-W48 / 2026-Q4" size="12"></label>
  <label>${t('reportArea')} ${choice('area', c.areas, scope.area, c.allAreas, (a) => a)}</label>
  <label>${t('reportDomain')} ${choice('domain', c.domains, scope.domain, c.allDomains, (d) => t(d))}</label>
  <button type="submit">${t('reportShow')}</button></form>`;

/** The page: the form, then the report's key figures, downloads and the report itself; `signal` is the navigation's. */
export async function reportsPage(query, signal) {
  const kind = KINDS.includes(query.get('kind')) ? query.get('kind') : 'monthly';
  const u = me();
  const named = { ...(query.get('area') ? { area: query.get('area') } : {}), ...(query.get('domain') ? { domain: query.get('domain') } : {}) };
  let choices = knownChoices(u);
  let scope = { area: named.area ?? '', domain: named.domain ?? '' };
  // Who reads everything may name any area the API's directory registers (its listing, asked beside the report).
  const listing = choices === 'all' ? readableEnterprises(signal) : null;
  listing?.catch(() => {}); // awaited below; a navigation aborted before then drops it
  let registered = [];
  const draw = (rest) => {
    setHtml(app, html`<h1>${t('nav_reports')}</h1>${form(kind, query, formChoices(choices, registered), scope)}${rest}`);
    app.querySelector('#report-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(event.target);
      const q = new URLSearchParams();
      for (const [k, v] of data) if (String(v).trim()) q.set(k, String(v).trim());
      location.hash = `#/reports?${q}`;
    });
  };
  draw(html`<p class="hint" aria-busy="true">${t('loading')}</p>`);
  const ask = (s) => getJson(reportUrl(kind, new URLSearchParams({ ...(query.get('period') ? { period: query.get('period') } : {}), ...s }), 'json'), signal);
  // Which scope to ask for is the server's to say: it answers 400 REPORT_SCOPE_REQUIRED with the
  // scopes this user may name when one must be named (asked once, without a scope, when not known yet).
  let r = null;
  if (choices === null) {
    r = await ask({});
    if (r.status === 400 && r.body?.code === 'REPORT_SCOPE_REQUIRED' && Array.isArray(r.body.choices)) {
      choices = r.body.choices;
      r = null;
    } else if (r.ok) {
      // Answered without a scope: the user's only one.
      choices = [{ area: r.body.area, ...(r.body.domain === null ? {} : { domain: r.body.domain }) }];
      if (Object.keys(named).length) r = null;
    }
    if (Array.isArray(choices)) known = { user: u?.id ?? null, choices };
  }
  if (r === null) {
    const asked = Array.isArray(choices) ? (completed(named, choices) ?? named) : named;
    scope = { area: asked.area ?? '', domain: asked.domain ?? '' };
    r = await ask(asked);
  }
  // No choices of the server's (who reads everything, or a refusal): the areas of the listing, as the server narrows it.
  if (!Array.isArray(choices)) registered = areasOf(await (listing ?? readableEnterprises(signal)));
  if (!r.ok) {
    draw(html`<p class="message error" id="report-error" data-code="${r.body?.code ?? ''}">${r.body?.detail || r.body?.title || t('requestFailed')}</p>`);
    return;
  }
  const body = r.body;
  scope = { area: body.area ?? '', domain: body.domain ?? '' };
  const s = body.summary;
  const title = lang() === 'en' ? body.title.en : body.title['zh-CN'];
  const params = new URLSearchParams({ period: body.period.label, ...(body.area ? { area: body.area } : {}), ...(body.domain ? { domain: body.domain } : {}) });
  draw(
    html`<h2 id="report-title" data-period="${body.period.label}">${title}</h2>
    <div class="table-wrap"><table id="report-summary"><caption class="sr-only">${title}</caption>
      <tr>${FIGURES.map((k) => html`<th scope="col" data-figure="${k}">${reportWord(k, lang())}</th>`)}</tr>
      <tr>${FIGURES.map((k) => html`<td class="num" data-figure="${k}" ${raw(k === 'found' ? 'data-found' : '')}>${RATES.includes(k) ? percent(s[k]) : s[k]}</td>`)}</tr>
    </table></div>
    <p><a class="button-link" id="report-xlsx" href="${reportUrl(kind, params, 'xlsx')}" download>${t('reportDownloadXlsx')}</a>
    <a class="button-link" id="report-html" href="${reportUrl(kind, params, 'html')}" target="_blank" rel="noopener">${t('reportOpenHtml')}</a></p>
    <iframe id="report-frame" class="report-frame" title="${title}" src="${reportUrl(kind, params, 'html')}"></iframe>`,
  );
}
