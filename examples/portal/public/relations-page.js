// Rental premises, rounds and the enterprise file (issue 17): #/file (one's own enterprise),
// #/dossier/<id> (一企一档), #/landlord/<id> (出租方: rental points, tenants, their hazards
// rolled up, past tenancies, 结束租赁 for staff of the area), #/rounds and #/round/<id> (coverage, 双随机 draws). Every number, list and
// permission is the server's (core's buildEnterpriseFile, buildLandlordView, roundCoverage and
// the read policy); the page only lays them out, through the escaping html template.
import { html, join, setHtml } from './html.js';
import { lang, loc, punct, t } from './i18n.js';
import { confirmAction } from './confirm-dialog.js';
import { kindName as documentKindName } from './document-buttons.js';
import { actorName, api, app, entNameOr, getJson, hazardHref, levelCell, localTime, me, newKey, problemText, readableEnterprises } from './shared.js';

const L = {
  file: ['企业档案（一企一档）', 'Enterprise file'],
  fileNotForRole: [
    '“我的企业档案”只对企业用户开放：您的账号不属于任何企业。要看某家企业的档案，请从检查记录或出租点页面中的企业名称进入。',
    '“My enterprise file” is for enterprise users: your account belongs to no enterprise. To see an enterprise’s file, open it from its name on the inspection records or rental points pages.',
  ],
  goHome: ['回到首页', 'Back to your home page'],
  profile: ['基本信息', 'Profile'],
  premisesHeld: ['持有的场所', 'Premises held'],
  premisesRented: ['承租的场所', 'Premises rented'],
  tenants: ['承租方', 'Tenants'],
  landlord: ['出租方', 'Landlord'],
  packs: ['适用的检查表', 'Packs that apply'],
  devices: ['监测设备', 'Devices'],
  inspections: ['检查记录', 'Inspections'],
  openHazards: ['未销号隐患', 'Open hazards'],
  closedHazards: ['已销号隐患', 'Closed hazards'],
  documents: ['文书', 'Documents'],
  rounds: ['检查轮次', 'Rounds'],
  covered: ['已覆盖', 'covered'],
  due: ['待检查', 'due'],
  missed: ['漏检', 'missed'],
  overdue: ['逾期未检', 'overdue'],
  overdueHazards: ['逾期未整改', 'overdue, open'],
  rentalPremises: ['出租点', 'rental points'],
  done: ['已检查', 'done'],
  recurrence: ['重复发生（{days} 天内）', 'Recurring within {days} days'],
  noRecurrence: ['{days} 天内没有重复发生的隐患', 'No hazard recurred within {days} days'],
  partial: ['只显示你有权查看的记录（出租方只看到承租方在本场所的隐患）。', 'Only what you may read is shown (a landlord sees its tenant’s hazards at its premises only).'],
  none: ['无', 'none'],
  rentalPoints: ['出租点与承租方隐患', 'Rental points and tenants’ hazards'],
  groupRental: ['群租房', 'group rental'],
  nineSmall: ['九小场所', 'small premises'],
  labour: ['劳动密集型', 'labour-intensive'],
  open: ['未销号', 'open'],
  major: ['重大', 'major'],
  totals: ['合计', 'Totals'],
  address: ['地址', 'Address'],
  area: ['区域', 'Area'],
  kinds: ['场所类型', 'Kinds'],
  round: ['轮次', 'Round'],
  kind: ['类型', 'Kind'],
  days: ['日期', 'Days'],
  coverage: ['覆盖率', 'Coverage'],
  draws: ['双随机抽查记录', '双随机 draws'],
  seed: ['随机种子', 'Seed'],
  commitment: ['种子承诺值（开启时公布的 SHA-256）', 'Seed commitment (SHA-256 published at opening)'],
  noCommitment: ['本轮次开启时没有种子承诺值，不能抽取', 'This round has no seed commitment and cannot be drawn'],
  reason: ['重新抽取原因', 'Reason for the re-draw'],
  drawnBy: ['抽取人', 'drawn by'],
  seedTyped: ['人工输入的种子（承诺机制之前）', 'typed seed (before commitments)'],
  seedMismatch: ['种子与承诺值不符', 'seed does not match its commitment'],
  count: ['抽取数量', 'How many'],
  draw: ['抽取并记录', 'Draw and record'],
  drawLimit: [
    '本轮次已抽取 {n} 次（首次抽取后最多重新抽取 {max} 次），不能再抽取：请按最近一次抽取的名单检查，无法检查的企业在检查记录中说明原因；确需另行抽取的，由部门开启新的轮次。',
    'This round was drawn {n} times (at most {max} re-draws after the first) and cannot be drawn again: inspect the latest list and explain on the inspection record why an enterprise could not be inspected; if another draw is really needed, the department opens a new round.',
  ],
  selected: ['抽中企业', 'Selected'],
  seedChanged: ['种子已变更（前次：{seeds}）', 'seed changed (before: {seeds})'],
  digest: ['摘要', 'Digest'],
  logIntact: ['轮次日志哈希链完好（{n} 条）', 'round log hash chain intact ({n} entries)'],
  logBroken: ['轮次日志被改动：{m}', 'round log altered: {m}'],
  self_inspection: ['企业自查', 'self-inspection'],
  patrol_coverage: ['网格全覆盖巡查', 'patrol coverage'],
  special_campaign: ['专项行动', 'special campaign'],
  noRounds: ['还没有检查轮次。', 'No rounds yet.'],
  inspectionCol: ['检查', 'Inspection'],
  premisesCol: ['场所', 'Premises'],
  statusCol: ['检查情况', 'Status'],
  hazardsN: ['发现隐患 {n} 项', '{n} hazard(s) found'],
  period: ['第 {n} 次承租', 'tenancy #{n}'],
  pastTenancies: ['历史租赁', 'Past tenancies'],
  periodCol: ['租期', 'Period'],
  foundDuring: ['租期内发现的隐患（未销号 / 已销号）', 'Hazards found during it (open / closed)'],
  endTenancy: ['结束租赁', 'End tenancy'],
  endTenancyText: [
    '结束 {tenant} 在 {premises} 的租赁（自现在起）。\n历史保留：出租方仍可查看租期内发现的隐患，之后发现的看不到；{tenant} 不能再以该场所上报检查。',
    'End the tenancy of {tenant} at {premises} (as of now).\nThe history is kept: the landlord still sees what was found during the tenancy, nothing found after; {tenant} can no longer report inspections there.',
  ],
  since: ['自 {d}', 'since {d}'],
  startTenancy: ['登记承租（含再次承租）', 'Record a tenancy (also renting again)'],
  startTenancyDo: ['登记', 'Record'],
};
const l = (key, vars) => {
  const [zh, en] = L[key] ?? [key, key];
  return (lang() === 'en' ? en : zh).replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m));
};
const pct = (x) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const enc = encodeURIComponent;
const fail = (title, r) => setHtml(app, html`<h1>${title}</h1><p class="message error" id="relations-error">${problemText(r)}</p>`);

