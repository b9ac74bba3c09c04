// The dashboard: counts, charts and the daily series of GET /api/stats under filters kept
// in the URL hash (#/dashboard?domain=gas&level=major), the notification outbox and the SMS
// the demo gateway received.
import { html, raw, setHtml } from './html.js';
import { lang, loc, punct, t } from './i18n.js';
import { api, app, areasOf, entName, entNameOr, getOnce, hazardHref, isAbort, localTime, me, readableEnterprises, session, startOfLocalDay } from './shared.js';
import { permitHref } from './permits-page.js';
import { listHref } from './worklist-page.js';
import { areaCovers, readScopes } from '/vendor/anjian-core.js';

/** Filters of the hash, in this order; dates are local (UTC+8) `YYYY-MM-DD`. */
const FILTERS = ['domain', 'level', 'area', 'createdFrom', 'createdTo'];
const OUTBOX_COUNTS = ['pending', 'retrying', 'leased', 'delivered', 'dead'];
/** ECharts tooltips drawn on the canvas: its HTML tooltips use innerHTML and inline styles (refused by the CSP). */
const TOOLTIP = { renderMode: 'richText' };

/** The hash's filters, normalised (known names, non-empty values, fixed order). */
function filtersOf(query) {
  const f = new URLSearchParams();
  for (const name of FILTERS) if (query?.get(name)) f.set(name, query.get(name));
  return f;
}

/** The `/stats` query of the filters: dates become instants, `createdTo` inclusive of its day. */
function statsQuery(f) {
  const q = new URLSearchParams();
  for (const name of ['domain', 'level', 'area']) if (f.get(name)) q.set(name, f.get(name));
  if (f.get('createdFrom')) q.set('createdFrom', startOfLocalDay(f.get('createdFrom')));
  if (f.get('createdTo')) q.set('createdTo', new Date(Date.parse(startOfLocalDay(f.get('createdTo'))) + 86_400_000).toISOString());
  return q;
}

/** Recent SMS of the demo gateway; none when the route is missing or fails (an aborted navigation rejects). */
async function recentSms(signal) {
  try {
    const res = await getOnce('/demo/sms?limit=20', { credentials: 'same-origin', signal });
    if (!res.ok) return [];
    const body = await res.json();
    return Array.isArray(body?.messages) ? body.messages : [];
  } catch (error) {
    if (isAbort(error)) throw error;
    return [];
  }
}

function outboxPanel(outbox, sms) {
  const status = outbox.ok && outbox.body?.status && typeof outbox.body.status === 'object' ? outbox.body.status : null;
  const counts = status
    ? html`<div class="card" id="outbox-status">${OUTBOX_COUNTS.filter((k) => typeof status[k] === 'number').map((k, i) => html`${i ? ' · ' : ''}<b>${t(`ob_${k}`)}</b> <span data-ob="${k}">${status[k]}</span>`)}${['oldestPendingAt', 'nextRetryAt'].filter((k) => status[k]).map((k) => html` · <b>${t(k)}</b> <span data-ob="${k}">${localTime(status[k])}</span>`)}</div>`
    : html`<p class="hint" id="outbox-status" data-missing="true">${t('outboxStatusMissing')}</p>`;
  const dead = outbox.ok ? (outbox.body?.deadLetters ?? []) : [];
  const deadTable = dead.length
    ? html`<div class="table-wrap"><table id="outbox"><tr><th>${t('smsKind')}</th><th>${t('title')}</th><th>${t('obAttempts')}</th><th>${t('obError')}</th></tr>${dead.map((d) => html`<tr><td data-topic="${d.topic}">${t(`sms_${String(d.topic).replace(/^hazard\./, '')}`)}</td><td><a href="${hazardHref(d.hazardId)}">${t('open')}</a></td><td>${d.attempts}</td><td>${d.lastError}</td></tr>`)}</table></div>`
    : html`<p id="outbox">${t('outboxEmpty')}</p>`;
  const smsTable = sms.length
    ? html`<div class="table-wrap"><table id="sms-list" data-count="${sms.length}"><tr><th>${t('smsAt')}</th><th>${t('smsTo')}</th><th>${t('smsKind')}</th><th>${t('smsText')}</th><th><span class="sr-only">${t('open')}</span></th></tr>${sms.map((m) => html`<tr><td>${localTime(m.at)}</td><td>${m.to}</td><td data-kind="${m.kind}">${t(`sms_${String(m.kind).replace(/^hazard\./, '')}`)}</td><td>${m.text}</td><td>${m.hazardId ? html`<a href="${hazardHref(m.hazardId)}">${t('open')}</a>` : m.permitId ? html`<a href="${permitHref(m.permitId)}" data-permit="${m.permitId}">${t('open')}</a>` : ''}</td></tr>`)}</table></div>`
    : html`<p id="sms-list" data-count="0">${t('smsEmpty')}</p>`;
  return html`<h2>${t('outbox')}</h2><h3>${t('outboxStatus')}</h3>${counts}<h3>${t('deadLetters')}</h3>${deadTable}<h3>${t('sms')}</h3>${smsTable}`;
}

