import type { ChainEvent, HazardState, Role } from '@anjian/core';
import type { DocumentKind } from './types.js';

/** One row of the event → document table. */
export interface DocumentTrigger {
  /** The review-chain event that issues the document. */
  event: ChainEvent['type'];
  /** Only when the event's actor acted in this role. */
  role?: Role;
  /** Only for a hazard that is or was major (重大事故隐患). */
  majorOnly?: boolean;
  /**
   * Only when the event records two officers (`officers`): an enforcement officer's report,
   * notice or review names its second officer (`coOfficerId`) to issue the enforcement
   * document; without one the act is recorded and no document is numbered. (The other
   * enforcement rows come from acts core always records with two officers.)
   */
  twoOfficers?: boolean;
  kind: DocumentKind;
  /** Why, in one line (printed in docs/documents.*.md). */
  note: string;
}

/**
 * Which review-chain event issues which document. The single source of truth: the docs
 * print it, the tests check every row against a real chain run.
 */
export const DOCUMENT_TRIGGERS: readonly DocumentTrigger[] = Object.freeze(
  [
    { event: 'reported', role: 'enforcement', twoOfficers: true, kind: 'inspection_record', note: '执法人员现场检查发现隐患：现场检查记录' },
    { event: 'notice_issued', role: 'grid', kind: 'rectification_notice', note: '网格员（或自查路线）下达整改：隐患整改通知书' },
    { event: 'notice_issued', role: 'enforcement', twoOfficers: true, kind: 'rectification_order', note: '执法人员责令限期整改：责令限期整改指令书' },
    { event: 'verified', role: 'enforcement', twoOfficers: true, kind: 'review_opinion', note: '复查合格：整改复查意见书' },
    { event: 'rejected', role: 'enforcement', twoOfficers: true, kind: 'review_opinion', note: '复查不合格：整改复查意见书' },
    { event: 'case_filed', kind: 'case_filing_approval', note: '立案：立案审批表' },
    { event: 'stop_work_ordered', kind: 'stop_work_order', note: '责令暂时停产停业或停止使用：现场处理措施决定书' },
    { event: 'listed_for_supervision', kind: 'supervision_listing_notice', note: '重大事故隐患挂牌督办：挂牌督办通知书' },
    { event: 'closed', majorOnly: true, kind: 'major_hazard_writeoff_approval', note: '重大事故隐患销号：重大事故隐患销号审批表' },
    { event: 'penalty_notified', kind: 'penalty_notice', note: '行政处罚告知（两名执法人员）：行政处罚告知书' },
    { event: 'penalty_decided', kind: 'penalty_decision', note: '行政处罚决定（两名执法人员）：行政处罚决定书' },
  ].map((t) => Object.freeze(t as DocumentTrigger)),
);

/**
 * The document kinds an event issues, given the hazard's state after it (for `majorOnly`).
 *
 * @example
 * ```ts
 * documentKindsFor(noticeEvent, state); // ['rectification_order'] when an officer issued it
 * ```
 */
export function documentKindsFor(event: Pick<ChainEvent, 'type' | 'actor'> & { data?: unknown }, state: Pick<HazardState, 'wasMajor' | 'level'> | null): DocumentKind[] {
  return DOCUMENT_TRIGGERS.filter(
    (t) => matchesEvent(t, event) && (!t.majorOnly || (state !== null && (state.wasMajor || state.level === 'major'))) && (!t.twoOfficers || recordsTwoOfficers(event)),
  ).map((t) => t.kind);
}

/**
 * The enforcement documents an event would have issued had the officer named a second one
 * (`twoOfficers` rows of its type and role, the event recording fewer than two officers):
 * why asking for such a document says `OFFICERS_REQUIRED`, not "not issued". @internal
 */
export function kindsWithoutSecondOfficer(event: Pick<ChainEvent, 'type' | 'actor'> & { data?: unknown }): DocumentKind[] {
  return DOCUMENT_TRIGGERS.filter((t) => t.twoOfficers && matchesEvent(t, event) && !recordsTwoOfficers(event)).map((t) => t.kind);
}

function matchesEvent(t: DocumentTrigger, event: Pick<ChainEvent, 'type' | 'actor'>): boolean {
  return t.event === event.type && (t.role === undefined || t.role === event.actor.role);
}

function recordsTwoOfficers(event: { data?: unknown }): boolean {
  const officers = (event.data as { officers?: readonly unknown[] } | undefined)?.officers;
  return Array.isArray(officers) && officers.length === 2;
}

/**
 * Who issues documents of a kind, from {@link DOCUMENT_TRIGGERS}: `grid` when every row of the
 * kind is a grid inspector's act (the 隐患整改通知书), else `enforcement` — an enforcement
 * document (执法文书) of the officers (so is a kind the table does not know). A page lists
 * documents under the heading this says.
 *
 * @example
 * ```ts
 * documentIssuer('rectification_notice'); // 'grid'
 * documentIssuer('rectification_order'); // 'enforcement'
 * ```
 */
export function documentIssuer(kind: string): 'grid' | 'enforcement' {
  const rows = DOCUMENT_TRIGGERS.filter((t) => t.kind === kind);
  return rows.length > 0 && rows.every((t) => t.role === 'grid') ? 'grid' : 'enforcement';
}
