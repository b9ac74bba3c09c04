import { formatChinaTime } from '../classify/format-date-time.js';
import type { PenaltyReplyPeriod } from './penalty-service.js';
import type { HazardState, PenaltyProceeding, RejectionCode } from './types.js';

/** The commands of a case's administrative penalty (docs/penalties.md). */
export type PenaltyCommandType = 'notify_penalty' | 'record_statement' | 'record_hearing' | 'withdraw_hearing' | 'decide_penalty';

/** Why a penalty command cannot be taken in the proceeding's present state: the chain's code and its words. */
export interface PenaltyStepRefusal {
  /** `INVALID_TRANSITION` (not at this step: no case, no notice, done already), `NOT_DUE` (not yet), `SEPARATION_OF_DUTIES` (not by this officer). */
  code: Extract<RejectionCode, 'INVALID_TRANSITION' | 'NOT_DUE' | 'SEPARATION_OF_DUTIES'>;
  detail: { 'zh-CN': string; en: string };
}

/** Why one field of a penalty command cannot say what it says: the field's JSON pointer and the chain's words. */
export interface PenaltyFieldRefusal {
  pointer: string;
  'zh-CN': string;
  en: string;
}

/**
 * When the party's reply period ends: the hearing's five days when the notice carried the hearing
 * right (a statement may ask for the hearing until then), else the statement's days — both counted
 * from the notice's service. One rule for the statement (refused after it) and the decision (not
 * before it, unless the party stated).
 */
function replyPeriodEnd(period: PenaltyReplyPeriod): string {
  return period.hearingDeadline ?? period.statementDeadline;
}

/**
 * Whether the party's reply period has ended at `now` (its last instant still inside it): never
 * before the notice is served (`period`: the current notice's, from its service — `null` while
 * it is not served). The one edge of the period: a statement is recorded while it is not over
 * (its last millisecond included), a decision without the party's statement only once it is —
 * at no instant are both open.
 */
export function replyPeriodOver(now: Date, period: PenaltyReplyPeriod | null): boolean {
  return period !== null && now.getTime() > Date.parse(replyPeriodEnd(period));
}

const refuse = (code: PenaltyStepRefusal['code'], zh: string, en: string): PenaltyStepRefusal => ({ code, detail: { 'zh-CN': zh, en } });

/**
 * Whether the party's statement may ask for a hearing (`record_statement` with
 * `hearingRequested: true`) at `now`: only when the notice carried the hearing right
 * (《行政处罚法》第六十三条) and its five days (第六十四条) have not run. `null` when it may;
 * otherwise the refusal at `/hearingRequested`, naming the period's end in China time. `period`:
 * the current notice's reply period from its service (`penaltyReplyPeriod`, in working days of
 * the host's calendar; `null` while it is not served — its days have not begun). `decide`
 * refuses by it, and a page offers the hearing box by it with the period the server computed
 * (`GET /hazards/{id}`'s `penaltyReplyPeriod`; the server decides again).
 */
export function hearingRequestRefusal(p: Pick<PenaltyProceeding, 'hearingRight'>, now: Date, period: PenaltyReplyPeriod | null = null): PenaltyFieldRefusal | null {
  if (!p.hearingRight) return { pointer: '/hearingRequested', 'zh-CN': '告知的处罚不属于应当告知听证权利的情形', en: 'the notified penalty carries no hearing right' };
  const hearingDeadline = period?.hearingDeadline ?? null;
  if (hearingDeadline !== null && now.getTime() > Date.parse(hearingDeadline)) {
    const ended = formatChinaTime(hearingDeadline);
    return {
      pointer: '/hearingRequested',
      'zh-CN': `听证须在收到告知书后五个工作日内提出（《行政处罚法》第六十四条、第八十五条），期限已于 ${ended['zh-CN']}届满`,
      en: `a hearing is asked for within five working days of receiving the notice (Administrative Penalty Law Arts. 64, 85); the period ended ${ended.en}`,
    };
  }
  return null;
}

/**
 * Whether the proceeding's state lets `actorId` take penalty step `type` at `now`, before
 * anything the command itself says (the article, the fine, a hearing asked late) is looked at;
 * `party`: the actor acts as the party (an enterprise user of the hazard's enterprise). A case is
 * filed; nothing follows the decision; statement, hearing, withdrawal and decision follow a
 * notice; the reply periods run from the notice's service (`period`: the current notice's reply
 * period, `penaltyReplyPeriod` in working days of the host's calendar, `null` while the notice is
 * not served), so no decision while it is not
 * recorded as served (`NOT_DUE`); a statement only until the reply period ends (by China time, named in the refusal);
 * one statement by an officer and one by the party — the party states itself after an
 * officer's record (which waives nothing: the reply period still runs, and the party may still
 * ask for a hearing), until a hearing is held or withdrawn; one hearing; the hearing is presided by none of the
 * notice's officers; a hearing request is withdrawn only while it is pending (asked, neither
 * held nor withdrawn); no decision while a requested hearing is pending, nor before the reply
 * period has run unless the party was heard. `null` when the step is open. `decide` refuses by
 * it, and a page shows by it which step is next and why another is not yet (the server decides
 * again).
 */
