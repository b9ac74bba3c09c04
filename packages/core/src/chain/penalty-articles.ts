import type { LocalizedText } from '../pack/types.js';

/**
 * The kinds of administrative penalty the chain records (《行政处罚法》(2021) 第九条 names
 * them): 警告 `warning`, 罚款 `fine`, 责令停产停业（整顿）`suspend_production`, in rising
 * severity (the order {@link penaltyHeavier} compares by).
 */
export type PenaltyKind = 'warning' | 'fine' | 'suspend_production';

/** Every penalty kind, lightest first. */
export const PENALTY_KINDS: readonly PenaltyKind[] = Object.freeze(['warning', 'fine', 'suspend_production']);

/**
 * A penalty as an officer proposes it (行政处罚告知书) or decides it (行政处罚决定书): the
 * legal article it rests on (an id of {@link PENALTY_ARTICLES}), its kind and, for a fine,
 * the amount in whole yuan (CNY).
 */
export interface Penalty {
  article: string;
  kind: PenaltyKind;
  /** Whole yuan; present exactly when the article's kind carries a fine. */
  fineAmount?: number;
}

/**
 * A duty of the party that a penalty article punishes the breach of — what a penalty document's
 * 违反 line cites (`违反了《中华人民共和国安全生产法》第四十一条第二款的规定`). Not the hazard's
 * determination standard (判定标准), which classifies the hazard and is cited as the finding's ground.
 */
export interface PenaltyDuty {
  /** The provision (`《中华人民共和国安全生产法》第四十一条第二款`). */
  citation: LocalizedText & { en: string };
  /** What the provision requires, in brief. */
  duty: LocalizedText & { en: string };
  /** False when the wording was read from a republished text, not an official source (docs/penalties.md). */
  verified: boolean;
}

/**
 * 《安全生产法》(2021) 第四十一条第二款: the unit establishes and implements a system of hazard
 * investigation and treatment and removes hazards in time; records them; reports the treatment
 * of major hazards. The duty both 第一百零一条 (no system, major hazard not reported) and
 * 第一百零二条 (hazard not removed) punish the breach of.
 */
const HAZARD_TREATMENT_DUTY: PenaltyDuty = Object.freeze({
  citation: { 'zh-CN': '《中华人民共和国安全生产法》第四十一条第二款', en: 'Work Safety Law of the PRC (2021), Art. 41(2)' },
  duty: {
    'zh-CN': '生产经营单位应当建立健全并落实生产安全事故隐患排查治理制度，采取技术、管理措施，及时发现并消除事故隐患',
    en: 'the unit establishes and implements a system of hazard investigation and treatment and finds and removes accident hazards in time',
  },
  verified: false,
});

/** One penalty article of the law, as data: what conduct it punishes, with which kinds, in which range. */
export interface PenaltyArticle {
  id: string;
  /** The citation printed on documents (`《中华人民共和国安全生产法》第一百零二条`). */
  citation: LocalizedText & { en: string };
  /** The conduct the article punishes, in the words a document prints after 经查. */
  conduct: LocalizedText & { en: string };
  /** The duty whose breach the article punishes: the provision a document says was violated (违反了…的规定). */
  violates: PenaltyDuty;
  /** The kinds this article allows. */
  kinds: readonly PenaltyKind[];
  /** The fine on the unit, in whole yuan, when the article sets one (`min` 1 when it says only 以下). */
  fine?: { min: number; max: number };
  /**
   * False when the range was read from the published text but could not be checked against
   * an official source here; docs/penalties.md lists them.
   */
  verified: boolean;
}

const LAW = '《中华人民共和国安全生产法》';
const LAW_EN = 'Work Safety Law of the PRC (2021)';

/**
 * The penalty articles a penalty notice may rest on: 《安全生产法》(2021) 第一百零一条、第一百零二条,
 * the hazard duties. An article not in this table is refused (fail closed); a fine outside
 * the article's range is refused at `/penalty/fineAmount`.
 */
export const PENALTY_ARTICLES: Readonly<Record<string, PenaltyArticle>> = Object.freeze({
  'work-safety-law-2021/102': {
    id: 'work-safety-law-2021/102',
    citation: { 'zh-CN': `${LAW}第一百零二条`, en: `${LAW_EN}, Art. 102` },
    conduct: { 'zh-CN': '未采取措施消除事故隐患', en: 'failing to take measures to eliminate an accident hazard' },
    violates: HAZARD_TREATMENT_DUTY,
    kinds: ['fine'],
    fine: { min: 1, max: 50_000 },
    verified: false,
  },
  'work-safety-law-2021/102-refusal': {
    id: 'work-safety-law-2021/102-refusal',
    citation: { 'zh-CN': `${LAW}第一百零二条`, en: `${LAW_EN}, Art. 102` },
    conduct: { 'zh-CN': '拒不执行消除事故隐患的责令', en: 'refusing to carry out the order to eliminate an accident hazard' },
    violates: HAZARD_TREATMENT_DUTY,
    kinds: ['suspend_production'],
    verified: false,
  },
  'work-safety-law-2021/101': {
    id: 'work-safety-law-2021/101',
    citation: { 'zh-CN': `${LAW}第一百零一条`, en: `${LAW_EN}, Art. 101` },
    conduct: {
      'zh-CN': '未建立事故隐患排查治理制度，或者重大事故隐患排查治理情况未按照规定报告',
      en: 'no system of hazard identification and treatment, or major-hazard treatment not reported as required',
    },
    violates: HAZARD_TREATMENT_DUTY,
    kinds: ['fine'],
    fine: { min: 1, max: 100_000 },
    verified: false,
  },
  'work-safety-law-2021/101-overdue': {
    id: 'work-safety-law-2021/101-overdue',
    citation: { 'zh-CN': `${LAW}第一百零一条`, en: `${LAW_EN}, Art. 101` },
    conduct: { 'zh-CN': '逾期未改正（未建立事故隐患排查治理制度等）', en: 'not corrected within the time limit (no hazard-treatment system etc.)' },
    violates: HAZARD_TREATMENT_DUTY,
    kinds: ['suspend_production'],
    fine: { min: 100_000, max: 200_000 },
    verified: false,
  },
});