/** A premises kind in the words of the checklist that defines it (`kindName`), else its code. */
const kindsText = (kinds, kindName) => kinds.map((k) => kindName?.(k) ?? k).join(punct().sep);
const premisesRow = (p, extra = '', kindName) =>
  html`<tr data-premises="${p.id}"><td>${p.address}</td><td>${p.area}</td><td data-kinds="${p.kinds.join(' ')}">${kindsText(p.kinds, kindName)}</td><td>${[p.nineSmall ? l('nineSmall') : '', p.labourIntensive ? l('labour') : '', p.groupRental ? l('groupRental') : ''].filter(Boolean).join(punct().sep)}</td><td>${extra}</td></tr>`;
const premisesTable = (id, rows, extraHead) =>
  html`<div class="table-wrap"><table id="${id}"><tr><th scope="col">${l('address')}</th><th scope="col">${l('area')}</th><th scope="col">${l('kinds')}</th><th scope="col"></th><th scope="col">${extraHead}</th></tr>${rows}</table></div>`;

/**
 * What names an enterprise's file leaves as ids, in the user's words: the checklists (title, premises
 * kinds' labels, by GET /api/packs/{id}) and the hazards (title and 隐患编号, by the worklist of the
 * enterprise, which the read policy already narrows). A name that cannot be had stays an id.
 */
