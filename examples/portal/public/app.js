// The demo portal's UI: hash routes (#/page/arg?query), one page per role, all data from the anjian API.
// Pages other than the login and the lists are loaded when first shown (fewer bytes and round
// trips before the first page on a slow network). The server sends this module bundled (one
// file, src/bundle-portal-ui.ts) and the page with a bootstrap (src/index-page.ts): who is
// signed in, the demo users and the home page's first answers.
import { cancelConfirm } from './confirm-dialog.js';
import { html, setHtml } from './html.js';
import { citation } from './hazard-sections.js';
import { lang, loc, punct, setLang, t } from './i18n.js';
import { signInPage, signOut } from './login-page.js';
import {
  api,
  app,
  bootstrap,
  dropBootstrap,
  entName,
  getOnce,
  hazardHref,
  isAbort,
  levelCell,
  localTime,
  me,
  newKey,
  onSignedOut,
  problemText,
  readableEnterprises,
  readBody,
  session,
  startNavigation,
} from './shared.js';
import { keepInput, restoreInput } from './keep-input.js';
import { inspectionHref, inspectionPage, inspectionsHref, inspectionsPage } from './inspections-page.js';
import { observationForm } from './observation-form.js';
import { serverTime } from './permissions.js';
import { listHref, worklistPage, worklistTable } from './worklist-page.js';

/** The rows of the user's worklist (GET /worklist: titles, due dates, overdue days), by hazard id; none when it cannot be had. */
async function worklistRows(signal, queue = 'all') {
  const res = await getOnce(`/worklist?queue=${queue}&size=100`, { credentials: 'same-origin', signal }).catch((error) => {
    if (isAbort(error)) throw error;
    return null; // offline: the queues below say so
  });
  const body = res?.ok ? await readBody(res) : null;
  signal.throwIfAborted();
  return { rows: new Map((body?.items ?? []).map((r) => [r.hazardId, r])), counts: body?.counts ?? {} };
}

/** A queue of the API as a worklist table (title first), or its empty state. */
function hazardTable(items, id, rows, emptyKey = 'empty') {
  if (!items.length) return html`<p id="${id}" data-count="0">${t(emptyKey)}</p>`;
  const full = items.map((h) => rows.get(h.hazardId) ?? { ...h, title: { 'zh-CN': entName(h.enterpriseId) }, enterpriseName: null, daysOverdue: 0, due: h.deadline });
  return worklistTable(full, id);
}

/** Links to the inspection records of each enterprise the user works with. */
const recordLinks = (enterprises) =>
  html`<h2>${t('recordsOf')}</h2><ul class="queues" id="record-links">${enterprises.map((e) => html`<li><a href="${inspectionsHref(e.id)}" data-enterprise="${e.id}">${loc(e.name)}</a></li>`)}</ul>`;

/** Links to the worklist's queues with their counts (the role page's entry to the full lists). */
const queueLinks = (counts) =>
  html`<nav aria-label="${t('queues')}"><ul class="queues" id="home-queues">${['todo', 'new', 'extension', 'overdue', 'closed'].map((k) => html`<li><a href="${listHref({ queue: k })}" data-queue="${k}">${t(`q_${k}`)} <span class="count">${counts[k] ?? 0}</span></a></li>`)}</ul></nav>`;

// ---------------------------------------------------------------- inspection form
/**
 * Pick an enterprise and a pack, fill the form rendered from the pack's facts, submit with
 * report=true: the enterprise's self-check and the grid inspector's patrol share it. The
 * server derives level, area and source; the request names only the enterprise. `signal` is
 * the page's navigation (the checklist's GET stops when the user leaves).
 */