/**
 * 较大数额罚款 of 《行政处罚法》第六十三条 for a unit, in yuan: the fallback of
 * 《安全生产违法行为行政处罚办法》 where a province has set no amount (see docs/penalties.md:
 * a province's own amount is not configurable yet).
 */
export const LARGE_FINE_FOR_UNIT = 50_000;

/** Days to state and defend (陈述、申辩) after the notice; days to ask for a hearing (《行政处罚法》第六十四条). */
export const PENALTY_REPLY_DAYS = Object.freeze({ statement: 3, hearing: 5 });

type Problem = { pointer: string; 'zh-CN': string; en: string };

/**
 * Checks a penalty against its article: the article is known, allows the kind, and the
 * fine (required exactly when the article sets a range) lies in the range. Returns the
 * problem with its JSON pointer (under `/penalty`), or `null`.
 */
export function penaltyProblem(p: Penalty): Problem | null {
  const article = Object.hasOwn(PENALTY_ARTICLES, p.article) ? PENALTY_ARTICLES[p.article] : undefined;
  if (!article) {
    return {
      pointer: '/penalty/article',
      'zh-CN': `未知的处罚依据「${p.article}」；可用：${Object.keys(PENALTY_ARTICLES).join('、')}`,
      en: `unknown penalty article "${p.article}"; known: ${Object.keys(PENALTY_ARTICLES).join(', ')}`,
    };
  }
  if (!article.kinds.includes(p.kind)) {
    return { pointer: '/penalty/kind', 'zh-CN': `${article.citation['zh-CN']}不设「${p.kind}」处罚`, en: `${article.citation.en} provides no "${p.kind}" penalty` };
  }
  if (!article.fine) {
    return p.fineAmount === undefined ? null : { pointer: '/penalty/fineAmount', 'zh-CN': `${article.citation['zh-CN']}对单位不设罚款`, en: `${article.citation.en} sets no fine on the unit` };
  }
  const { min, max } = article.fine;
  if (p.fineAmount === undefined || p.fineAmount < min || p.fineAmount > max) {
    return {
      pointer: '/penalty/fineAmount',
      'zh-CN': `依${article.citation['zh-CN']}，罚款须在 ${min}–${max} 元之间`,
      en: `under ${article.citation.en} the fine must be between ${min} and ${max} yuan`,
    };
  }
  return null;
}

/** True when the penalty carries the right to a hearing (《行政处罚法》第六十三条: 较大数额罚款, 责令停产停业). */
export function hearingRight(p: Penalty): boolean {
  return p.kind === 'suspend_production' || (p.fineAmount ?? 0) >= LARGE_FINE_FOR_UNIT;
}

/** What a decision may impose after a notice: its article, and per kind the fine allowed (see {@link decisionBounds}). */
export interface DecisionBounds {
  article: string;
  /** The article's kinds no heavier than the notice's, lightest first. */
  kinds: readonly PenaltyKind[];
  /** The fine allowed with each of `kinds` (whole yuan), present when the article sets one. */
  fines: Readonly<Partial<Record<PenaltyKind, { min: number; max: number }>>>;
}

/**
 * The penalties a decision may impose after `notified` and the chain accepts: the notice's
 * article; its kinds no heavier than the notice's; with the notice's kind a fine from the
 * article's minimum up to the notice's amount, with a lighter kind the article's range
 * (《行政处罚法》第四十五条: never heavier — exactly what {@link penaltyHeavier} and
 * {@link penaltyProblem} let through). A page offers the decision's fields by it; the server
 * decides again.
 */
export function decisionBounds(notified: Penalty): DecisionBounds {
  const article = Object.hasOwn(PENALTY_ARTICLES, notified.article) ? PENALTY_ARTICLES[notified.article] : undefined;
  if (!article) return { article: notified.article, kinds: [], fines: {} };
  const rank = PENALTY_KINDS.indexOf(notified.kind);
  const kinds = PENALTY_KINDS.filter((k) => article.kinds.includes(k) && PENALTY_KINDS.indexOf(k) <= rank);
  const fines: Partial<Record<PenaltyKind, { min: number; max: number }>> = {};
  if (article.fine) {
    for (const k of kinds) fines[k] = { min: article.fine.min, max: k === notified.kind ? Math.min(article.fine.max, notified.fineAmount ?? 0) : article.fine.max };
  }
  return { article: article.id, kinds, fines };
}

/**
 * True when `decided` is heavier than `notified`: another article, a heavier kind or a
 * larger fine. 《行政处罚法》第四十五条: a statement never makes a penalty heavier; a
 * heavier one needs a new notice.
 */
export function penaltyHeavier(decided: Penalty, notified: Penalty): boolean {
  if (decided.article !== notified.article) return true;
  const rank = PENALTY_KINDS.indexOf(decided.kind) - PENALTY_KINDS.indexOf(notified.kind);
  if (rank !== 0) return rank > 0;
  return (decided.fineAmount ?? 0) > (notified.fineAmount ?? 0);
}
