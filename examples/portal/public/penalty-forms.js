// The penalty of a filed case on the hazard page (docs/penalties.md): 行政处罚告知 (article,
// kind and fine chosen from core's law table, PENALTY_ARTICLES — no copy here), the party's
// 陈述申辩 (the enterprise records its own, or an officer what it said), 听证 or the withdrawal of
// the hearing request (撤回听证要求), 处罚决定. Which step is open, and why another is not yet, is
// core's penaltyStepRefusal at the server's clock; whether the statement may still ask for a
// hearing is core's hearingRequestRefusal; the articles'
// kinds and fine ranges are shown as the table states them and checked by the server, whose
// refusals come back located (issues with a pointer) and are shown beside their field.
import { html } from './html.js';
import { lang, loc, punct, t } from './i18n.js';
import { decisionLimits, hearingRefusal, PENALTY_ARTICLES } from './permissions.js';
import { localTime, textOf } from './shared.js';

/** The penalty commands, in the order of the proceeding. */
export const PENALTY_COMMANDS = ['notify_penalty', 'record_statement', 'record_hearing', 'withdraw_hearing', 'decide_penalty'];

const L = {
  'zh-CN': {
    title: '行政处罚',
    article: '处罚依据',
    violates: '违反的规定',
    kind: '处罚种类',
    fine: '罚款金额（元）',
    range: '法定幅度 {min}–{max} 元',
    notHeavier: '不得重于告知的处罚：罚款不超过 {max} 元（《行政处罚法》第四十五条）',
    noFine: '该条款对单位不设罚款',
    unverified: '（条款幅度未经官方文本核实）',
    statement: '陈述、申辩内容',
    hearingRequested: '要求举行听证',
    report: '听证报告（听证情况和处理意见）',
    withdrawReason: '撤回听证要求的意思表示',
    withdrawn: '当事人已撤回听证要求（{at}）',
    notified: '已告知：{article}，{penalty}（{at}）',
    notServed: '告知书尚未登记送达：陈述申辩和听证期限自送达之日起计算，送达前不能作出决定',
    served: '告知书已于 {at} 送达',
    deemedServed: '告知书公告送达：{published} 发出公告，经过三十日，视为于 {at} 送达',
    statementDue: '陈述申辩期限：{due}',
    hearingDue: '有权要求听证，期限：{due}',
    stated: '当事人已陈述申辩（{at}）{hearing}',
    byOfficer: '（执法人员记录，当事人仍可在期限内自行陈述申辩）',
    askedHearing: '，要求听证',
    heard: '已举行听证（{at}）',
    decided: '已作出处罚决定：{penalty}（{at}）',
    yuan: '{n} 元',
  },
  en: {
    title: 'Administrative penalty',
    article: 'Article',
    violates: 'Provision violated',
    kind: 'Kind of penalty',
    fine: 'Fine (yuan)',
    range: 'range set by law: {min}–{max} yuan',
    notHeavier: 'no heavier than notified: a fine of at most {max} yuan (Administrative Penalty Law Art. 45)',
    noFine: 'the article sets no fine on the unit',
    unverified: ' (range not checked against an official text)',
    statement: 'Statement and defence',
    hearingRequested: 'Asks for a hearing',
    report: 'Hearing report (what was heard, the proposal)',
    withdrawReason: 'What the party declares in withdrawing',
    withdrawn: 'The party withdrew its hearing request ({at})',
    notified: 'Notified: {article}, {penalty} ({at})',
    notServed: 'The notice is not recorded as served: the periods to state and to ask for a hearing run from its service, and no decision comes before it',
    served: 'Notice served {at}',
    deemedServed: 'Notice served by public notice: published {published}, deemed served {at}, thirty days on',
    statementDue: 'Statement and defence until {due}',
    hearingDue: 'Hearing right: ask until {due}',
    stated: 'The party stated its defence ({at}){hearing}',
    byOfficer: ' (recorded by an officer; the party may still state its own within the period)',
    askedHearing: ' and asked for a hearing',
    heard: 'Hearing held ({at})',
    decided: 'Penalty decided: {penalty} ({at})',
    yuan: '{n} yuan',
  },
};
/** What stands where the reply deadlines would, when the server could not compute them; the server's reason follows. */
const UNAVAILABLE = { 'zh-CN': '陈述申辩与听证期限无法计算：', en: 'The reply period (statement, hearing) cannot be computed: ' };
const tr = (key, vars = {}) => (L[lang()] ?? L['zh-CN'])[key].replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