function inspectionSection(root, packs, enterprises, signal) {
  // An officer's inspection has the second officer present: its 现场检查记录 carries both (issue 15). He gives a
  // co-sign code for the enterprise from his own session (the button, on his device); the first officer types it.
  const officer = !!me()?.roles.includes('enforcement');
  setHtml(
    root,
    html`
    <label>${t('enterpriseCol')} <select id="enterprise-select">${enterprises.map((e) => html`<option value="${e.id}">${loc(e.name)}${punct().open}${e.area}${punct().close}</option>`)}</select></label>
    <label>${t('pack')} <select id="pack-select"><option value="">${t('choose')}</option>${packs.map((p) => html`<option value="${p.id}">${loc(p.title)}</option>`)}</select></label>
    ${officer ? html`<p id="check-co-sign-row"><label>${t('coSignCode')} <input id="check-co-sign-code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" pattern="[0-9 ]*"></label> <button type="button" id="check-co-sign-give">${t('coSignGiveReport')}</button> <span id="check-co-sign-issued" role="status" aria-live="polite"></span></p>` : ''}
    <form id="check-form" novalidate><fieldset id="facts"></fieldset>
      <button type="submit" id="submit-check">${t('submitCheck')}</button></form>
    <div id="check-result" aria-live="polite"></div>`,
  );
  // As the second officer: a co-sign code for the chosen enterprise's inspection, to tell the first officer.
  root.querySelector('#check-co-sign-give')?.addEventListener('click', async () => {
    const enterpriseId = root.querySelector('#enterprise-select').value;
    const res = await api(`/enterprises/${encodeURIComponent(enterpriseId)}/co-sign-codes`, { method: 'POST', body: { act: 'report' } });
    setHtml(
      root.querySelector('#check-co-sign-issued'),
      res.ok
        ? html`<span class="message ok" id="check-co-sign-code-given" data-code="${res.body.code}">${t('coSignIssuedReport', { code: `${res.body.code.slice(0, 4)} ${res.body.code.slice(4)}`, time: localTime(res.body.expiresAt) })}</span>`
        : html`<span class="message error">${problemText(res)}</span>`,
    );
  });
  let form = null;
  let picked = 0; // the latest choice: a slower answer for an earlier one is dropped
  const formModule = import('./form.js'); // fetched now, while the user picks a checklist
  root.querySelector('#pack-select').addEventListener('change', async (e) => {
    const facts = root.querySelector('#facts');
    const choice = ++picked;
    const pack = e.target.value;
    e.target.removeAttribute('aria-invalid');
    if (pack) setHtml(root.querySelector('#check-result'), html``);
    delete facts.dataset.pack;
    form = null;
    if (!pack) {
      setHtml(facts, html``);
      return;
    }
    setHtml(facts, html`<p class="hint">${t('loading')}</p>`);
    // The enterprise's places in the directory: the form offers exactly these (the server derives their kinds).
    const enterpriseId = root.querySelector('#enterprise-select').value;
    const [r, placesRes, { renderFactForm }] = await Promise.all([
      api(`/packs/${encodeURIComponent(pack)}`, { signal }),
      getOnce(`/places?enterprise=${encodeURIComponent(enterpriseId)}`, { credentials: 'same-origin', signal }),
      formModule,
    ]).catch((error) => {
      if (isAbort(error)) return [null, null, {}];
      throw error;
    });
    if (!r || choice !== picked) return;
    const placesBody = placesRes ? await readBody(placesRes) : null;
    if (choice !== picked) return;
    if (!r.ok || !placesRes?.ok) {
      setHtml(facts, html`<p class="message error" id="pack-error">${r.ok ? problemText({ status: placesRes?.status ?? 0, body: placesBody }) : problemText(r)}</p>`);
      return;
    }
    // The inspection time is prefilled at the server's clock when it sent the pack (it refuses a time after its now).
    form = renderFactForm(facts, r.body, placesBody.places, serverTime(r));
    facts.dataset.pack = pack;
    facts.dataset.enterprise = enterpriseId;
  });
  // Another enterprise has other places: its form is drawn again.
  root.querySelector('#enterprise-select').addEventListener('change', () => {
    if (root.querySelector('#pack-select').value) root.querySelector('#pack-select').dispatchEvent(new Event('change'));
  });
  root.querySelector('#check-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const out = root.querySelector('#check-result');
    if (!form) {
      // No checklist chosen (or still loading): say so at the choice, never a button that does nothing.
      const choice = root.querySelector('#pack-select');
      if (!choice.value) {
        setHtml(out, html`<p class="message error" id="form-error">${t('errPackRequired')}</p>`);
        choice.setAttribute('aria-invalid', 'true');
        choice.setAttribute('aria-describedby', 'form-error');
        choice.focus();
      }
      return;
    }
    const errors = form.showIssues(form.browserCheck());
    if (errors > 0) {
      setHtml(out, html`<p class="message error" id="check-errors" data-source="browser">${t('fixErrorsCount').replace('{n}', errors)}</p>`);
      return;
    }
    const ent = enterprises.find((x) => x.id === root.querySelector('#enterprise-select').value);
    const premisesId = form.place();
    const inspection = { ...form.collect(), subject: { id: ent.id, enterpriseId: ent.id, name: loc(ent.name), ...(premisesId ? { premisesId } : {}) } };
    const button = root.querySelector('#submit-check');
    button.disabled = true;
    setHtml(out, html`<p class="hint" id="check-pending">${t('submitting')}</p>`);
    const coSignCode = root.querySelector('#check-co-sign-code')?.value.trim() || undefined;
    const r = await api('/inspections?report=true', { method: 'POST', body: inspection, key: newKey(), coSignCode }).finally(() => {
      button.disabled = false;
    });
    if (r.status === 422) {
      const n = form.showIssues(r.body?.issues ?? []);
      setHtml(out, html`<p class="message error" id="check-errors" data-source="server">${n ? t('fixErrorsCount').replace('{n}', n) : problemText(r)}</p>`);
      return;
    }
    if (!r.ok) {
      setHtml(out, html`<p class="message error">${problemText(r)}</p>`);
      return;
    }
    form.showIssues([]);
    const hz = r.body.classification.hazards;
    const ids = Object.fromEntries((r.body.reports ?? []).map((x) => [x.rule, x.hazardId]));
    const record = r.body.inspectionId ? html`<p><a id="view-record" href="${inspectionHref(r.body.inspectionId)}">${t('viewRecord')}</a></p>` : '';
    setHtml(
      out,
      !hz.length
        ? html`<p class="message" id="no-hazards">${t('noHazards')}</p>${record}`
        : html`<h3>${t('hazardsFound')}</h3>
      <table id="found-hazards"><tr><th>${t('level')}</th><th>${t('title')}</th><th>${t('explanation')}</th><th>${t('basis')}</th><th><span class="sr-only">${t('open')}</span></th></tr>
      ${hz.map(
        (h) => html`<tr class="found" data-level="${h.level}" data-rule="${h.rule}"><td>${levelCell(h)}</td><td>${loc(h.title)}</td><td>${loc(h.explanation)}</td>
        <td>${h.basis.map((b, i) => html`${i ? html`<br>` : ''}${citation(b)}`)}</td>
        <td>${ids[h.rule] ? html`<a href="${hazardHref(ids[h.rule])}">${t('open')}</a>` : ''}</td></tr>`,
      )}</table>${record}`,
    );
  });
}

