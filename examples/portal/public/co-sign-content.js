// What the second officer co-signs (decision 010, update): the fields of the act that his code binds —
// core's CO_SIGN_CONTENT_FIELDS (a penalty's article, kind and fine; a stop order's scope; a level) —
// asked on his own page before he generates the code, and, once it is generated, the content as the
// server bound it (with the hazard's facts as the server holds them), never what a page typed locally.
import { html } from './html.js';
import { lang, loc, punct, t } from './i18n.js';
import { CO_SIGN_CONTENT_FIELDS, PENALTY_ARTICLES } from './permissions.js';

const L = {
  'zh-CN': {
    confirm: '请确认第二名执法人员共同决定的内容（确认码只对这些内容有效）：',
    bound: '你以此确认码确认的内容（服务器所存）：',
    article: '处罚依据',
    kind: '处罚种类',
    fine: '罚款金额（元）',
    scope: '停产停业范围',
    level: '隐患等级',
    hazard: '隐患',
    enterprise: '企业',
    yuan: '{n} 元',
  },
  en: {
    confirm: 'Confirm what you decide together with the first officer (the code confirms only this):',
    bound: 'What you co-sign with this code (as the server holds it):',
    article: 'Article',
    kind: 'Kind of penalty',
    fine: 'Fine (yuan)',
    scope: 'Stop-work scope',
    level: 'Hazard level',
    hazard: 'Hazard',
    enterprise: 'Enterprise',
    yuan: '{n} yuan',
  },
};
const tr = (key, vars = {}) => (L[lang()] ?? L['zh-CN'])[key].replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
const articleOf = (id) => (Object.hasOwn(PENALTY_ARTICLES, id) ? PENALTY_ARTICLES[id] : undefined);
const KINDS = ['warning', 'fine', 'suspend_production'];

/** The inputs of the fields `act`'s code binds (empty when it binds none of its own). */
export function coSignContentInputs(act) {
  const fields = CO_SIGN_CONTENT_FIELDS[act] ?? [];
  if (fields.length === 0) return '';
  const inputs = fields.map((f) => {
    if (f === 'penalty') {
      const articles = Object.values(PENALTY_ARTICLES).map((a) => html`<option value="${a.id}">${loc(a.citation)} — ${loc(a.conduct)}</option>`);
      return html`<label class="inline-field">${tr('article')} <select id="co-sign-article">${articles}</select></label>
        <label class="inline-field">${tr('kind')} <select id="co-sign-kind">${KINDS.map((k) => html`<option value="${k}">${t(`pen_${k}`)}</option>`)}</select></label>
        <label class="inline-field">${tr('fine')} <input id="co-sign-fine" type="number" inputmode="numeric" step="1" min="1"></label>`;
    }
    if (f === 'scope')
      return html`<label class="inline-field">${tr('scope')} <select id="co-sign-scope"><option value="partial">${t('partial')}</option><option value="whole">${t('whole')}</option></select></label>`;
    if (f === 'level')
      return html`<label class="inline-field">${tr('level')} <select id="co-sign-level"><option value="general">${t('general')}</option><option value="major">${t('major')}</option></select></label>`;
    return '';
  });
  return html`<p class="hint">${tr('confirm')}</p><p id="co-sign-content-inputs">${inputs}</p>`;
}

/** The content the second officer typed for `act`, as the issue request's `content` (undefined when the act binds none). */
export function coSignContentFrom(app, act) {
  const fields = CO_SIGN_CONTENT_FIELDS[act] ?? [];
  if (fields.length === 0) return undefined;
  const val = (sel) => app.querySelector(sel)?.value.trim() ?? '';
  const content = {};
  for (const f of fields) {
    if (f === 'penalty') {
      const fine = val('#co-sign-fine');
      content.penalty = { article: val('#co-sign-article'), kind: val('#co-sign-kind'), ...(fine === '' ? {} : { fineAmount: Number(fine) }) };
    } else if (f === 'scope') content.scope = val('#co-sign-scope');
    else if (f === 'level') content.level = val('#co-sign-level');
  }
  return content;
}

/** The content a code binds, as the server answered it (`content` of the issued code). */
export function coSignContentView(content) {
  const rows = [];
  const facts = content?.facts;
  if (facts) {
    rows.push(html`<dt>${tr('hazard')}</dt><dd data-field="facts">${loc(facts.title)}${punct().open}${t(facts.level)}${punct().close}</dd>`);
    rows.push(html`<dt>${tr('enterprise')}</dt><dd data-field="enterprise">${facts.enterpriseId}</dd>`);
  }
  const p = content?.penalty;
  if (p) {
    const a = articleOf(p.article);
    rows.push(html`<dt>${tr('article')}</dt><dd data-field="article">${a ? loc(a.citation) : p.article}</dd>`);
    rows.push(html`<dt>${tr('kind')}</dt><dd data-field="kind">${t(`pen_${p.kind}`)}</dd>`);
    if (p.fineAmount !== undefined) rows.push(html`<dt>${tr('fine')}</dt><dd data-field="fineAmount" data-value="${p.fineAmount}">${tr('yuan', { n: p.fineAmount })}</dd>`);
  }
  if (content?.scope) rows.push(html`<dt>${tr('scope')}</dt><dd data-field="scope">${t(content.scope)}</dd>`);
  if (content?.level) rows.push(html`<dt>${tr('level')}</dt><dd data-field="level">${t(content.level)}</dd>`);
  return html`<p>${tr('bound')}</p><dl id="co-sign-bound">${rows}</dl>`;
}
