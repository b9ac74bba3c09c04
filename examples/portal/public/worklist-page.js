// The worklist (#/list?queue=todo&q=…&sort=due&dir=asc&page=1&level=…&domain=…&status=…&
// enterprise=…&area=…): queues per role, search over title, enterprise, rule and number,
// filters, sort, paging, the archive of closed hazards, rankings by enterprise and grid area,
// and the .xlsx export of the same selection. Rows come from the portal's GET /worklist (core
// decides the due date and what is "for me"); everything is kept in the hash, so a reload or
// a link from the dashboard opens the same list. Below the hazards, the round members the user
// still has to inspect (core's round coverage: due, or overdue after the round's end).
import { html, setHtml } from './html.js';
import { lang, loc, t } from './i18n.js';
import { app, entName, entNameOr, getJson, hazardHref, levelCell, localTime } from './shared.js';
import { TERMS } from './terms.js';

const QUEUES = ['todo', 'new', 'extension', 'overdue', 'open', 'closed', 'all'];
const SORTS = ['due', 'updated', 'created', 'level', 'enterprise', 'overdue'];
const KEEP = ['q', 'level', 'domain', 'status', 'enterprise', 'area', 'sort', 'dir'];

/** A hash link to the list with `params` (empty values dropped). */
export function listHref(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return `#/list${q.toString() ? `?${q}` : ''}`;
}

const current = (query) => Object.fromEntries([...KEEP, 'queue', 'page'].map((k) => [k, query.get(k) ?? '']));

function rankingTable(id, caption, rows, hrefOf) {
  if (!rows.length) return html`<p id="${id}" data-count="0">${t('empty')}</p>`;
  return html`<table id="${id}" data-count="${rows.length}"><caption>${caption}</caption><tr><th scope="col">${t('rank')}</th><th scope="col">${t('name')}</th><th scope="col" class="num">${t('q_open')}</th><th scope="col" class="num">${t('q_overdue')}</th><th scope="col" class="num">${t('major')}</th><th scope="col" class="num">${t('closedCount')}</th></tr>
    ${rows.map((r, i) => html`<tr><td>${i + 1}</td><td><a href="${hrefOf(r)}">${loc(r.name)}</a></td><td class="num">${r.open}</td><td class="num">${r.overdue}</td><td class="num">${r.major}</td><td class="num">${r.closed}</td></tr>`)}</table>`;
}

/** The list's table: one row per hazard, title first; a card per hazard on phones. */
export function worklistTable(items, id) {
  if (!items.length) return '';
  return html`<div class="table-wrap"><table id="${id}" class="cards" data-count="${items.length}"><tr><th scope="col">${t('title')}</th><th scope="col">${t('enterpriseCol')}</th><th scope="col">${t('level')}</th><th scope="col">${t('status')}</th><th scope="col">${t('term_deadline')}</th><th scope="col">${t('overdueCol')}</th></tr>
    ${items.map(
      (
        r,
      ) => html`<tr data-hazard="${r.hazardId}" data-status="${r.status}"><td class="title-cell" data-label="${t('title')}"><a href="${hazardHref(r.hazardId)}">${loc(r.title)}</a>${r.ref ? html` <small class="ref">${r.ref}</small>` : ''}${r.pendingExtension ? html` <span class="badge">${t('q_extension')}</span>` : ''}${r.stopWork ? html` <span class="badge">${t('term_stopWork')}</span>` : ''}${r.listed ? html` <span class="badge">${t('term_listed')}</span>` : ''}</td>
      <td data-label="${t('enterpriseCol')}">${loc(r.enterpriseName) || entName(r.enterpriseId)} <small>${r.area}</small></td><td data-label="${t('level')}">${levelCell(r)}</td><td class="status" data-label="${t('status')}">${t(r.status)}</td>
      <td data-label="${t('term_deadline')}">${r.due ? localTime(r.due) : '—'}${r.dueSource === 'report' ? html` <small class="hint">${t('dueProjected')}</small>` : ''}</td><td data-label="${t('overdueCol')}" class="num">${r.daysOverdue ? html`<span class="badge overdue">${t('daysOverdue', { n: r.daysOverdue })}</span>` : '—'}</td></tr>`,
    )}</table></div>`;
}

const R = {
  roundWork: ['轮次待查', 'Rounds still to inspect'],
  round: ['轮次', 'Round'],
  endsOn: ['截止日期', 'Last day'],
  due: ['待检查（剩 {n} 天）', 'due ({n} days left)'],
  overdue: ['逾期未检 {n} 天', 'overdue by {n} days'],
};
const rw = (key, vars = {}) => R[key][lang() === 'en' ? 1 : 0].replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));

/** The round members still to inspect: one row per round and enterprise, overdue first (the server's order). */
function roundWorkTable(rounds) {
  if (!rounds?.length) return '';
  return html`<h2>${rw('roundWork')}</h2><div class="table-wrap"><table id="worklist-rounds" data-count="${rounds.length}"><tr><th scope="col">${rw('round')}</th><th scope="col">${t('enterpriseCol')}</th><th scope="col">${rw('endsOn')}</th><th scope="col">${t('status')}</th></tr>
    ${rounds.map(
      (w) =>
        html`<tr data-round="${w.roundId}" data-enterprise="${w.enterpriseId}" data-status="${w.status}"><td>${w.kind === 'self_inspection' ? loc(w.title) : html`<a href="#/round/${encodeURIComponent(w.roundId)}">${loc(w.title)}</a>`}</td><td><a href="#/dossier/${encodeURIComponent(w.enterpriseId)}">${entNameOr(w.enterpriseId, w.enterpriseName)}</a> <small>${w.area}</small></td><td>${w.endsOn}</td><td>${w.status === 'overdue' ? html`<span class="badge overdue">${rw('overdue', { n: w.daysOverdue })}</span>` : rw('due', { n: w.daysLeft })}</td></tr>`,
    )}</table></div>`;
}