// ---------------------------------------------------------------- pages
/**
 * A page whose module is loaded when first shown: `show(module, arg, query, signal)` runs once
 * it is loaded, unless the user has moved on meanwhile.
 */
const lazy = (load, show) => async (arg, query, signal) => {
  const module = await load();
  signal.throwIfAborted();
  return show(module, arg, query, signal);
};

/** The pages by name: `(arg, query, signal)`, `signal` being the navigation's (shared.js). */
const pages = {
  login: () => signInPage(),

  async enterprise(_arg, _query, signal) {
    const [queue, packs, list, open, readable] = await Promise.all([
      api('/queues/enterprise', { signal }),
      api('/packs', { signal }),
      worklistRows(signal),
      worklistRows(signal, 'open'),
      readableEnterprises(signal),
    ]);
    // The worklist's counts cover what the server lets the user read (core's read policy): for a
    // landlord its tenants' hazards at the premises it rents to them too. The page says so and
    // lists the tenants' open rows apart, so each count is rows of this page.
    const own = new Set(me()?.enterpriseIds ?? []);
    const tenantsIn = (rows) => [...rows.values()].filter((r) => !own.has(r.enterpriseId));
    const tenantNames = [...new Set(tenantsIn(list.rows).map((r) => loc(r.enterpriseName) || entName(r.enterpriseId)))];
    const tenantRows = tenantsIn(open.rows);
    setHtml(
      app,
      html`<h1>${t('enterprise')}${punct().colon}${entName(me()?.enterpriseIds[0])}</h1>${queueLinks(list.counts)}
      ${tenantNames.length ? html`<p class="hint" id="counts-include-tenants">${t('countsIncludeTenants', { names: tenantNames.join(lang() === 'en' ? ', ' : '、') })}</p>` : ''}
      <h2>${t('myHazards')}</h2>${queue.ok ? hazardTable(queue.body.items, 'my-hazards', list.rows) : html`<p class="message error">${problemText(queue)}</p>`}
      ${tenantRows.length ? html`<h2>${t('tenantHazards')}</h2>${worklistTable(tenantRows, 'tenant-hazards')}` : ''}
      <h2>${t('selfCheck')}</h2><div id="inspection"></div><div id="records"></div>`,
    );
    // Its own enterprise as the API's directory registers it (a landlord's listing has its tenants too).
    const ent = readable.find((x) => x.id === me()?.enterpriseIds[0]);
    setHtml(app.querySelector('#records'), recordLinks(ent ? [ent] : []));
    inspectionSection(app.querySelector('#inspection'), packs.body?.items ?? [], ent ? [ent] : [], signal);
  },

  async grid(_arg, _query, signal) {
    const areas = me()?.gridAreas ?? [];
    const [queue, list, ...verified] = await Promise.all([
      api('/queues/grid', { signal }),
      worklistRows(signal),
      ...areas.map((a) => api(`/hazards?area=${encodeURIComponent(a)}&status=verified`, { signal })),
    ]);
    const toClose = verified.flatMap((r) => (r.ok ? r.body.items : []));
    setHtml(
      app,
      html`<h1>${t('grid')}${punct().colon}${areas.join(punct().sep)}</h1>${queueLinks(list.counts)}
      <h2>${t('verifyQueue')}</h2>${queue.ok ? hazardTable(queue.body.items, 'verify-queue', list.rows) : problemText(queue)}
      <h2>${t('toClose')}</h2>${hazardTable(toClose, 'close-queue', list.rows)}
      <h2>${t('patrol')}</h2><div id="inspection"></div>
      <h2>${t('observation')}</h2><div id="observation"></div><div id="records"></div>`,
    );
    const [packs, mine] = await Promise.all([api('/packs', { signal }), readableEnterprises(signal)]);
    inspectionSection(app.querySelector('#inspection'), packs.body?.items ?? [], mine, signal);
    setHtml(app.querySelector('#records'), recordLinks(mine));
    observationForm(app.querySelector('#observation'), mine, [...new Set((packs.body?.items ?? []).map((p) => p.domain))]);
  },

  async enforcement(_arg, _query, signal) {
    const [queue, list, packs, mine] = await Promise.all([api('/queues/enforcement', { signal }), worklistRows(signal), api('/packs', { signal }), readableEnterprises(signal)]);
    setHtml(
      app,
      html`<h1>${t('enforcement')}</h1>${queueLinks(list.counts)}<h2>${t('majorQueue')}</h2>${queue.ok ? hazardTable(queue.body.items, 'major-queue', list.rows) : problemText(queue)}
      <h2>${t('officerInspection')}</h2><div id="inspection"></div>
      <h2>${t('observation')}</h2><div id="observation"></div><div id="records"></div>`,
    );
    // An officer reports what it sees in its own domains, for the enterprises of its areas.
    const departments = me()?.departments ?? [];
    const domains = [...new Set(departments.flatMap((d) => d.domains))];
    // The enterprises of its areas: the API's listing (the read policy of its jurisdiction).
    // An officer's own inspection (执法检查) with the checklists of its domains; the server records it as the officer's.
    inspectionSection(
      app.querySelector('#inspection'),
      (packs.body?.items ?? []).filter((p) => domains.includes(p.domain)),
      mine,
      signal,
    );
    setHtml(app.querySelector('#records'), recordLinks(mine));
    observationForm(app.querySelector('#observation'), mine, domains);
  },

  dashboard: lazy(
    () => import('./dashboard-page.js'),
    (m, _arg, query, signal) => m.dashboardPage(query, signal),
  ),
  list: (_arg, query, signal) => worklistPage(query, signal),
  hazard: lazy(
    () => import('./hazard-page.js'),
    (m, id, _query, signal) => m.hazardPage(id, signal),
  ),
  inspections: (_arg, query, signal) => inspectionsPage(query, signal),
  inspection: (id, _query, signal) => inspectionPage(id, signal),
  monitoring: lazy(
    () => import('./monitoring-page.js'),
    (m, _arg, query, signal) => m.monitoringPage(query, signal),
  ),
  reports: lazy(
    () => import('./reports-page.js'),
    (m, _arg, query, signal) => m.reportsPage(query, signal),
  ),
  // Rental premises, rounds and the enterprise file (issue 17).
  file: lazy(
    () => import('./relations-page.js'),
    (m, _arg, _query, signal) => m.ownFilePage(signal),
  ),
  dossier: lazy(
    () => import('./relations-page.js'),
    (m, id, _query, signal) => m.enterprisePage(id, signal),
  ),
  landlord: lazy(
    () => import('./relations-page.js'),
    (m, id, _query, signal) => m.landlordPage(id, signal),
  ),
  rounds: lazy(
    () => import('./relations-page.js'),
    (m, _arg, _query, signal) => m.roundsPage(signal),
  ),
  round: lazy(
    () => import('./relations-page.js'),
    (m, id, _query, signal) => m.roundPage(id, signal),
  ),
  // Hazardous-work permits (issue 19): the open jobs, the application, one permit.
  permits: lazy(
    () => import('./permits-page.js'),
    (m, _arg, _query, signal) => m.permitsPage(signal),
  ),
  permit: lazy(
    () => import('./permits-page.js'),
    (m, id, _query, signal) => m.permitPage(id, signal),
  ),
};

