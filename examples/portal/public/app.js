// The demo portal's UI: hash routes, one page per role, all data from the anjian API.
import { lang, loc, setLang, t } from './i18n.js';
import { renderFactForm } from './form.js';

const app = document.getElementById('app');
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const user = () => decodeURIComponent(/(?:^|;\s*)anjian_demo_user=([^;]+)/.exec(document.cookie)?.[1] ?? '') || null;
let demo = { users: [], enterprises: [] };
const me = () => demo.users.find((u) => u.id === user());
const newKey = () => crypto.randomUUID();

/** Calls the API as the demo user; never throws on HTTP errors. */
async function api(path, { method = 'GET', body, key, ifMatch } = {}) {
  const headers = { 'accept-language': lang(), 'content-type': 'application/json' };
  if (user()) headers['x-demo-user'] = user();
  if (key) headers['idempotency-key'] = key;
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  const res = await fetch(`/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { ok: res.ok, status: res.status, body: text ? JSON.parse(text) : null };
}

const problemText = (r) => `${r.status} ${esc(r.body?.title ?? '')}：${esc(r.body?.detail ?? '')}`;
const levelCell = (h) => `<span class="level-${h.level}">${t(h.level)}</span>${h.provisional ? ` <span class="badge">${t('provisional')}</span>` : ''}`;
const entName = (id) => loc(demo.enterprises.find((e) => e.id === id)?.name) || id;

function hazardTable(items, id) {
  if (!items.length) return `<p id="${id}" data-count="0">${t('empty')}</p>`;
  return `<table id="${id}" data-count="${items.length}"><tr><th>${t('enterpriseCol')}</th><th>${t('level')}</th><th>${t('domain')}</th><th>${t('status')}</th><th>${t('deadline')}</th><th></th></tr>
    ${items.map((h) => `<tr data-hazard="${h.hazardId}"><td>${esc(entName(h.enterpriseId))} <small>${esc(h.area)}</small></td><td>${levelCell(h)}</td><td>${esc(t(h.domain))}</td><td class="status">${t(h.status)}</td><td>${esc(h.deadline?.slice(0, 10) ?? '—')}</td><td><a href="#/hazard/${h.hazardId}">${t('open')}</a></td></tr>`).join('')}</table>`;
}

// ---------------------------------------------------------------- inspection form
/**
 * Pick an enterprise and a pack, fill the form rendered from the pack's facts, submit with
 * report=true: the enterprise's self-check and the grid inspector's patrol share it.
 */
function inspectionSection(root, packs, enterprises, source) {
  root.innerHTML = `
    <label>${t('enterpriseCol')} <select id="enterprise-select">${enterprises.map((e) => `<option value="${e.id}">${esc(loc(e.name))}（${esc(e.area)}）</option>`).join('')}</select></label>
    <label>${t('pack')} <select id="pack-select"><option value="">${t('choose')}</option>${packs.map((p) => `<option value="${p.id}">${esc(loc(p.title))}</option>`).join('')}</select></label>
    <form id="check-form" novalidate><fieldset id="facts"></fieldset>
      <label><input type="checkbox" id="skip-browser-check"> ${t('skipBrowserCheck')}</label><br>
      <button type="submit" id="submit-check">${t('submitCheck')}</button></form>
    <div id="check-result"></div>`;
  let form = null;
  root.querySelector('#pack-select').addEventListener('change', async (e) => {
    const r = await api(`/packs/${e.target.value}`);
    form = renderFactForm(root.querySelector('#facts'), r.body);
  });
  root.querySelector('#check-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!form) return;
    const out = root.querySelector('#check-result');
    if (!root.querySelector('#skip-browser-check').checked && form.showIssues(form.browserCheck()) > 0) {
      out.innerHTML = `<p class="message error" id="check-errors" data-source="browser">${t('fixErrors')}</p>`;
      return;
    }
    const ent = enterprises.find((x) => x.id === root.querySelector('#enterprise-select').value);
    const inspection = { ...form.collect(), source, subject: { id: ent.id, enterpriseId: ent.id, name: loc(ent.name), area: ent.area } };
    const r = await api('/inspections?report=true', { method: 'POST', body: inspection, key: newKey() });
    if (r.status === 422) {
      form.showIssues(r.body.issues ?? []);
      out.innerHTML = `<p class="message error" id="check-errors" data-source="server">${problemText(r)}</p>`;
      return;
    }
    if (!r.ok) { out.innerHTML = `<p class="message error">${problemText(r)}</p>`; return; }
    form.showIssues([]);
    const hz = r.body.classification.hazards;
    const ids = Object.fromEntries((r.body.reports ?? []).map((x) => [x.rule, x.hazardId]));
    out.innerHTML = !hz.length ? `<p class="message" id="no-hazards">${t('noHazards')}</p>` : `<h3>${t('hazardsFound')}</h3>
      <table id="found-hazards"><tr><th>${t('level')}</th><th>${t('title')}</th><th>${t('explanation')}</th><th>${t('basis')}</th><th></th></tr>
      ${hz.map((h) => `<tr class="found" data-level="${h.level}" data-rule="${h.rule}"><td>${levelCell(h)}</td><td>${esc(loc(h.title))}</td><td>${esc(loc(h.explanation))}</td>
        <td>${h.basis.map((b) => `${esc(loc(b.title))} ${esc(b.number)} ${esc(b.clause ?? '')}${b.status === 'superseded' ? `（${t('superseded')}）` : ''}${b.confidence === 'unverified' ? ` ⚠ ${t('unverified')}` : ''}`).join('<br>')}</td>
        <td>${ids[h.rule] ? `<a href="#/hazard/${ids[h.rule]}">${t('open')}</a>` : ''}</td></tr>`).join('')}</table>`;
  });
}

// ---------------------------------------------------------------- pages
const pages = {
  async login() {
    app.innerHTML = `<h1>${t('loginTitle')}</h1><p class="message">${t('demoBanner')}</p>
      <ul>${demo.users.map((u) => `<li><button type="button" data-user="${u.id}">${esc(loc(u.name))}</button> <code>${u.id}</code></li>`).join('')}</ul>`;
    app.querySelectorAll('[data-user]').forEach((b) => b.addEventListener('click', () => {
      document.cookie = `anjian_demo_user=${encodeURIComponent(b.dataset.user)}; path=/; SameSite=Lax`;
      location.hash = `#/${demo.users.find((u) => u.id === b.dataset.user).home}`;
    }));
  },

  async enterprise() {
    const [queue, packs] = await Promise.all([api('/queues/enterprise'), api('/packs')]);
    app.innerHTML = `<h1>${t('enterprise')}：${esc(entName(me()?.enterpriseIds[0]))}</h1>
      <h2>${t('myHazards')}</h2>${queue.ok ? hazardTable(queue.body.items, 'my-hazards') : `<p class="message error">${problemText(queue)}</p>`}
      <h2>${t('selfCheck')}</h2><div id="inspection"></div>`;
    const ent = demo.enterprises.find((x) => x.id === me()?.enterpriseIds[0]);
    inspectionSection(app.querySelector('#inspection'), packs.body.items, ent ? [ent] : [], 'self_check');
  },

  async grid() {
    const areas = me()?.gridAreas ?? [];
    const [queue, ...verified] = await Promise.all([api('/queues/grid'), ...areas.map((a) => api(`/hazards?area=${encodeURIComponent(a)}&status=verified`))]);
    const toClose = verified.flatMap((r) => (r.ok ? r.body.items : []));
    app.innerHTML = `<h1>${t('grid')}：${esc(areas.join('、'))}</h1>
      <h2>${t('verifyQueue')}</h2>${queue.ok ? hazardTable(queue.body.items, 'verify-queue') : problemText(queue)}
      <h2>${t('toClose')}</h2>${hazardTable(toClose, 'close-queue')}
      <h2>${t('patrol')}</h2><div id="inspection"></div>`;
    const packs = await api('/packs');
    const mine = demo.enterprises.filter((e) => areas.some((a) => e.area === a || e.area.startsWith(`${a}/`)));
    inspectionSection(app.querySelector('#inspection'), packs.body.items, mine, 'grid_patrol');
  },

  async enforcement() {
    const queue = await api('/queues/enforcement');
    app.innerHTML = `<h1>${t('enforcement')}</h1><h2>${t('majorQueue')}</h2>${queue.ok ? hazardTable(queue.body.items, 'major-queue') : problemText(queue)}`;
  },

  async dashboard() {
    const [stats, daily, outbox] = await Promise.all([api('/stats'), api('/stats?groupBy=day'), api('/outbox')]);
    if (!stats.ok) { app.innerHTML = `<p class="message error">${problemText(stats)}</p>`; return; }
    const s = stats.body;
    app.innerHTML = `<h1>${t('dashboard')}</h1>
      <div class="card"><b>${t('total')}</b> <span id="stat-total">${s.total}</span> ·
        <b>${t('closedCount')}</b> <span id="stat-closed">${s.closed}</span> ·
        <b>${t('overdue')}</b> <span id="stat-overdue">${s.overdue}</span> ·
        <b>${t('closureRate')}</b> <span id="stat-rate">${(s.closureRate * 100).toFixed(0)}%</span></div>
      <div class="charts"><div class="chart" id="chart-level"></div><div class="chart" id="chart-status"></div><div class="chart" id="chart-domain"></div><div class="chart" id="chart-time"></div></div>
      <h2>${t('outbox')}</h2>${outbox.ok && outbox.body.deadLetters.length ? `<table id="outbox"><tr><th>topic</th><th>hazard</th><th>attempts</th><th>error</th></tr>${outbox.body.deadLetters.map((d) => `<tr><td>${esc(d.topic)}</td><td>${esc(d.hazardId)}</td><td>${d.attempts}</td><td>${esc(d.lastError)}</td></tr>`).join('')}</table>` : `<p id="outbox">${t('outboxEmpty')}</p>`}`;
    const echarts = window.echarts;
    if (!echarts) return;
    const pie = (el, title, data) => echarts.init(app.querySelector(el)).setOption({ animation: false, title: { text: title, left: 'center' }, tooltip: {}, series: [{ type: 'pie', radius: '55%', data }] });
    pie('#chart-level', t('byLevel'), Object.entries(s.byLevel).map(([k, v]) => ({ name: t(k), value: v })));
    pie('#chart-domain', t('byDomain'), Object.entries(s.byDomain).map(([k, v]) => ({ name: t(k), value: v })));
    echarts.init(app.querySelector('#chart-status')).setOption({ animation: false, title: { text: t('byStatus'), left: 'center' }, tooltip: {}, xAxis: { type: 'category', data: Object.keys(s.byStatus).map(t), axisLabel: { rotate: 30 } }, yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'bar', data: Object.values(s.byStatus) }] });
    const periods = daily.ok ? daily.body.periods ?? [] : [];
    echarts.init(app.querySelector('#chart-time')).setOption({ animation: false, title: { text: t('overTime'), left: 'center' }, tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, xAxis: { type: 'category', data: periods.map((p) => p.period) }, yAxis: { type: 'value', minInterval: 1 }, series: [{ name: t('total'), type: 'bar', data: periods.map((p) => p.total) }, { name: t('closedCount'), type: 'bar', data: periods.map((p) => p.closed) }] });
  },

  async hazard(id) {
    const r = await api(`/hazards/${id}`);
    if (!r.ok) { app.innerHTML = `<p class="message error">${problemText(r)}</p>`; return; }
    const { state: h, history } = r.body;
    const roles = me()?.roles ?? [];
    const actions = [];
    if (roles.includes('enterprise')) {
      if (['reported', 'rectifying', 'escalated'].includes(h.status) && (h.level !== 'major' || h.status === 'rectifying')) {
        actions.push(`<form id="rectify-form"><h3>${t('rectification')}</h3>
          <label>${t('photoBefore')} <input type="file" id="photo-before" accept="image/*" multiple></label><br>
          <label>${t('photoAfter')} <input type="file" id="photo-after" accept="image/*" multiple></label><br>
          ${h.level === 'major' ? `<label>${t('documents')} <input type="file" id="docs" multiple></label><br>` : ''}
          <label>${t('note')} <input id="rectify-note"></label> <button type="submit" id="submit-rectification">${t('submitRectification')}</button></form>`);
      }
      if (h.level === 'major' && ['case_filed', 'rectifying'].includes(h.status)) {
        const f = ['objectives', 'measures', 'funds', 'responsible', 'milestones', 'safety'];
        actions.push(`<form id="plan-form"><h3>${t('plan')}</h3>${f.map((k) => `<label>${t(k)} <input name="${k}" required></label><br>`).join('')}
          <label>${t('planDeadline')} <input type="date" name="deadline" required></label> <button type="submit" id="submit-plan">${t('submitPlan')}</button></form>`);
      }
    }
    const cmd = (type, label, extra = '') => `<button type="button" data-cmd="${type}" id="cmd-${type}">${label}</button>${extra}`;
    if (roles.includes('grid') || roles.includes('enforcement')) {
      if (h.status === 'submitted' && h.level !== 'major') actions.push(cmd('verify', t('verify')));
      if (h.status === 'submitted') actions.push(cmd('reject', t('reject'), ` <input id="reject-reason" placeholder="${t('reason')}">`));
      if (h.status === 'verified') actions.push(cmd('close', t('close')));
      if (h.status === 'closed' && (h.level !== 'major' || roles.includes('enforcement'))) {
        actions.push(`${cmd('spot_check', t('spotCheck'))} <select id="spot-result"><option value="pass">${t('pass')}</option><option value="fail">${t('fail')}</option></select>`);
      }
    }
    if (roles.includes('enforcement')) {
      if (h.provisional) actions.push(cmd('confirm_level', t('confirmLevel')));
      if (h.level === 'major' && ['reported', 'escalated'].includes(h.status)) actions.push(cmd('file_case', t('fileCase'), ` <input id="case-no" placeholder="${t('caseNo')}">`));
      if (h.level === 'major' && ['case_filed', 'rectifying', 'submitted'].includes(h.status) && !h.listed) actions.push(cmd('list_for_supervision', t('listForSupervision')));
      if (h.level === 'major' && h.status === 'submitted') actions.push(cmd('accept', t('accept'), ` <input id="accept-note" placeholder="${t('note')}">`));
      if (h.level === 'major' && h.status === 'accepted') actions.push(cmd('close', t('close')));
    }
    const finding = history[0]?.data?.findings?.[0];
    app.innerHTML = `<h1>${esc(loc(h.title))}</h1>
      <div class="card" id="hazard-state" data-status="${h.status}" data-version="${h.version}">${levelCell(h)} · ${t('status')}: <b class="status">${t(h.status)}</b> · ${esc(entName(h.enterpriseId))} ${esc(h.area)} · ${t('deadline')}: ${esc(h.deadline ?? '—')}${h.caseNo ? ` · ${t('caseNo')}: ${esc(h.caseNo)}` : ''}
        ${finding ? `<p>${esc(loc(finding.explanation))}</p><p>${t('basis')}: ${finding.basis.map((b) => `${esc(loc(b.title))} ${esc(b.number)} ${esc(b.clause ?? '')}`).join('；')}</p>` : ''}</div>
      <div id="actions">${actions.join('<hr>')}</div><div id="action-result"></div>
      <h2>${t('history')}</h2><ol>${history.map((e) => `<li>${esc(e.recordedAt)} <b>${esc(e.type)}</b> ${esc(e.actor.id)} (${esc(e.actor.role)})</li>`).join('')}</ol>`;
    const result = app.querySelector('#action-result');
    const send = async (body) => {
      const res = await api(`/hazards/${id}/commands`, { method: 'POST', body, key: newKey(), ifMatch: h.version });
      if (res.ok) pages.hazard(id);
      else result.innerHTML = `<p class="message error" id="command-error">${problemText(res)}</p>`;
    };
    const reason = (sel, fallback) => ({ 'zh-CN': app.querySelector(sel)?.value || fallback });
    app.querySelectorAll('[data-cmd]').forEach((b) => b.addEventListener('click', () => {
      const type = b.dataset.cmd;
      if (type === 'reject') return send({ type, reason: reason('#reject-reason', '整改不到位') });
      if (type === 'confirm_level') return send({ type, level: h.level, reason: { 'zh-CN': '经现场核查确认等级' } });
      if (type === 'file_case') return send({ type, caseNo: app.querySelector('#case-no').value || `D1-${Date.now()}` });
      if (type === 'list_for_supervision') return send({ type, authority: { 'zh-CN': 'D1 区安全生产委员会办公室' } });
      if (type === 'spot_check') return send({ type, result: app.querySelector('#spot-result').value });
      if (type === 'accept') return send({ type, note: reason('#accept-note', '验收合格') });
      return send({ type });
    }));
    app.querySelector('#rectify-form')?.addEventListener('submit', async (e) => {
      e.preventDefault();
      const evidence = [
        ...(await uploadAll(app.querySelector('#photo-before').files, 'photo_before')),
        ...(await uploadAll(app.querySelector('#photo-after').files, 'photo_after')),
        ...(await uploadAll(app.querySelector('#docs')?.files ?? [], 'document')),
      ];
      const note = app.querySelector('#rectify-note').value;
      send({ type: 'submit_rectification', evidence, ...(note ? { note: { 'zh-CN': note } } : {}) });
    });
    app.querySelector('#plan-form')?.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = (n) => ({ 'zh-CN': e.target.elements[n].value });
      send({ type: 'submit_plan', plan: { objectives: v('objectives'), measures: v('measures'), fundsAndMaterials: v('funds'), responsible: v('responsible'), milestones: v('milestones'), safetyAndEmergency: v('safety'), deadline: `${e.target.elements.deadline.value}T17:00:00+08:00` } });
    });
  },
};