/** Renders the worklist for the hash's query; `signal` is the navigation's (shared.js). */
export async function worklistPage(query, signal) {
  const c = current(query);
  const queue = QUEUES.includes(c.queue) ? c.queue : 'todo';
  const params = new URLSearchParams();
  for (const k of [...KEEP, 'page']) if (c[k]) params.set(k, c[k]);
  params.set('queue', queue);
  setHtml(app, html`<h1>${t('worklist')}</h1><p class="hint" aria-busy="true">${t('loading')}</p>`);
  const { ok, body } = await getJson(`/worklist?${params}`, signal);
  if (!ok) {
    setHtml(app, html`<h1>${t('worklist')}</h1><p class="message error" id="list-error">${body?.detail || body?.title || t('requestFailed')}</p>`);
    return;
  }
  const base = { ...c, queue, page: '' };
  const option = (v, label, selected) => (selected ? html`<option value="${v}" selected>${label}</option>` : html`<option value="${v}">${label}</option>`);
  const select = (name, values, label) =>
    html`<label>${t(name === 'sort' ? 'sortBy' : name)} <select name="${name}" id="list-${name}">${name === 'sort' ? '' : option('', t('allOption'), !c[name])}${values.map((v) => option(v, label(v), c[name] === v))}</select></label>`;
  const pages = Math.max(1, Math.ceil(body.total / body.size));
  const exportQuery = new URLSearchParams(params);
  exportQuery.delete('page');
  exportQuery.set('lang', lang());
  setHtml(
    app,
    html`<h1>${t('worklist')}</h1>
    <nav aria-label="${t('queues')}"><ul class="queues" id="queues">${QUEUES.map(
      (k) =>
        html`<li>${
          k === queue
            ? html`<a href="${listHref({ ...base, queue: k })}" data-queue="${k}" aria-current="page">${t(`q_${k}`)} <span class="count">${k === 'all' ? body.total : body.counts[k]}</span></a>`
            : html`<a href="${listHref({ ...base, queue: k })}" data-queue="${k}">${t(`q_${k}`)} <span class="count">${k === 'all' ? '' : body.counts[k]}</span></a>`
        }</li>`,
    )}</ul></nav>
    <form id="list-form" class="list-controls" role="search">
      <label>${t('search')} <input type="search" name="q" id="list-q" value="${c.q}" placeholder="${t('searchHint')}"></label>
      ${select('level', ['simple', 'general', 'major'], t)} ${select('domain', Object.keys(TERMS.domain), t)}
      ${select('status', ['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted', 'closed'], t)}
      ${select('sort', SORTS, (s) => t(`sort_${s}`))}
      <label>${t('sortDir')} <select name="dir" id="list-dir">${option('asc', t('asc'), c.dir !== 'desc')}${option('desc', t('desc'), c.dir === 'desc')}</select></label>
      <button type="submit" id="list-apply">${t('applyFilters')}</button>
      <a class="button-link" href="${listHref({ queue })}" id="list-clear">${t('clearFilters')}</a>
      <a class="button-link" href="/worklist.xlsx?${exportQuery}" id="list-export" download>${t('exportXlsx')}</a>
    </form>
    <p id="list-summary" role="status" data-total="${body.total}" data-queue="${queue}">${t('listSummary', { n: body.total, q: t(`q_${queue}`) })}${c.q ? html` · ${t('searchFor', { q: c.q })}` : ''}</p>
    ${body.items.length ? worklistTable(body.items, 'worklist') : html`<p class="message" id="worklist" data-count="0">${t(c.q || c.level || c.domain || c.status || c.enterprise || c.area ? 'emptyFiltered' : `empty_${queue}`)}</p>`}
    ${pages > 1 ? html`<nav class="pager" aria-label="${t('pages')}">${body.page > 1 ? html`<a href="${listHref({ ...base, page: body.page - 1 })}" id="page-prev" rel="prev">${t('prevPage')}</a>` : ''}<span id="page-of">${t('pageOf', { p: body.page, n: pages })}</span>${body.page < pages ? html`<a href="${listHref({ ...base, page: body.page + 1 })}" id="page-next" rel="next">${t('nextPage')}</a>` : ''}</nav>` : ''}
    ${roundWorkTable(body.rounds)}
    <h2>${t('rankings')}</h2><div class="rankings">
      ${rankingTable('rank-enterprise', t('rankByEnterprise'), body.rankings.byEnterprise, (r) => listHref({ queue: 'open', enterprise: r.key }))}
      ${rankingTable('rank-area', t('rankByArea'), body.rankings.byArea, (r) => listHref({ queue: 'open', area: r.key }))}</div>`,
  );
  const form = app.querySelector('#list-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = { queue };
    for (const k of KEEP) if (form.elements[k]?.value) next[k] = form.elements[k].value.trim();
    if (c.enterprise) next.enterprise = c.enterprise;
    if (c.area) next.area = c.area;
    location.hash = listHref(next);
  });
}
