import type { ReadAccess } from './read-policy.js';
import type { EventType, HazardState, StoredEvent } from './types.js';

/**
 * The document kinds a landlord reads of its tenant's hazard at the premises it rents to it
 * (`readAccess` `'premises'`): what it needs to coordinate and supervise the rectification
 * there — the 隐患整改通知书 (`rectification_notice`), the 责令限期整改指令书
 * (`rectification_order`), the 整改复查意见书 (`review_opinion`), the 现场处理措施决定书 that
 * stops the use of the premises (`stop_work_order`) and the 挂牌督办通知书
 * (`supervision_listing_notice`). Not the case and penalty documents addressed to the tenant
 * as the party (现场检查记录, 立案审批表, 行政处罚告知书, 行政处罚决定书) nor the department's
 * internal 销号审批表 — nor any kind this list does not name (a new kind is withheld until it is
 * added here).
 */
export const LANDLORD_DOCUMENT_KINDS: readonly string[] = Object.freeze(['rectification_notice', 'rectification_order', 'review_opinion', 'stop_work_order', 'supervision_listing_notice']);

const LANDLORD_DOCUMENT_NAMES = {
  'zh-CN': '隐患整改通知书、责令限期整改指令书、整改复查意见书、现场处理措施决定书、挂牌督办通知书',
  en: 'rectification notice, rectification order, review opinion, stop-work order, supervision listing notice',
};

/**
 * Why a landlord may not read a document kind of its tenant's hazard, in both languages (the
 * words a host answers with; `kind` as the request named it, quoted by the caller).
 *
 * @example
 * ```ts
 * landlordDocumentRefusal('penalty_decision').en; // "a landlord reads only … not penalty_decision: …"
 * ```
 */
export function landlordDocumentRefusal(kind: string): { 'zh-CN': string; en: string } {
  return {
    'zh-CN': `出租方只能查阅承租方在其出租场所隐患的整改类文书（${LANDLORD_DOCUMENT_NAMES['zh-CN']}），不能查阅 ${kind}：立案与行政处罚文书是承租方作为当事人的文书`,
    en: `a landlord reads only the rectification documents of its tenant's hazard at the premises it rents to it (${LANDLORD_DOCUMENT_NAMES.en}), not ${kind}: case and penalty documents are the tenant's, as the party`,
  };
}

/**
 * Which events of a tenant's hazard a landlord reads, per event type (every type must be
 * decided: a new one does not compile until it is). Withheld: the penalty proceeding — the
 * case's filing (its officers and number), the 行政处罚告知, the party's statement
 * (陈述申辩), the hearing and its withdrawal, the 行政处罚决定.
 */
const LANDLORD_READS_EVENT: Readonly<Record<EventType, boolean>> = Object.freeze({
  reported: true,
  reclassified: true,
  level_confirmed: true,
  notice_issued: true,
  rectification_submitted: true,
  verified: true,
  rejected: true,
  extension_requested: true,
  extension_granted: true,
  extension_denied: true,
  escalated: true,
  case_filed: false,
  listed_for_supervision: true,
  plan_submitted: true,
  plan_approved: true,
  stop_work_ordered: true,
  accepted: true,
  closed: true,
  stop_work_lifted: true,
  delisted: true,
  reopened: true,
  spot_checked: true,
  due_soon_warned: true,
  overdue_noticed: true,
  penalty_notified: false,
  statement_recorded: false,
  hearing_held: false,
  hearing_withdrawn: false,
  penalty_decided: false,
});

/**
 * Whether a landlord reads (and may be told of) an event of its tenant's hazard at the premises
 * it rents to it (`type`: an event type; an unknown one is not): every event but the penalty proceeding's (case filing, penalty notice,
 * statement, hearing and its withdrawal, decision). A notifier copying a tenant's messages to
 * its landlord (抄送出租方) asks this, as `hazardReadView` does for the history.
 *
 * @example
 * ```ts
 * landlordReadsEvent('notice_issued'); // true
 * landlordReadsEvent('penalty_decided'); // false
 * ```
 */
export function landlordReadsEvent(type: string): boolean {
  return Object.hasOwn(LANDLORD_READS_EVENT, type) && LANDLORD_READS_EVENT[type as EventType];
}

/**
 * Whether an actor with this access reads a document of this kind: `'full'` every kind,
 * `'premises'` (a landlord) only {@link LANDLORD_DOCUMENT_KINDS}.
 *
 * @example
 * ```ts
 * mayReadDocumentKind('premises', 'rectification_order'); // true
 * mayReadDocumentKind('premises', 'penalty_decision'); // false
 * ```
 */
export function mayReadDocumentKind(access: ReadAccess, kind: string): boolean {
  return access === 'full' || LANDLORD_DOCUMENT_KINDS.includes(kind);
}

/** A hazard as an actor reads it ({@link hazardReadView}). */
export interface HazardReadView {
  state: HazardState;
  history: StoredEvent[];
  /**
   * Which view this is: `'premises'` — a landlord's, without the tenant's penalty proceeding
   * (the same whether or not the hazard has one, so it reveals nothing of it).
   */
  access: ReadAccess;
}

/**
 * A hazard's state and history as an actor with this access reads them. `'full'`: as they
 * are. `'premises'` (a landlord reading its tenant's hazard): the hazard, its level, status,
 * deadline, rectification, plan, stop-work and supervision listing, but not the penalty
 * proceeding — `state.penalty` is left out, `state.caseNo` is `null` (the status and
 * `caseFiledAt` still say that a case was filed, the hazard's stage), and the events
 * {@link LANDLORD_READS_EVENT} withholds are left out of the history.
 */
export function hazardReadView(access: ReadAccess, state: HazardState, events: readonly StoredEvent[]): HazardReadView {
  if (access === 'full') return { state, history: [...events], access };
  const { penalty: _penalty, ...rest } = state;
  const history = events.filter((e) => landlordReadsEvent(e.type));
  return { state: { ...rest, caseNo: null }, history, access };
}