async function fileNames(f, signal) {
  const packIds = [...new Set([...f.packs.map((p) => p.id), ...f.inspections.map((i) => i.pack.id)])];
  const [packs, rows] = await Promise.all([Promise.all(packIds.map((id) => api(`/packs/${enc(id)}`, { signal }))), getJson(`/worklist?queue=all&size=100&enterprise=${enc(f.profile.id)}`, signal)]);
  const kinds = new Map();
  const titles = new Map();
  for (const p of packs) {
    if (!p.ok) continue;
    titles.set(p.body.id, p.body.title);
    for (const k of p.body.premises ?? []) if (!kinds.has(k.id)) kinds.set(k.id, k.label);
  }
  return {
    kindName: (k) => (kinds.has(k) ? loc(kinds.get(k)) : undefined),
    packName: (id) => (titles.has(id) ? loc(titles.get(id)) : id),
    hazard: new Map(rows.ok ? (rows.body?.items ?? []).map((r) => [r.hazardId, r]) : []),
  };
}

/** A premises in words: its address when the file lists it (held or rented), else its id. */
const premisesName = (f, id) => [...f.premises.held, ...f.premises.rented.map((x) => x.premises)].find((p) => p.id === id)?.address ?? id;

function hazardTable(id, items, names) {
  if (items.length === 0) return html`<p class="hint" id="${id}">${l('none')}</p>`;
  return html`<div class="table-wrap"><table id="${id}"><tr><th scope="col">${t('title')}</th><th scope="col">${t('level')}</th><th scope="col">${t('status')}</th><th scope="col">${l('premisesCol')}</th><th scope="col">${l('documents')}</th></tr>
    ${items.map(
      (h) =>
        html`<tr data-hazard="${h.summary.hazardId}"><td>${hazardName(h.summary.hazardId, names)}</td><td>${levelCell(h.summary)}</td><td>${t(h.summary.status)}</td><td>${h.summary.premisesId ? names.premisesName(h.summary.premisesId) : '—'}</td><td>${h.documents.map((d) => `${documentKindName(d.kind)} ${d.number ?? `${d.year}-${d.seq}`}`).join(punct().sep) || '—'}</td></tr>`,
    )}</table></div>`;
}

/** A hazard's title with its 隐患编号 when the worklist names it, else its id; a link to its page. */
function hazardName(id, names) {
  const row = names.hazard.get(id);
  return row ? html`<a href="${hazardHref(id)}">${loc(row.title)}</a> <small>${row.ref}</small>` : html`<a href="${hazardHref(id)}">${id}</a>`;
}