/** Uploads photos (stored by SHA-256) and returns evidence refs; takenAt is the file's time, never later than now. */
async function uploadAll(files, kind) {
  const refs = [];
  for (const file of files) {
    const bytes = await file.arrayBuffer();
    const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    await fetch(`/evidence/${sha256}`, { method: 'PUT', body: bytes, headers: { 'x-demo-user': user() } });
    const takenAt = new Date(Math.min(file.lastModified || Date.now(), Date.now())).toISOString();
    refs.push({ id: `evidence/${sha256}`, kind, takenAt, sha256 });
  }
  return refs;
}

// ---------------------------------------------------------------- shell
async function route() {
  const [, page = '', arg] = location.hash.split('/');
  document.documentElement.lang = lang();
  document.querySelectorAll('[data-t]').forEach((el) => (el.textContent = t(el.dataset.t)));
  document.getElementById('lang-switch').textContent = t('switchLang');
  const u = me();
  document.getElementById('who').innerHTML = u ? `${esc(loc(u.name))} <a href="#/login" id="logout" style="color:#cfe3ff">${t('logout')}</a>` : '';
  const links = u ? [...u.roles.filter((r) => pages[r]), 'dashboard'] : [];
  document.getElementById('nav').innerHTML = links.map((p) => `<a href="#/${p}">${t(p)}</a>`).join('');
  app.dataset.page = '';
  const name = !u || page === 'login' ? 'login' : pages[page] ? page : u.home;
  await pages[name](arg);
  app.dataset.page = name; // set after render: tests wait for it
}

document.getElementById('lang-switch').addEventListener('click', () => { setLang(lang() === 'zh-CN' ? 'en' : 'zh-CN'); route(); });
window.addEventListener('hashchange', route);
demo = await (await fetch('/demo/users')).json();
route();