const articleOf = (id) => (Object.hasOwn(PENALTY_ARTICLES, id) ? PENALTY_ARTICLES[id] : undefined);
/** A penalty in words: its kind (terminology table) and fine. */
const penaltyWords = (p) => `${t(`pen_${p.kind}`)}${p.fineAmount === undefined ? '' : ` ${tr('yuan', { n: p.fineAmount })}`}`;

/**
 * Where the proceeding stands, from the state the server sent; the reply deadlines are the
 * server's (`period`: `GET /hazards/{id}`'s `penaltyReplyPeriod`, counted by core from the
 * notice's service in working days of the server's calendar), or why there are none yet (nothing
 * computed here); `unavailable` (`penaltyReplyPeriodUnavailable`): the server could not compute
 * them (its calendar lacks a year) — said so in both languages with its reason, never a date and
 * never "not served".
 */
export function penaltyStatus(h, period, unavailable = null) {
  const p = h.penalty;
  if (!p) return '';
  const a = articleOf(p.notified.article);
  const lines = [html`<li>${tr('notified', { article: a ? loc(a.citation) : p.notified.article, penalty: penaltyWords(p.notified), at: localTime(p.notifiedAt) })}</li>`];
  if (unavailable) {
    const first = lang() === 'en' ? 'en' : 'zh-CN';
    const other = first === 'en' ? 'zh-CN' : 'en';
    lines.push(
      html`<li id="penalty-period-unavailable" data-code="${unavailable.code}">${UNAVAILABLE[first]}${unavailable.message[first]} <span lang="${other}" class="hint">/ ${UNAVAILABLE[other]}${unavailable.message[other]}</span></li>`,
    );
  } else if (!period) lines.push(html`<li id="penalty-not-served">${tr('notServed')}</li>`);
  else {
    // A public notice is deemed served (视为送达) on the day the server derived from its publication; the day is what counts.
    const served = period.deemed ? tr('deemedServed', { published: period.deemed.publishedOn, at: localTime(period.servedAt).slice(0, 10) }) : tr('served', { at: localTime(period.servedAt) });
    lines.push(html`<li id="penalty-served" data-deemed="${period.deemed ? period.deemed.publishedOn : ''}">${served}</li>`);
    lines.push(html`<li id="penalty-statement-due">${tr('statementDue', { due: localTime(period.statementDeadline) })}</li>`);
    if (period.hearingDeadline) lines.push(html`<li id="penalty-hearing-due">${tr('hearingDue', { due: localTime(period.hearingDeadline) })}</li>`);
  }
  if (p.statement) {
    const by = p.statement.byParty === false ? tr('byOfficer') : '';
    lines.push(html`<li id="penalty-statement">${tr('stated', { at: localTime(p.statement.recordedAt), hearing: p.statement.hearingRequested ? tr('askedHearing') : '' })}${by}</li>`);
  }
  if (p.hearing) lines.push(html`<li>${tr('heard', { at: localTime(p.hearing.recordedAt) })}</li>`);
  if (p.hearingWithdrawn) lines.push(html`<li id="penalty-hearing-withdrawn">${tr('withdrawn', { at: localTime(p.hearingWithdrawn.recordedAt) })}</li>`);
  if (p.decided) lines.push(html`<li>${tr('decided', { penalty: penaltyWords(p.decided), at: localTime(p.decidedAt) })}</li>`);
  return html`<div id="penalty-status"><h3>${tr('title')}</h3><ul>${lines}</ul></div>`;
}