/** #/dossier/<id>: the enterprise file; `signal` is the navigation's (shared.js), as on every page here. */
export async function enterprisePage(id, signal) {
  setHtml(app, html`<h1>${l('file')}</h1><p class="hint" aria-busy="true">${t('loading')}</p>`);
  const r = await api(`/enterprises/${enc(id ?? '')}/file`, { signal });
  if (!r.ok) return fail(l('file'), r);
  const f = r.body;
  const names = { ...(await fileNames(f, signal)), premisesName: (p) => premisesName(f, p) };
  const roundRows = (list, status) =>
    list.map((x) => html`<tr data-round="${x.roundId}" data-status="${status}"><td>${loc(x.title)}</td><td>${l(x.kind)}</td><td>${x.startsOn} – ${x.endsOn}</td><td>${l(status)}</td></tr>`);
  setHtml(
    app,
    html`<h1>${l('file')}${punct().colon}<span id="file-name">${entNameOr(f.profile.id, f.profile.name)}</span></h1>
    ${f.complete ? '' : html`<p class="hint" id="file-partial">${l('partial')}</p>`}
    <h2>${l('profile')}</h2><p id="file-profile">${l('area')} ${f.profile.area}${f.profile.address ? ` · ${f.profile.address}` : ''}</p>
    <h2>${l('premisesHeld')}</h2>${
      f.premises.held.length
        ? premisesTable(
            'file-held',
            f.premises.held.map((p) => premisesRow(p, '', names.kindName)),
            '',
          )
        : html`<p class="hint">${l('none')}</p>`
    }
    <h2>${l('premisesRented')}</h2>${
      f.premises.rented.length
        ? premisesTable(
            'file-rented',
            f.premises.rented.map((x) => premisesRow(x.premises, html`<a href="#/landlord/${enc(x.landlordEnterpriseId)}">${entNameOr(x.landlordEnterpriseId, x.landlordName)}</a>`, names.kindName)),
            l('landlord'),
          )
        : html`<p class="hint">${l('none')}</p>`
    }
    ${
      f.premises.past.length
        ? html`<h2>${l('pastTenancies')}</h2><ul id="file-past">${f.premises.past.map(
            (x) =>
              html`<li data-premises="${x.premisesId}" data-tenant="${x.tenantEnterpriseId}" data-period="${x.period}">${entNameOr(x.tenantEnterpriseId, x.tenantName)} · ${premisesName(f, x.premisesId)}${punct().open}${entNameOr(x.landlordEnterpriseId, x.landlordName)}${punct().close} · ${l('period', { n: x.period })} · ${x.startedAt ? localTime(x.startedAt) : '…'} – ${localTime(x.endedAt)}</li>`,
          )}</ul>`
        : ''
    }
    ${f.premises.tenants.length ? html`<h2>${l('tenants')}</h2><p><a id="file-landlord-link" href="#/landlord/${enc(f.profile.id)}">${l('rentalPoints')}</a></p><ul id="file-tenants">${f.premises.tenants.map((x) => html`<li>${entNameOr(x.tenantEnterpriseId, x.tenantName)}${punct().open}${premisesName(f, x.premisesId)}${punct().close}</li>`)}</ul>` : ''}
    <h2>${l('packs')}</h2><ul id="file-packs">${f.packs.map((p) => html`<li data-pack="${p.id}">${loc(p.title)}${punct().open}${kindsText(p.premisesKinds, names.kindName)}${punct().close}</li>`)}</ul>
    <h2>${l('devices')}</h2><p id="file-devices">${f.devices.length ? f.devices.map((d) => d.id).join(punct().sep) : l('none')}</p>
    <h2>${l('openHazards')}</h2>${hazardTable('file-open', f.hazards.open, names)}
    <h2>${l('closedHazards')}</h2>${hazardTable('file-closed', f.hazards.closed, names)}
    <h2>${l('inspections')}</h2><ul id="file-inspections">${f.inspections.map((i) => html`<li data-inspection="${i.id}"><a href="#/inspection/${enc(i.id)}">${localTime(i.inspectedAt ?? i.recordedAt)}</a> ${names.packName(i.pack.id)} · ${l('hazardsN', { n: i.hazards.length })}</li>`)}</ul>
    <h2>${l('rounds')}</h2>
    <div class="table-wrap"><table id="file-rounds"><tr><th scope="col">${l('round')}</th><th scope="col">${l('kind')}</th><th scope="col">${l('days')}</th><th scope="col"></th></tr>
      ${roundRows(f.rounds.covered, 'covered')}${roundRows(f.rounds.due, 'due')}${roundRows(f.rounds.missed, 'missed')}</table></div>
    <h2>${l('recurrence', { days: f.recurrenceDays })}</h2>${
      f.recurrences.length
        ? html`<ul id="file-recurrences">${f.recurrences.map((x) => html`<li data-hazard="${x.hazardId}">${loc(x.explanation)}</li>`)}</ul>`
        : html`<p class="hint" id="file-recurrences" data-count="0">${l('noRecurrence', { days: f.recurrenceDays })}</p>`
    }`,
  );
}

/** #/file: the signed-in enterprise user's own file. */
export async function ownFilePage(signal) {
  const u = me();
  const id = u?.enterpriseIds?.[0];
  // Not an enterprise user: there is no own file to ask for (the request would name no enterprise).
  if (!id) {
    setHtml(app, html`<h1>${l('file')}</h1><p class="message" id="file-not-for-role">${l('fileNotForRole')}</p><p><a id="go-home" href="#/${u?.home ?? ''}">${l('goHome')}</a></p>`);
    return;
  }
  return enterprisePage(id, signal);
}