// ---------------------------------------------------------------- shell
/**
 * Shows the page of the hash. Each call is one navigation with its own AbortController: it
 * aborts the one before, whose GETs then reject and which draws nothing more, sets no
 * `data-page` and keeps the bootstrap (that was for the page still to be drawn).
 */
async function route() {
  const signal = startNavigation();
  const kept = keptForRedraw;
  keptForRedraw = null;
  cancelConfirm(); // a confirmation belongs to the page it was asked on
  const [path, query = ''] = location.hash.slice(1).split('?');
  const [, page = '', rawArg] = path.split('/');
  let arg = rawArg;
  try {
    arg = rawArg === undefined ? undefined : decodeURIComponent(rawArg);
  } catch {
    // a malformed escape stays as typed; the API answers 404 for it
  }
  // A lone surrogate cannot be encoded again (encodeURIComponent throws): U+FFFD in its place.
  if (typeof arg === 'string') arg = arg.toWellFormed();
  document.documentElement.lang = lang();
  document.querySelectorAll('[data-t]').forEach((el) => (el.textContent = t(el.dataset.t)));
  document.getElementById('lang-switch').textContent = t('switchLang');
  const u = me();
  setHtml(document.getElementById('who'), u ? html`<span id="who-name">${loc(u.name)}</span> <button type="button" id="logout" class="link-button">${t('logout')}</button>` : '');
  document.getElementById('logout')?.addEventListener('click', () => signOut());
  // Reports aggregate other enterprises' hazards: offered to supervisors only (the API decides the scope).
  const supervises = u?.roles.some((r) => r === 'grid' || r === 'enforcement' || r === 'department_admin');
  const links = u ? [...u.roles.filter((r) => pages[r]), 'list', 'monitoring', 'dashboard', ...(supervises ? ['reports', 'rounds'] : []), ...(u.roles.includes('enterprise') ? ['file'] : [])] : [];
  // Hazardous-work permits: an enterprise's own, a supervisor's open jobs by area.
  if (u && (supervises || u.roles.includes('enterprise'))) links.push('permits');
  setHtml(
    document.getElementById('nav'),
    html`${links.map((p) => (p === page || (!page && p === u?.home) ? html`<a href="#/${p}" aria-current="page">${t(`nav_${p}`)}</a>` : html`<a href="#/${p}">${t(`nav_${p}`)}</a>`))}`,
  );
  app.dataset.page = '';
  const name = !u || page === 'login' ? 'login' : pages[page] ? page : u.home;
  try {
    await pages[name](arg, new URLSearchParams(query), signal);
  } catch (error) {
    if (signal.aborted && isAbort(error)) return; // superseded: the next navigation draws
    throw error;
  }
  if (signal.aborted) return;
  dropBootstrap(); // what the page came with served the first page only
  // Unsent input of the page redrawn in the other language goes back into its forms.
  if (kept?.length) restoreInput(app, kept, signal);
  app.dataset.page = name; // set after render: tests wait for it
}
/** The input of the page as it was before a language switch, for route() to write back (none for other navigations). */
let keptForRedraw = null;

