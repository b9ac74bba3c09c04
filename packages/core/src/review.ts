/**
 * `@anjian/core/review`: the review chain's rules a user interface asks before it offers an
 * act, so that it offers exactly what the server will accept and says why not in the
 * server's own words — who may do what (`PERMISSION_TABLE`, `explainAuthorization`), what a
 * user may read (`readScopes`, `areaCovers`; how much of a hazard — a landlord's view of its
 * tenant's, without the penalty proceeding: `readAccess`, `hazardReadView`, `mayReadDocumentKind`), when an act needs a second officer
 * (`needsTwoOfficers`, `mayNameSecondOfficer`; the fields a co-sign code binds per act,
 * `CO_SIGN_CONTENT_FIELDS`) or a confirmed level first
 * (`awaitsConfirmedLevel`), the evidence an act needs (`DEFAULT_EVIDENCE_RULES`) and who may upload
 * it to a hazard (`mayAttachEvidence`), the
 * administrative-penalty steps (`penaltyStepRefusal`, `hearingRequestRefusal`,
 * `decisionBounds` over the law table `PENALTY_ARTICLES`; when a public notice counts as served,
 * `publicNoticeServedAt`), a treatment plan's dates at the
 * server's clock (`planDeadlineWindow`, `planDeadlineRefusal`, `planApprovalRefusal`) and the bilingual words of every
 * refusal (`REJECTION_MESSAGES`). Everything here is isomorphic (no Node built-ins, no
 * `eval`): the demo portal bundles it for the browser. `handleCommand` applies the same
 * rules on the server; see docs/review-chain.en.md.
 *
 * @example
 * ```ts
 * import { awaitsConfirmedLevel, explainAuthorization } from '@anjian/core/review';
 * const why = explainAuthorization(actor, 'file_case', hazard);
 * const offerFileCase = why.allowed && !awaitsConfirmedLevel(hazard, 'file_case');
 * ```
 *
 * @packageDocumentation
 */
export { PERMISSION_TABLE } from './chain/permission-table.js';
export type { PermissionRule, Relation } from './chain/permission-table.js';
export { explainAuthorization } from './chain/explain-authorization.js';
export { mayAttachEvidence } from './chain/may-attach-evidence.js';
export type { AuthorizationExplanation, DenialReason } from './chain/explain-authorization.js';
export { areaCovers } from './chain/authorize.js';
export type { AuthorizationSubject } from './chain/authorize.js';
export { readAccess, readScopes } from './chain/read-policy.js';
export type { ReadAccess, ReadScope, ReadScopes } from './chain/read-policy.js';
export { hazardReadView, LANDLORD_DOCUMENT_KINDS, landlordDocumentRefusal, landlordReadsEvent, mayReadDocumentKind } from './chain/hazard-read-view.js';
export type { HazardReadView } from './chain/hazard-read-view.js';
export { mayNameSecondOfficer, needsTwoOfficers } from './chain/separation-of-duties.js';
export { CO_SIGN_CONTENT_FIELDS } from './chain/co-sign-content.js';
export { awaitsConfirmedLevel } from './chain/provisional-gate.js';
export { DEFAULT_EVIDENCE_RULES } from './chain/evidence-rules.js';
export type { EvidenceRequirement, EvidenceRules } from './chain/evidence-rules.js';
export { decisionBounds, PENALTY_ARTICLES, PENALTY_KINDS, PENALTY_REPLY_DAYS } from './chain/penalty-articles.js';
export type { DecisionBounds, Penalty, PenaltyArticle, PenaltyDuty, PenaltyKind } from './chain/penalty-articles.js';
export { hearingRequestRefusal, penaltyStepRefusal } from './chain/penalty-step.js';
export type { PenaltyCommandType, PenaltyFieldRefusal, PenaltyStepRefusal } from './chain/penalty-step.js';
export { penaltyNoticeServices, penaltyReplyDeadlines, penaltyReplyPeriod, PENALTY_NOTICE_KIND } from './chain/penalty-service.js';
export type { DeemedService, PenaltyNoticeService, PenaltyReplyPeriod } from './chain/penalty-service.js';
export { isCalendarDay, PUBLIC_NOTICE_DAYS, PUBLIC_NOTICE_DAYS_SINCE, publicNoticeServedAt } from './chain/deemed-service.js';
export { REJECTION_MESSAGES } from './chain/rejection-messages.js';
export { MAX_PLAN_MS, planApprovalRefusal, planDeadlineRefusal, planDeadlineWindow } from './chain/plan-deadline.js';
export type { PlanStepRefusal } from './chain/plan-deadline.js';