/** #/landlord/<id>: rental points with tenants and their hazards rolled up, past tenancies, and 结束租赁 for staff who may. */
export async function landlordPage(id, signal) {
  setHtml(app, html`<h1>${l('rentalPoints')}</h1><p class="hint" aria-busy="true">${t('loading')}</p>`);
  const r = await api(`/landlords/${enc(id ?? '')}/rental-points`, { signal });
  if (!r.ok) return fail(l('rentalPoints'), r);
  const v = r.body;
  const manage = new Set(v.manage ?? []);
  // Each tenant as the server names it from the directory (tenantName, tenantAddress): the landlord's own tenants only.
  const tenantLines = new Map(v.premises.flatMap((line) => [...line.tenants, ...line.pastTenancies]).map((x) => [x.tenantEnterpriseId, x]));
  const tenantName = (tenantId) => entNameOr(tenantId, tenantLines.get(tenantId)?.tenantName);
  // Who may become a tenant: the registered enterprises the user reads, as the API's directory lists them (staff only).
  // The tenants' open hazards in words (title and 隐患编号): the worklist of each tenant with open ones, as the read policy narrows it.
  const withOpen = [...new Set(v.premises.flatMap((line) => line.tenants.filter((x) => x.openHazardIds.length > 0).map((x) => x.tenantEnterpriseId)))];
  const [candidates, ...lists] = await Promise.all([
    manage.size > 0 ? readableEnterprises(signal) : [],
    ...withOpen.map((tenant) => getJson(`/worklist?queue=open&size=100&enterprise=${enc(tenant)}`, signal)),
  ]);
  const names = { hazard: new Map(lists.flatMap((r) => (r.ok ? (r.body?.items ?? []) : [])).map((row) => [row.hazardId, row])) };
  setHtml(
    app,
    html`<h1>${l('rentalPoints')}${punct().colon}<span id="landlord-name">${entNameOr(v.landlord.id, v.landlord.name)}</span></h1>
    <p id="landlord-totals" data-open="${v.totals.open}" data-tenants="${v.totals.tenants}">${l('totals')}${punct().colon}${l('rentalPremises')} ${v.totals.premises} · ${l('tenants')} ${v.totals.tenants} · ${l('open')} ${v.totals.open} · ${l('overdueHazards')} ${v.totals.overdue} · ${l('major')} ${v.totals.majorOpen}</p>
    <p id="landlord-message"></p>
    ${v.premises.map(
      (
        line,
      ) => html`<section class="card" data-premises="${line.premises.id}"><h2>${line.premises.address}${line.premises.groupRental ? html` <span class="badge">${l('groupRental')}</span>` : ''}</h2>
        <div class="table-wrap"><table><tr><th scope="col">${l('tenants')}</th><th scope="col">${l('open')}</th><th scope="col">${l('major')}</th><th scope="col">${l('overdueHazards')}</th><th scope="col">${t('title')}</th><th scope="col"></th></tr>
        ${line.tenants.map(
          (x) =>
            html`<tr data-tenant="${x.tenantEnterpriseId}" data-period="${x.period}"><td><a href="#/dossier/${enc(x.tenantEnterpriseId)}">${tenantName(x.tenantEnterpriseId)}</a>${x.tenantAddress ? html`<br><small class="tenant-address">${x.tenantAddress}</small>` : ''}${x.period > 1 || x.startedAt ? html`<br><small>${l('period', { n: x.period })}${x.startedAt ? html` · ${l('since', { d: localTime(x.startedAt) })}` : ''}</small>` : ''}</td><td class="num">${x.open}</td><td class="num">${x.openByLevel.major}</td><td class="num">${x.overdue}</td><td class="tenant-hazards">${join(
              x.openHazardIds.map((h) => html`<span data-hazard="${h}">${hazardName(h, names)}</span>`),
              html`<br>`,
            )}</td><td>${manage.has(line.premises.id) ? html`<button type="button" class="end-tenancy danger" data-premises="${line.premises.id}" data-tenant="${x.tenantEnterpriseId}">${l('endTenancy')}</button>` : ''}</td></tr>`,
        )}</table></div>
        ${
          line.pastTenancies.length
            ? html`<h3>${l('pastTenancies')}</h3><div class="table-wrap"><table class="past-tenancies"><tr><th scope="col">${l('tenants')}</th><th scope="col">${l('periodCol')}</th><th scope="col">${l('foundDuring')}</th></tr>
          ${line.pastTenancies.map(
            (x) =>
              html`<tr data-past-tenant="${x.tenantEnterpriseId}" data-period="${x.period}" data-ended-at="${x.endedAt}"><td><a href="#/dossier/${enc(x.tenantEnterpriseId)}">${tenantName(x.tenantEnterpriseId)}</a> · ${l('period', { n: x.period })}</td><td>${x.startedAt ? localTime(x.startedAt) : '…'} – ${localTime(x.endedAt)}</td><td class="num">${x.open} / ${x.closed}</td></tr>`,
          )}</table></div>`
            : ''
        }
        ${
          manage.has(line.premises.id)
            ? html`<form class="start-tenancy filters" data-premises="${line.premises.id}"><label>${l('startTenancy')} <select name="tenant">${candidates
                .filter((e) => e.id !== v.landlord.id && !line.tenants.some((x) => x.tenantEnterpriseId === e.id))
                .map((e) => html`<option value="${e.id}">${loc(e.name)}</option>`)}</select></label> <button type="submit">${l('startTenancyDo')}</button></form>`
            : ''
        }</section>`,
    )}`,
  );
  for (const button of app.querySelectorAll('button.end-tenancy')) {
    button.addEventListener('click', async () => {
      const { premises, tenant } = button.dataset;
      if (!(await confirmAction(l('endTenancy'), l('endTenancyText', { tenant: tenantName(tenant), premises })))) return;
      const res = await api(`/premises/${enc(premises)}/tenancies/${enc(tenant)}/end`, { method: 'POST', body: {} });
      if (!res.ok) return setHtml(app.querySelector('#landlord-message'), html`<span class="message error">${problemText(res)}</span>`);
      await landlordPage(id, signal);
    });
  }
  for (const form of app.querySelectorAll('form.start-tenancy')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const tenantEnterpriseId = String(new FormData(form).get('tenant') ?? '');
      const res = await api(`/premises/${enc(form.dataset.premises)}/tenancies`, { method: 'POST', body: { tenantEnterpriseId } });
      if (!res.ok) return setHtml(app.querySelector('#landlord-message'), html`<span class="message error">${problemText(res)}</span>`);
      await landlordPage(id, signal);
    });
  }
}

