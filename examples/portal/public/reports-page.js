// Periodic reports (#/reports?kind=monthly&period=2026-11&area=D1): the weekly analysis, monthly
// bulletin and quarterly assessment of the API's GET /api/reports/{kind}. The numbers, the
// scope (a grid inspector gets its grid, an officer its department's domain) and the HTML with
// its SVG charts are the server's (core's buildPeriodicReport and renderReportHtml); this page
// picks the period, shows the key figures, the report in a frame, and the downloads.
import { html, raw, setHtml } from './html.js';
import { lang, t } from './i18n.js';
import { app, getJson } from './shared.js';

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

const form = (kind, query) => html`<form id="report-form" class="filters">
  <label>${t('reportKind')} <select name="kind">${KINDS.map((k) => html`<option value="${k}" ${raw(k === kind ? 'selected' : '')}>${t(`report_${k}`)}</option>`)}</select></label>
  <label>${t('reportPeriod')} <input name="period" value="${query.get('period') ?? ''}" placeholder="2026-11 / 2026-W48 / 2026-Q4" size="12"></label>
  <label>${t('reportArea')} <input name="area" value="${query.get('area') ?? ''}" placeholder="D1" size="10"></label>
  <label>${t('reportDomain')} <input name="domain" value="${query.get('domain') ?? ''}" placeholder="gas" size="12"></label>
  <button type="submit">${t('reportShow')}</button></form>`;

/** The page: the form, then the report's key figures, downloads and the report itself; `signal` is the navigation's. */
export async function reportsPage(query, signal) {
  const kind = KINDS.includes(query.get('kind')) ? query.get('kind') : 'monthly';
  setHtml(app, html`<h1>${t('nav_reports')}</h1>${form(kind, query)}<p class="hint" aria-busy="true">${t('loading')}</p>`);
  const bind = () =>
    app.querySelector('#report-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(event.target);
      const q = new URLSearchParams();
      for (const [k, v] of data) if (String(v).trim()) q.set(k, String(v).trim());
      location.hash = `#/reports?${q}`;
    });
  bind();
  const { ok, body } = await getJson(reportUrl(kind, query, 'json'), signal);
  if (!ok) {
    setHtml(app, html`<h1>${t('nav_reports')}</h1>${form(kind, query)}<p class="message error" id="report-error">${body?.detail || body?.title || t('requestFailed')}</p>`);
    bind();
    return;
  }
  const s = body.summary;
  const title = lang() === 'en' ? body.title.en : body.title['zh-CN'];
  const params = new URLSearchParams({ period: body.period.label, ...(body.area ? { area: body.area } : {}), ...(body.domain ? { domain: body.domain } : {}) });
  setHtml(
    app,
    html`<h1>${t('nav_reports')}</h1>${form(kind, query)}
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
