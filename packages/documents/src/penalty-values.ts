import type { ChainEvent, LocalizedText } from '@anjian/core';
import { PENALTY_ARTICLES, PENALTY_REPLY_DAYS, type Penalty } from '@anjian/core/internal';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

/**
 * A whole amount of yuan in capital numerals, as a penalty decision writes it
 * (30 000 → 叁万元整, 10 500 → 壹万零伍佰元整). Whole yuan from 1 to 999 999 999 999.
 */
function capitalYuan(amount: number): string {
  if (!Number.isInteger(amount) || amount < 1 || amount >= 1e12) throw new RangeError(`capitalYuan: ${amount} is not a whole amount of yuan from 1 to 999999999999`);
  let n = amount;
  let out = '';
  let zeroBefore = false;
  for (let g = 0; n > 0; g++) {
    const part = n % 10_000;
    n = Math.floor(n / 10_000);
    if (part === 0) {
      zeroBefore = n > 0 && out !== '';
      continue;
    }
    let text = '';
    let zero = false;
    let rest = part;
    for (let i = 0; i < 4; i++) {
      const d = rest % 10;
      rest = Math.floor(rest / 10);
      if (d === 0) zero = zero || text !== '';
      else {
        text = `${DIGITS[d]}${UNITS[i]}${zero ? '零' : ''}${text}`;
        zero = false;
      }
    }
    out = `${text}${GROUPS[g]}${zeroBefore ? '零' : ''}${out}`;
    zeroBefore = part < 1000 && n > 0;
  }
  return `${out}元整`;
}

const SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * A reply period as the notice states it, from the party's receipt (the notice cannot know when it
 * will be served): `收到本告知书之日起三个工作日内` — working days (《行政处罚法》第八十五条), the chain's count
 * (`PENALTY_REPLY_DAYS`).
 */
function fromReceipt(days: number): string {
  return `收到本告知书之日起${SMALL[days] ?? String(days)}个工作日内`;
}

const zh = (t: LocalizedText | undefined): string | undefined => (t ? (t['zh-CN'] ?? t.en ?? undefined) : undefined);

function fineText(amount: number): string {
  return `罚款人民币${amount}元（大写：${capitalYuan(amount)}）`;
}

/** The penalty in the words of a notice or decision (`罚款人民币30000元（大写：叁万元整）`, `责令停产停业整顿`). */
function penaltyText(p: Penalty): string {
  if (p.kind === 'warning') return '警告';
  if (p.kind === 'fine') return fineText(p.fineAmount as number);
  return p.fineAmount === undefined ? '责令停产停业整顿' : `责令停产停业整顿，并处${fineText(p.fineAmount)}`;
}

/** How a decided penalty is carried out (《行政处罚法》第六十七条、第七十二条 for fines). */
function performance(p: Penalty): string {
  const fine =
    p.fineAmount === undefined
      ? ''
      : '你单位应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款；到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。';
  const suspend = p.kind === 'suspend_production' ? '你单位应当自收到本决定书之日起停产停业整顿，经本机关审查同意后方可恢复生产经营。' : '';
  return `${suspend}${fine}` || '本决定自送达之日起生效。';
}

/**
 * The values of the `penalty.*` sources for the last event of `upTo` (the issuing one):
 * for `penalty_notified` the proposed penalty, its article, the provision it punishes the breach of
 * (`penalty.violated`, the law table's `violates`), the reply periods as running from the party's
 * receipt (`penalty.statementPeriod`, `penalty.hearingRight`: the notice is composed before it is
 * served, so it states no date) and the deadlines the chain recorded from the notice's own time
 * (`penalty.statementDeadline`, `penalty.hearing`, printed by templates before 1.2.0); for `penalty_decided` the decided penalty, the notice's date, what the party
 * stated and how the penalty is carried out. Other events: none.
 */
export function penaltyValues(upTo: readonly ChainEvent[], date: (iso: string) => string): Record<string, string> {
  const event = upTo[upTo.length - 1];
  if (!event || (event.type !== 'penalty_notified' && event.type !== 'penalty_decided')) return {};
  const penalty = (event.data as { penalty: Penalty }).penalty;
  const article = Object.hasOwn(PENALTY_ARTICLES, penalty.article) ? PENALTY_ARTICLES[penalty.article] : undefined;
  const out: Record<string, string> = { 'penalty.text': penaltyText(penalty) };
  if (article) {
    out['penalty.article'] = article.citation['zh-CN'];
    out['penalty.conduct'] = article.conduct['zh-CN'];
    // The duty the article punishes the breach of (违反了…的规定), from the law table — not the hazard's basis, often a 判定标准.
    out['penalty.violated'] = article.violates.citation['zh-CN'];
  }
  if (event.type === 'penalty_notified') {
    const d = (event as ChainEvent<'penalty_notified'>).data;
    // The date the chain recorded, counted from the notice's record (templates before 1.2.0 print it: penalty.statementDeadline,
    // penalty.hearing), and the periods from receipt the notice states since (penalty.statementPeriod, penalty.hearingRight).
    out['penalty.statementDeadline'] = date(d.statementDeadline);
    out['penalty.statementPeriod'] = fromReceipt(PENALTY_REPLY_DAYS.statement);
    if (d.hearingRight) {
      out['penalty.hearingRight'] =
        `依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证；要求听证的，应当自${fromReceipt(PENALTY_REPLY_DAYS.hearing)}向本机关提出，逾期视为放弃听证权利。`;
    }
    if (d.hearingRight && d.hearingDeadline) {
      out['penalty.hearing'] =
        `依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证；要求听证的，应当在${date(d.hearingDeadline)}前向本机关提出，逾期视为放弃听证权利。`;
    }
    return out;
  }
  const noticeAt = upTo.map((e) => e.type).lastIndexOf('penalty_notified');
  const notice = upTo[noticeAt];
  if (notice) out['penalty.noticeDate'] = date(notice.recordedAt);
  // The party's own statement when it stated after an officer's record of what it said (the last one).
  const statement = upTo
    .slice(noticeAt + 1)
    .reverse()
    .find((e) => e.type === 'statement_recorded') as ChainEvent<'statement_recorded'> | undefined;
  out['penalty.statement'] = statement
    ? `你单位于${date(statement.recordedAt)}提出陈述、申辩：${zh(statement.data.statement) ?? ''}。本机关对你单位提出的事实、理由和证据进行了复核。`
    : '你单位在规定期限内未提出陈述、申辩。';
  const hearing = upTo.slice(noticeAt + 1).find((e) => e.type === 'hearing_held');
  if (hearing) out['penalty.statement'] += `应你单位要求，本机关于${date(hearing.recordedAt)}依法举行了听证。`;
  // A request withdrawn before the hearing: no hearing was held, and the decision says why.
  const withdrawn = upTo.slice(noticeAt + 1).find((e) => e.type === 'hearing_withdrawn');
  if (withdrawn && !hearing) out['penalty.statement'] += `你单位于${date(withdrawn.recordedAt)}撤回了听证要求。`;
  out['penalty.performance'] = performance(penalty);
  return out;
}