/**
 * The kind options and fine field of `articleId` (`prefix`: the form's id prefix; `preset`: a
 * penalty to start from; `bounds`: for a decision, core's decisionBounds of the notice — the kinds
 * and fine it may impose).
 */
function penaltyFields(prefix, articleId, preset, bounds) {
  const a = articleOf(articleId);
  if (!a) return '';
  const offered = bounds ? bounds.kinds : a.kinds;
  const kinds = offered.map((k) => (preset?.kind === k ? html`<option value="${k}" selected>${t(`pen_${k}`)}</option>` : html`<option value="${k}">${t(`pen_${k}`)}</option>`));
  const range = bounds ? bounds.fines[preset?.kind ?? offered[0]] : a.fine;
  const hint = bounds && range && range.max < (a.fine?.max ?? 0) ? tr('notHeavier', range) : `${tr('range', a.fine ?? range ?? {})}${a.verified ? '' : tr('unverified')}`;
  const fine = range
    ? html`<label class="inline-field">${tr('fine')}<span class="required-mark" aria-hidden="true">*</span> <input id="${prefix}-fine" type="number" inputmode="numeric" step="1" min="${range.min}" max="${range.max}" value="${preset?.fineAmount ?? ''}" aria-required="true" data-pointer="/penalty/fineAmount"></label> <span class="hint" id="${prefix}-range">${hint}</span>`
    : html`<span class="hint" id="${prefix}-range">${tr('noFine')}</span>`;
  return html`<label class="inline-field">${tr('kind')} <select id="${prefix}-kind" data-pointer="/penalty/kind">${kinds}</select></label> ${fine}
    <p class="hint" id="${prefix}-violates">${tr('violates')}${punct().colon}${loc(a.violates.citation)}${punct().open}${loc(a.violates.duty)}${punct().close}</p>`;
}

/**
 * The forms of the penalty steps `can(type)` offers (the permission table and core's
 * penaltyStepRefusal decided that), each an `.action` with its button; `at` is the server's clock
 * when it sent the state and `period` the reply period the server derived (whether a hearing may still be asked for).
 */