onSignedOut.handler = () => {
  location.hash = '#/login';
  route();
};
document.getElementById('lang-switch').addEventListener('click', () => {
  keptForRedraw = keepInput(app);
  setLang(lang() === 'zh-CN' ? 'en' : 'zh-CN');
  route();
});
window.addEventListener('hashchange', route);
// A redraw a page started itself (after a command, "refresh") ends in an AbortError when the
// user has moved on meanwhile: nothing to report.
window.addEventListener('unhandledrejection', (e) => {
  if (isAbort(e.reason)) e.preventDefault();
});
// A first visit came with the UI inlined: once the page is drawn, fetch its files for the next visit
// (src/index-page.ts); the next page links them from the cache.
const prefetchUi = () => {
  for (const href of bootstrap?.prefetch ?? []) {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = href;
    document.head.append(link);
  }
};
if (bootstrap) {
  // the page carries who is signed in and the demo users (src/index-page.ts)
  session.demo = bootstrap.demo ?? { users: [], enterprises: [] };
  session.me = bootstrap.me ?? null;
} else {
  const [demo, current] = await Promise.all([fetch('/demo/users').then(readBody), fetch('/session', { credentials: 'same-origin' })]);
  session.demo = demo ?? { users: [], enterprises: [] };
  session.me = current.ok ? ((await readBody(current))?.user ?? null) : null;
}
session.route = route;
route().then(() => setTimeout(prefetchUi, 500));