/** The years the demo's calendar counts Mon–Fri without an official arrangement (GET /demo/users: the host's declared choice), for the admin. */
function holidaysLine() {
  const years = session.demo.holidays?.assumed ?? [];
  return years.length ? html`<p class="hint" id="holidays-assumed">${t('holidaysAssumed', { years: years.join(lang() === 'en' ? ', ' : '、') })}</p>` : '';
}

/** The result of GET /api/audit/verify: intact or the first bad position of each kind. */
function auditResult(r) {
  if (!r.ok) return html`<p class="message error" id="audit-error" data-status="${r.status}">${r.body?.detail || r.body?.title || t('requestFailed')}</p>`;
  const a = r.body;
  return html`<div class="${a.ok ? 'message' : 'message error'}" id="audit-outcome" data-ok="${String(a.ok)}"><b>${t(a.ok ? 'auditOk' : 'auditBroken')}</b>${punct().open}${t('auditVerifiedAt')} ${localTime(a.verifiedAt)}${punct().close}·
    ${t('auditChecked', a.checked)} · ${t(a.checked?.signatures ? 'auditSignatures' : 'auditNoSignatures')}
    ${a.problems?.length ? html`<ul id="audit-problems">${a.problems.map((p) => html`<li data-kind="${p.kind}"><code>${p.kind} ${p.code}</code> ${loc(p.message)} <small>${JSON.stringify(p.position ?? {})}</small></li>`)}</ul>` : ''}</div>`;
}

/**
 * The areas the area filter offers, derived with core's read policy: of the areas of the
 * enterprises the API's directory lists for the user (`enterprises`, GET /enterprises: the
 * register narrowed on the server) with the districts above them, and the user's own grid and
 * department areas, those the user reads — every one for who reads everything, else those a
 * scope's area covers (its sub-areas too) and the areas of the enterprises an enterprise scope names.
 */
function areaChoices(profile, enterprises) {
  const scopes = profile ? readScopes(profile) : [];
  const known = new Set(areasOf(enterprises));
  if (scopes !== 'all') for (const scope of scopes) if (scope.area) known.add(scope.area);
  const reads = (area) => scopes === 'all' || scopes.some((scope) => (scope.area ? areaCovers(scope.area, area) : enterprises.some((e) => e.id === scope.enterpriseId && e.area === area)));
  return [...known].filter(reads).sort();
}

/**
 * The 统计范围 line: the scopes GET /stats counts over (core's readScopes, the function the
 * server asks), in words — every hazard for who reads everything, else each own enterprise
 * (with its tenants' hazards at premises it rents to them), each tenant the profile names,
 * each grid area and each area's domains. `tenants` (enterprise id → its current tenants' ids,
 * from the server's rental directory — the demo's user list carries no tenancies) names them;
 * an enterprise whose tenants could not be read keeps the words "if any".
 */
function scopeLine(profile, tenants) {
  const scopes = profile ? readScopes(profile) : [];
  if (scopes === 'all') return html`<p class="hint" id="stats-scope" data-scope="all">${t('statsScopeAll')}</p>`;
  const en = lang() === 'en';
  const sep = en ? ', ' : '、';
  const parts = [];
  const domains = new Map(); // area → its domains' words
  for (const s of scopes) {
    // The demo's user list carries no tenancies (the API's directory adds them): an own
    // enterprise's words say its tenants' hazards count too, as the server's read policy grants.
    const theirs = s.enterpriseId && !s.premisesId ? tenants.get(s.enterpriseId) : undefined;
    if (theirs) parts.push(t(theirs.length ? 'statsScopeOwnTenants' : 'statsScopeOwnAlone', { name: entName(s.enterpriseId), tenants: theirs.map((x) => entNameOr(x.id, x.name)).join(sep) }));
    else if (s.enterpriseId) parts.push(t(s.premisesId ? 'statsScopeTenant' : 'statsScopeOwn', { name: entName(s.enterpriseId) }));
    else if (s.area && s.domain) domains.set(s.area, [...(domains.get(s.area) ?? []), t(s.domain)]);
    else if (s.area) parts.push(s.area);
  }
  for (const [area, words] of domains) parts.push(en ? `${area} (${words.join(sep)})` : `${area}（${words.join(sep)}）`);
  const text = parts.length ? t('statsScopeSome', { scopes: [...new Set(parts)].join(sep) }) : t('statsScopeNone');
  return html`<p class="hint" id="stats-scope" data-scope="${parts.length ? 'some' : 'none'}">${text}</p>`;
}