export function penaltyForms(h, can, at, period) {
  const forms = [];
  if (can('notify_penalty')) {
    const ids = Object.keys(PENALTY_ARTICLES);
    const options = ids.map((id) => html`<option value="${id}">${loc(PENALTY_ARTICLES[id].citation)}${punct().colon}${loc(PENALTY_ARTICLES[id].conduct)}</option>`);
    forms.push(
      html`<div class="action" data-action="notify_penalty"><label class="inline-field">${tr('article')} <select id="notify-article" data-pointer="/penalty/article">${options}</select></label>
      <span id="notify-fields">${penaltyFields('notify', ids[0])}</span>
      <button type="button" data-cmd="notify_penalty" id="cmd-notify_penalty">${t('cmd_notify_penalty')}</button></div>`,
    );
  }
  if (can('record_statement')) {
    // The hearing box only while core says a hearing may be asked for (the notice's right, within its five days); once
    // the days have run, why not, in core's words (the server refuses it then).
    const closed = h.penalty ? hearingRefusal(h.penalty, at, period) : null;
    const hearing = !h.penalty?.hearingRight
      ? ''
      : closed
        ? html` <span class="hint" id="statement-hearing-closed">${loc(closed)}</span>`
        : html` <label class="inline-field"><input type="checkbox" id="statement-hearing" data-pointer="/hearingRequested"> ${tr('hearingRequested')}</label>`;
    forms.push(
      html`<div class="action" data-action="record_statement"><label class="inline-field">${tr('statement')}<span class="required-mark" aria-hidden="true">*</span> <input id="statement-text" aria-required="true" data-pointer="/statement"></label>${hearing}
      <button type="button" data-cmd="record_statement" id="cmd-record_statement">${t('cmd_record_statement')}</button></div>`,
    );
  }
  if (can('record_hearing')) {
    forms.push(
      html`<div class="action" data-action="record_hearing"><label class="inline-field">${tr('report')}<span class="required-mark" aria-hidden="true">*</span> <input id="hearing-report" aria-required="true" data-pointer="/report"></label>
      <button type="button" data-cmd="record_hearing" id="cmd-record_hearing">${t('cmd_record_hearing')}</button></div>`,
    );
  }
  if (can('withdraw_hearing')) {
    forms.push(
      html`<div class="action" data-action="withdraw_hearing"><label class="inline-field">${tr('withdrawReason')}<span class="required-mark" aria-hidden="true">*</span> <input id="withdraw-reason" aria-required="true" data-pointer="/reason"></label>
      <button type="button" data-cmd="withdraw_hearing" id="cmd-withdraw_hearing">${t('cmd_withdraw_hearing')}</button></div>`,
    );
  }
  if (can('decide_penalty') && h.penalty) {
    // The decision keeps the notice's article and is never heavier (core's decisionBounds; a heavier penalty needs a new
    // notice, the server says so at /penalty).
    const notified = h.penalty.notified;
    const a = articleOf(notified.article);
    forms.push(
      html`<div class="action" data-action="decide_penalty"><span class="inline-field" id="decide-article" data-article="${notified.article}">${tr('article')}${punct().colon}${a ? loc(a.citation) : notified.article}</span>
      ${penaltyFields('decide', notified.article, notified, decisionLimits(notified))}
      <button type="button" data-cmd="decide_penalty" id="cmd-decide_penalty">${t('cmd_decide_penalty')}</button></div>`,
    );
  }
  return forms;
}

/** Redraws the notice form's kind and fine when another article is chosen. */
export function wirePenaltyForms(app, setHtml) {
  const select = app.querySelector('#notify-article');
  select?.addEventListener('change', () => setHtml(app.querySelector('#notify-fields'), penaltyFields('notify', select.value)));
}

/**
 * The penalty commands' handlers: each reads its form and sends the body core expects
 * (`{ penalty: { article, kind, fineAmount } }`, `{ statement, hearingRequested }`, `{ report }`, `{ reason }`);
 * `filled` and `reasonFrom` mark an empty required field as the page's other forms do.
 */
export function penaltyHandlers({ app, value, filled, reasonFrom, send }) {
  const penaltyOf = (prefix, article) => {
    const kind = value(`#${prefix}-kind`);
    const fineInput = app.querySelector(`#${prefix}-fine`);
    if (!fineInput) return { article, kind };
    const amount = filled(`#${prefix}-fine`, 'errFineRequired');
    if (amount === null) return null;
    // A number as typed: the server checks it is whole and within the article's range.
    return { article, kind, fineAmount: Number(amount) };
  };
  return {
    notify_penalty: () => {
      const penalty = penaltyOf('notify', value('#notify-article'));
      return penalty && send({ type: 'notify_penalty', penalty });
    },
    record_statement: () => {
      const statement = reasonFrom('#statement-text');
      return statement && send({ type: 'record_statement', statement, hearingRequested: app.querySelector('#statement-hearing')?.checked === true });
    },
    record_hearing: () => {
      const report = filled('#hearing-report', 'errReportRequired');
      return report && send({ type: 'record_hearing', report: textOf(report) });
    },
    withdraw_hearing: () => {
      const reason = reasonFrom('#withdraw-reason');
      return reason && send({ type: 'withdraw_hearing', reason });
    },
    decide_penalty: () => {
      const penalty = penaltyOf('decide', app.querySelector('#decide-article')?.dataset.article ?? '');
      return penalty && send({ type: 'decide_penalty', penalty });
    },
  };
}
