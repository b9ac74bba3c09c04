// Periodic reports (#/reports?kind=monthly&period=2026-11&area=D1): the weekly analysis, monthly
// bulletin and quarterly assessment of the API's GET /api/reports/{kind}. The numbers, the
// scope (a grid inspector gets its grid, an officer its department's domain) and the HTML with
// its SVG charts are the server's (core's buildPeriodicReport and renderReportHtml); this page
// picks the period, the area and the domain (from the user's own: a grid inspector opens on its
// first grid, an officer on its first domain, both of which the API asks them to name), shows
// the key figures, the report in a frame, and the downloads.
import { html, raw, setHtml } from './html.js';
import { lang, t } from './i18n.js';
import { app, getJson, me, session } from './shared.js';
import { TERMS } from './terms.js';

const KINDS = ['weekly', 'monthly', 'quarterly'];
const pct = (x) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

/** The API path of a report in a format. */
function reportUrl(kind, params, format) {
  const q = new URLSearchParams();
  for (const k of ['period', 'area', 'domain']) if (params.get(k)) q.set(k, params.get(k));
  q.set('format', format);
  if (format !== 'json') q.set('lang', lang());
  return `/api/reports/${kind}?${q}`;
}

const unique = (xs) => [...new Set(xs)];
/** An area and the areas above it (D1/G1 → D1, D1/G1). */
const withParents = (area) => area.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));

/**
 * The areas and domains the form offers: the user's own (a grid inspector's grids, an officer's
 * departments' areas and domains), any for an admin. `all` says whether "all" may be left
 * (the whole scope) or one must be named; the server decides what may be read either way.
 */
function choices(u) {
  const everyDomain = Object.keys(TERMS.domain);
  if (u?.roles.includes('grid')) return { areas: u.gridAreas ?? [], allAreas: false, domains: everyDomain, allDomains: true };
  if (u?.roles.includes('enforcement')) {
    const departments = u.departments ?? [];
    return { areas: unique(departments.flatMap((d) => d.areas)), allAreas: true, domains: unique(departments.flatMap((d) => d.domains)), allDomains: false };
  }
  return { areas: unique(session.demo.enterprises.flatMap((e) => withParents(e.area))).sort(), allAreas: true, domains: everyDomain, allDomains: true };
}

/** The report's scope: the hash's area and domain, else the first of the user's own when one must be named. */
function scopeOf(query, c) {
  return {
    area: query.get('area') ?? (c.allAreas ? '' : (c.areas[0] ?? '')),
    domain: query.get('domain') ?? (c.allDomains ? '' : (c.domains[0] ?? '')),
  };
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
  const c = choices(me());
  const scope = scopeOf(query, c);
  const asked = new URLSearchParams(query);
  for (const [k, v] of Object.entries(scope)) if (v) asked.set(k, v);
  setHtml(app, html`<h1>${t('nav_reports')}</h1>${form(kind, query, c, scope)}<p class="hint" aria-busy="true">${t('loading')}</p>`);
  const bind = () =>
    app.querySelector('#report-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(event.target);
      const q = new URLSearchParams();
      for (const [k, v] of data) if (String(v).trim()) q.set(k, String(v).trim());
      location.hash = `#/reports?${q}`;
    });
  bind();
  const { ok, body } = await getJson(reportUrl(kind, asked, 'json'), signal);
  if (!ok) {
    setHtml(app, html`<h1>${t('nav_reports')}</h1>${form(kind, query, c, scope)}<p class="message error" id="report-error">${body?.detail || body?.title || t('requestFailed')}</p>`);
    bind();
    return;
  }
  const s = body.summary;
  const title = lang() === 'en' ? body.title.en : body.title['zh-CN'];
  const params = new URLSearchParams({ period: body.period.label, ...(body.area ? { area: body.area } : {}), ...(body.domain ? { domain: body.domain } : {}) });
  setHtml(
    app,
    html`<h1>${t('nav_reports')}</h1>${form(kind, query, c, scope)}
    <h2 id="report-title" data-period="${body.period.label}">${title}</h2>
    <div class="table-wrap"><table id="report-summary"><caption class="sr-only">${title}</caption>
      <tr><th scope="col">${t('reportFound')}</th><th scope="col">${t('reportClosureRate')}</th><th scope="col">${t('reportClosed')}</th><th scope="col">${t('reportOnTime')}</th><th scope="col">${t('reportOverdue')}</th><th scope="col">${t('reportRecurrent')}</th><th scope="col">${t('reportInspections')}</th></tr>
      <tr><td class="num" data-found>${s.found}</td><td class="num">${pct(s.closureRate)}</td><td class="num">${s.closed}</td><td class="num">${pct(s.onTimeRate)}</td><td class="num">${s.overdue}</td><td class="num">${s.recurrent}</td><td class="num">${s.inspections}</td></tr>
    </table></div>
    <p><a class="button-link" id="report-xlsx" href="${reportUrl(kind, params, 'xlsx')}" download>${t('reportDownloadXlsx')}</a>
    <a class="button-link" id="report-html" href="${reportUrl(kind, params, 'html')}" target="_blank" rel="noopener">${t('reportOpenHtml')}</a></p>
    <iframe id="report-frame" class="report-frame" title="${title}" src="${reportUrl(kind, params, 'html')}"></iframe>`,
  );
  bind();
}