/** #/rounds: every round with its coverage. */
export async function roundsPage(signal) {
  setHtml(app, html`<h1>${l('rounds')}</h1><p class="hint" aria-busy="true">${t('loading')}</p>`);
  const r = await api('/rounds', { signal });
  if (!r.ok) return fail(l('rounds'), r);
  const { rounds, log } = r.body;
  setHtml(
    app,
    html`<h1>${l('rounds')}</h1>
    <p id="round-log" class="${log.ok ? 'hint' : 'message error'}">${log.ok ? l('logIntact', { n: log.entries }) : l('logBroken', { m: loc(log.message) })}</p>
    ${rounds.length === 0 ? html`<p class="hint">${l('noRounds')}</p>` : ''}
    <div class="table-wrap"><table id="rounds-table"><tr><th scope="col">${l('round')}</th><th scope="col">${l('kind')}</th><th scope="col">${l('days')}</th><th scope="col">${l('coverage')}</th><th scope="col">${l('done')}</th><th scope="col">${l('due')}</th><th scope="col">${l('overdue')}</th></tr>
    ${rounds.map(
      (x) =>
        html`<tr data-round="${x.round.id}"><td><a href="#/round/${enc(x.round.id)}">${loc(x.round.title)}</a></td><td>${l(x.round.kind)}</td><td>${x.round.startsOn} – ${x.round.endsOn}</td><td class="num">${x.coverage ? pct(x.coverage.rate) : '—'}</td><td class="num">${x.coverage?.done ?? '—'}</td><td class="num">${x.coverage?.due ?? '—'}</td><td class="num">${x.coverage?.overdue ?? '—'}</td></tr>`,
    )}</table></div>`,
  );
}