/**
 * An enterprise user's own enterprises → their current tenants, `{ id, name }` (the landlord view of the
 * server's rental directory, GET /landlords/{id}/rental-points, names each from the directory): whose
 * hazards its counts include. An enterprise whose view cannot be read is left out (its line keeps "if any").
 */
async function tenantsOf(profile, signal) {
  const out = new Map();
  if (!profile?.roles.includes('enterprise')) return out;
  await Promise.all(
    (profile.enterpriseIds ?? []).map(async (id) => {
      const r = await api(`/landlords/${encodeURIComponent(id)}/rental-points`, { signal });
      // each tenant once, named as the server names it from the directory (tenantName)
      if (r.ok) out.set(id, [...new Map(r.body.premises.flatMap((p) => p.tenants.map((x) => [x.tenantEnterpriseId, { id: x.tenantEnterpriseId, name: x.tenantName }]))).values()]);
    }),
  );
  return out;
}

/** Renders the dashboard under the filters of `query` (the hash's URLSearchParams); `signal` is the navigation's. */
export async function dashboardPage(query, signal) {
  const f = filtersOf(query);
  const q = statsQuery(f);
  const sep = q.toString() ? '&' : '';
  // The outbox and the SMS log name every enterprise's hazards: the server shows them only to
  // who reads everything (core's read policy, the same function the server asks); others are not asked (each a 403).
  const profile = me();
  const readsAll = profile ? readScopes(profile) === 'all' : false;
  const [stats, daily, outbox, sms, packs, tenants, enterprises] = await Promise.all([
    api(`/stats?${q}`, { signal }),
    api(`/stats?${q}${sep}groupBy=day`, { signal }),
    readsAll ? api('/outbox', { signal }) : null,
    readsAll ? recentSms(signal) : [],
    api('/packs', { signal }),
    tenantsOf(profile, signal),
    readableEnterprises(signal),
  ]);
  const domains = [...new Set((packs.ok ? packs.body.items : []).map((p) => p.domain))];
  const areas = areaChoices(profile, enterprises);
  const select = (name, values, label) =>
    html`<label>${t(name)} <select id="filter-${name}" name="${name}"><option value="">${t('allOption')}</option>${values.map((v) => html`<option value="${v}"${f.get(name) === v && raw(' selected')}>${label(v)}</option>`)}</select></label>`;
  const s = stats.ok ? stats.body : null;
  // Every number and chart leads to the worklist under the same filters (dates are the dashboard's own).
  const drill = (extra) => listHref({ domain: f.get('domain'), level: f.get('level'), area: f.get('area'), ...extra });
  setHtml(
    app,
    html`<h1>${t('dashboard')}</h1>
    <form id="dashboard-filters" class="card filters" novalidate><b>${t('filters')}</b>
      ${select('domain', domains, t)} ${select('level', ['simple', 'general', 'major'], t)} ${select('area', areas, (a) => a)}
      <label>${t('createdFrom')} <input type="date" id="filter-createdFrom" name="createdFrom" value="${f.get('createdFrom') ?? ''}"></label>
      <label>${t('createdTo')} <input type="date" id="filter-createdTo" name="createdTo" value="${f.get('createdTo') ?? ''}"></label>
      <a href="#/dashboard" id="clear-filters">${t('clearFilters')}</a>
      <div id="filter-error"></div></form>
    ${
      s
        ? html`<div class="card" id="dashboard-stats" data-query="${f.toString()}"><b>${t('total')}</b> <a href="${drill({ queue: 'all' })}" id="drill-total"><span id="stat-total">${s.total}</span></a> ·
      <b>${t('closedCount')}</b> <a href="${drill({ queue: 'closed' })}" id="drill-closed"><span id="stat-closed">${s.closed}</span></a> ·
      <b>${t('overdue')}</b> <a href="${drill({ queue: 'overdue' })}" id="drill-overdue"><span id="stat-overdue">${s.overdue}</span></a> ·
      <b>${t('closureRate')}</b> <span id="stat-rate">${(Number(s.closureRate) * 100).toFixed(0)}%</span>
      ${scopeLine(profile, tenants)}</div>
    <p class="hint">${t('chartHint')}</p><div class="charts"><div class="chart" id="chart-level" role="img" aria-label="${t('byLevel')}"></div><div class="chart" id="chart-status" role="img" aria-label="${t('byStatus')}"></div><div class="chart" id="chart-domain" role="img" aria-label="${t('byDomain')}"></div><div class="chart" id="chart-time" role="img" aria-label="${t('overTime')}"></div></div>`
        : html`<p class="message error" id="stats-error" data-status="${stats.status}">${stats.body?.detail || stats.body?.title || t('requestFailed')}</p>`
    }
    ${!outbox || outbox.status === 403 ? '' : html`${outboxPanel(outbox, sms)}<h2>${t('auditVerify')}</h2><button type="button" id="audit-verify">${t('auditVerify')}</button><div id="audit-result"></div>${holidaysLine()}`}`,
  );
  app.querySelector('#audit-verify')?.addEventListener('click', async () => {
    setHtml(app.querySelector('#audit-result'), auditResult(await api('/audit/verify')));
  });

  const form = app.querySelector('#dashboard-filters');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('change', () => {
    const next = new URLSearchParams();
    for (const name of FILTERS) if (form.elements[name].value) next.set(name, form.elements[name].value);
    if (next.get('createdFrom') && next.get('createdTo') && next.get('createdFrom') > next.get('createdTo')) {
      setHtml(form.querySelector('#filter-error'), html`<p class="message error" id="form-error">${t('errDateRange')}</p>`);
      return;
    }
    location.hash = `#/dashboard${next.toString() ? `?${next}` : ''}`;
  });

  if (!s) return;
  // ECharts (1 MB) is loaded here only, when the dashboard is shown, never on other pages.
  const charts = app.querySelectorAll('.chart');
  charts.forEach((el) => {
    el.textContent = t('loading');
    el.setAttribute('aria-busy', 'true');
  });
  // The numbers above are the page; the charts follow when ECharts has arrived, so the page
  // counts as shown (the router marks it) without waiting for the library.
  drawCharts(charts, s, daily, drill, signal).catch(() => {
    charts.forEach((el) => {
      el.textContent = t('requestFailed');
      el.removeAttribute('aria-busy');
    });
  });
}