export function penaltyStepRefusal(
  s: Pick<HazardState, 'caseFiledAt' | 'penalty'>,
  type: PenaltyCommandType,
  now: Date,
  actorId: string,
  party = false,
  period: PenaltyReplyPeriod | null = null,
): PenaltyStepRefusal | null {
  if (s.caseFiledAt === null) return refuse('INVALID_TRANSITION', '尚未立案，不能实施行政处罚', 'no case has been filed for this hazard');
  const p = s.penalty;
  if (p?.decided) return refuse('INVALID_TRANSITION', '已作出行政处罚决定', 'the penalty has already been decided');
  if (type === 'notify_penalty') return null;
  if (!p) return refuse('INVALID_TRANSITION', '尚未送达行政处罚告知书', 'no penalty notice has been issued');
  const withdrawn = p.hearingWithdrawn !== null;
  // The periods run from the notice's service (送达); before it they have not begun (period null).
  if (type === 'record_statement') {
    const recorded = refuse('INVALID_TRANSITION', '当事人的陈述、申辩已记录', 'the party’s statement is already recorded');
    // After an officer's record the party still states itself, while nothing of a hearing has happened.
    if (p.statement && (p.statement.byParty || !party || p.hearing || withdrawn)) return recorded;
    // Within the reply period only (the deadline's instant included), by the party or an officer recording what it
    // said: a statement after it would make the decision print one the party did not make in time.
    if (period && replyPeriodOver(now, period)) {
      const ended = formatChinaTime(replyPeriodEnd(period));
      return refuse('INVALID_TRANSITION', `陈述、申辩期限已于 ${ended['zh-CN']}届满，不再记录陈述、申辩`, `the period to state and defend ended ${ended.en}; a statement is no longer recorded`);
    }
    return null;
  }
  if (type === 'record_hearing' || type === 'withdraw_hearing') {
    if (!p.statement?.hearingRequested) return refuse('INVALID_TRANSITION', '当事人未要求听证', 'the party asked for no hearing');
    if (withdrawn) return refuse('INVALID_TRANSITION', '当事人已撤回听证要求', 'the party has withdrawn its hearing request');
    if (p.hearing) {
      return type === 'record_hearing'
        ? refuse('INVALID_TRANSITION', '听证已记录', 'the hearing is already recorded')
        : refuse('INVALID_TRANSITION', '听证已举行，不能撤回听证要求', 'the hearing has been held; the request can no longer be withdrawn');
    }
    if (type === 'record_hearing' && p.notifiedBy.includes(actorId)) {
      return refuse(
        'SEPARATION_OF_DUTIES',
        '听证由非本案调查人员主持（《行政处罚法》第六十四条）：告知书的执法人员不得主持',
        'a hearing is presided by someone who did not investigate the case (Administrative Penalty Law Art. 64): not an officer of the notice',
      );
    }
    return null;
  }
  if (p.statement?.hearingRequested && !p.hearing && !withdrawn) {
    return refuse(
      'NOT_DUE',
      '当事人已要求听证，须经听证（record_hearing）或当事人撤回听证要求（withdraw_hearing）后方可作出决定',
      'the party asked for a hearing; no decision before it is held (record_hearing) or the party withdraws the request (withdraw_hearing)',
    );
  }
  // The periods run from the party's receipt of the notice: a notice not recorded as served holds the decision.
  if (!period) {
    return refuse(
      'NOT_DUE',
      '行政处罚告知书尚未登记送达：陈述、申辩期限自当事人收到告知书之日起计算，登记送达（送达方式、受送达人、送达时间）前不得作出决定',
      'the penalty notice is not recorded as served: the period to state and defend runs from the party’s receipt, so no decision before its service (method, recipient, time served) is recorded',
    );
  }
  // Only the party's own statement ends the period early (waiving the rest of it is the party's alone).
  // The period's last instant is the party's (a statement is still recorded then): the decision comes after it.
  if (!p.statement?.byParty && !replyPeriodOver(now, period)) {
    const ends = formatChinaTime(replyPeriodEnd(period));
    return refuse(
      'NOT_DUE',
      `陈述、申辩期限至 ${ends['zh-CN']}届满，当事人陈述前不得作出决定`,
      `the period to state and defend runs until ${ends.en}; no decision before it ends or the party has been heard`,
    );
  }
  return null;
}