/** #/round/<id>: coverage per enterprise, the draws, and (for those who may) a new draw. */
export async function roundPage(id, signal) {
  setHtml(app, html`<h1>${l('round')}</h1><p class="hint" aria-busy="true">${t('loading')}</p>`);
  const r = await api(`/rounds/${enc(id ?? '')}`, { signal });
  if (!r.ok) return fail(l('round'), r);
  const { round, draws, coverage, manage, drawsLeft } = r.body;
  // The checklist by its title (its id when the server no longer serves it).
  const pack = round.packId ? await api(`/packs/${enc(round.packId)}`, { signal }) : null;
  const packName = pack?.ok ? loc(pack.body.title) : round.packId;
  // The drawn enterprises are the round's members: named as the server's coverage names them (the directory's), not by a list of the portal's.
  const memberNames = new Map((coverage?.entries ?? []).map((e) => [e.enterpriseId, e.name]));
  setHtml(
    app,
    html`<h1 id="round-title">${loc(round.title)}</h1>
    <p>${l(round.kind)} · ${round.startsOn} – ${round.endsOn}${packName ? html` · <span id="round-pack">${packName}</span>` : ''}${round.scope.area ? ` · ${round.scope.area}` : ''}</p>
    ${coverage ? html`<p id="round-coverage" data-done="${coverage.done}" data-total="${coverage.total}">${l('coverage')} ${pct(coverage.rate)}${punct().open}${coverage.done}/${coverage.total}${punct().close}</p>` : ''}
    <div class="table-wrap"><table id="round-entries"><tr><th scope="col">${t('enterpriseCol')}</th><th scope="col">${l('area')}</th><th scope="col">${l('statusCol')}</th><th scope="col">${l('inspectionCol')}</th></tr>
      ${(coverage?.entries ?? []).map(
        (e) =>
          html`<tr data-enterprise="${e.enterpriseId}" data-status="${e.status}"><td><a href="#/dossier/${enc(e.enterpriseId)}">${entNameOr(e.enterpriseId, e.name)}</a></td><td>${e.area}</td><td>${l(e.status)}</td><td>${e.inspectionId ? html`<a href="#/inspection/${enc(e.inspectionId)}">${e.inspectedOn}</a>` : '—'}</td></tr>`,
      )}</table></div>
    <h2>${l('draws')}</h2>
    <ol id="round-draws">${draws.map(
      (d) =>
        html`<li data-seq="${d.seq}" data-actor="${d.actorId}" data-seed-changed="${d.seedChanged ? 'true' : 'false'}" data-seed-check="${d.seedCheck}">${localTime(d.recordedAt)} · ${l('drawnBy')} ${actorName(d.actorId)} · ${l('seed')} <code>${d.draw.seed}</code> · ${l('selected')}${punct().colon}<span class="selected" data-selected="${d.draw.selected.join(' ')}">${d.draw.selected.map((e) => entNameOr(e, memberNames.get(e))).join(punct().sep)}</span> · ${l('digest')} <code>${d.draw.digest.slice(0, 12)}</code>${d.draw.reason ? html` · ${l('reason')}${punct().colon}${d.draw.reason}` : ''}${d.seedCheck === 'verified' ? '' : html` <span class="badge warn">${l(d.seedCheck === 'typed' ? 'seedTyped' : 'seedMismatch')}</span>`}${d.seedChanged ? html` <span class="badge warn">${l('seedChanged', { seeds: d.earlierSeeds.join(punct().sep) })}</span>` : ''}</li>`,
    )}</ol>
    <p id="round-commitment">${round.seeds ? html`${l('commitment')} <code>${round.seeds.commitment}</code>` : l('noCommitment')}</p>
    ${manage && round.seeds && drawsLeft === 0 ? html`<p class="hint" id="draw-limit">${l('drawLimit', { n: draws.length, max: draws.length - 1 })}</p>` : ''}
    ${manage && round.seeds && drawsLeft > 0 ? html`<form id="draw-form" class="filters">${draws.length ? html`<label>${l('reason')} <input name="reason" required maxlength="200" size="24"></label>` : ''}<label>${l('count')} <input name="count" type="number" min="1" value="2" size="4"></label><button type="submit">${l('draw')}</button></form><p id="draw-message"></p>` : ''}`,
  );
  app.querySelector('#draw-form')?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(event.target);
    // No seed: the server reveals the one it committed to when the round opened (T33); a re-draw gives its reason.
    const body = { count: Number(data.get('count')), ...(data.has('reason') ? { reason: String(data.get('reason')) } : {}) };
    const res = await api(`/rounds/${enc(round.id)}/draws`, { method: 'POST', body, key: newKey() });
    if (!res.ok) return setHtml(app.querySelector('#draw-message'), html`<span class="message error">${problemText(res)}</span>`);
    await roundPage(round.id, signal);
  });
}