/** Draws the four charts into `charts` once ECharts is loaded (nothing when the page was left meanwhile). */
async function drawCharts(charts, s, daily, drill, signal) {
  const echarts = await import('/vendor/echarts.js');
  if (signal.aborted || !app.contains(charts[0] ?? null)) return; // the user went elsewhere meanwhile
  charts.forEach((el) => {
    el.textContent = '';
    el.removeAttribute('aria-busy');
  });
  const narrow = matchMedia('(max-width: 640px)').matches;
  const pie = (el, title, data, key) => {
    const chart = echarts.init(app.querySelector(el));
    chart.setOption({
      animation: false,
      title: { text: title, left: 'center' },
      tooltip: TOOLTIP,
      legend: narrow ? { bottom: 0 } : undefined,
      series: [{ type: 'pie', radius: narrow ? '45%' : '55%', label: { show: !narrow }, data }],
    });
    chart.on('click', (p) => {
      if (p.data?.code) location.hash = drill({ queue: 'all', [key]: p.data.code });
    });
  };
  pie(
    '#chart-level',
    t('byLevel'),
    Object.entries(s.byLevel)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => ({ name: t(k), value: v, code: k })),
    'level',
  );
  pie(
    '#chart-domain',
    t('byDomain'),
    Object.entries(s.byDomain).map(([k, v]) => ({ name: t(k), value: v, code: k })),
    'domain',
  );
  const statusChart = echarts.init(app.querySelector('#chart-status'));
  statusChart.on('click', (p) => {
    const code = Object.keys(s.byStatus)[p.dataIndex];
    if (code) location.hash = drill({ queue: 'all', status: code });
  });
  statusChart.setOption({
    animation: false,
    title: { text: t('byStatus'), left: 'center' },
    tooltip: TOOLTIP,
    xAxis: { type: 'category', data: Object.keys(s.byStatus).map((k) => t(k)), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: Object.values(s.byStatus) }],
  });
  const periods = daily.ok ? (daily.body.periods ?? []) : [];
  echarts.init(app.querySelector('#chart-time')).setOption({
    animation: false,
    title: { text: t('overTime'), left: 'center' },
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    legend: { bottom: 0 },
    xAxis: { type: 'category', data: periods.map((p) => p.period) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('total'), type: 'bar', data: periods.map((p) => p.total) },
      { name: t('closedCount'), type: 'bar', data: periods.map((p) => p.closed) },
    ],
  });
}
