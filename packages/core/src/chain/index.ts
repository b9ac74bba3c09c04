/**
 * Exports of the chain area (`@anjian/core/internal`; the root re-exports what hosts need):
 * the review chain's decider, authorisation table, deadlines and in-memory store. The hash
 * chain's verification and checkpoints are in `@anjian/core/audit`.
 *
 * @module
 */
export type {
  HazardStatus,
  StatusOrNew,
  EvidenceKind,
  EvidenceRef,
  AttachedEvidence,
  RecordedOfficer,
  OfficersData,
  TwoOfficerFields,
  ReportObservationCommand,
  UntrustedCommand,
  TreatmentPlan,
  CommandBase,
  Reason,
  ReportCommand,
  FollowUpCommand,
  ChainCommand,
  CommandType,
  EventDataMap,
  EventType,
  EventActor,
  ChainEvent,
  StoredEvent,
  RejectionCode,
  Rejection,
  Decision,
  HazardState,
  HazardSummary,
  PenaltyProceeding,
} from './types.js';
export { HAZARD_STATUSES, COMMAND_TYPES } from './types.js';
export {
  hearingRight,
  LARGE_FINE_FOR_UNIT,
  PENALTY_ARTICLES,
  PENALTY_KINDS,
  PENALTY_REPLY_DAYS,
  decisionBounds,
  penaltyHeavier,
  penaltyProblem,
  type DecisionBounds,
  type Penalty,
  type PenaltyArticle,
  type PenaltyDuty,
  type PenaltyKind,
} from './penalty-articles.js';
export { hearingRequestRefusal, penaltyStepRefusal, type PenaltyCommandType, type PenaltyFieldRefusal, type PenaltyStepRefusal } from './penalty-step.js';
export { awaitsConfirmedLevel } from './provisional-gate.js';
export { ChainError, isChainError } from './chain-error.js';
export type { ChainErrorCode } from './chain-error.js';
export { REJECTION_MESSAGES } from './rejection-messages.js';
export { TRANSITIONS, findTransition } from './transitions.js';
export type { TransitionRule } from './transitions.js';
export { PERMISSION_TABLE } from './permission-table.js';
export type { PermissionRule, Relation } from './permission-table.js';
export { authorize, areaCovers } from './authorize.js';
export type { AuthorizationSubject, AuthorizationResult } from './authorize.js';
export { explainAuthorization } from './explain-authorization.js';
export { mayAttachEvidence } from './may-attach-evidence.js';
export { EVIDENCE_COMMAND_TYPES } from './command-shape.js';
export type { AuthorizationExplanation, DenialReason } from './explain-authorization.js';
export { readScopes, canRead, mayReadSomeOf, mayAskAboutEnterprise, enterpriseForRead, mayReadRounds, narrow, readAccess, readableInspection, timeBounded } from './read-policy.js';
export type { EnterpriseForRead, ReadAccess, ReadScope, ReadScopes, ReadableHazard } from './read-policy.js';
export { listReadableEnterprises } from './readable-enterprises.js';
export type { EnterpriseRegisterSource } from './readable-enterprises.js';
export { hazardReadView, LANDLORD_DOCUMENT_KINDS, landlordDocumentRefusal, landlordReadsEvent, mayReadDocumentKind } from './hazard-read-view.js';
export type { HazardReadView } from './hazard-read-view.js';
export { DEFAULT_EVIDENCE_RULES, checkEvidence } from './evidence-rules.js';
export type { EvidenceRequirement, EvidenceRules } from './evidence-rules.js';
export { createWorkingDayCalendar } from './working-day-calendar.js';
export type { WorkingDayCalendarOptions } from './working-day-calendar.js';
export { computeDeadline, extendDeadline, localDate, endOfLocalDay } from './compute-deadline.js';
export { dueDate } from './due-date.js';
export type { DueDate, DueSource } from './due-date.js';
export { decide, DEFAULT_TIME_LIMITS, MANUAL_PACK } from './decide.js';
export type { DecideContext, DecideInputs, TimeLimits } from './decide.js';
export { parseCommand } from './parse-command.js';
export type { ParseCommandResult, ParseCommandIds } from './parse-command.js';
export type { CommandIssue, CommandIssueCode } from './command-issue.js';
export { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE, isIdempotencyKey } from './idempotency-key.js';
export { ID_PATTERN, DOMAIN_PATTERN, AREA_PATTERN, DEADLINE_LIMITS, MAX_EVIDENCE_PER_COMMAND, CO_OFFICER_DERIVED } from './command-shape.js';
export { checkText, INVISIBLE_CHARACTERS, BIDI_CONTROLS } from './command-text.js';
export type { TextRule } from './command-text.js';
export { reportInspection, sourceForActor, reportHazardId, inspectionRecordId } from './report-inspection.js';
export type { ReportInspectionInput, ReportInspectionResult, ReportOutcome, ReportInspectionDeps } from './report-inspection.js';
export { createMemoryInspectionLog } from './memory-inspection-log.js';
export { createMemoryDocumentServiceLog } from './memory-document-service-log.js';
export { hazardRef, hazardRefOf } from './hazard-ref.js';
export { attachEvidence } from './attach-evidence.js';
export type { AttachContext } from './attach-evidence.js';
export { checkSeparationOfDuties, ENFORCEMENT_DOCUMENT_COMMANDS, mayNameSecondOfficer, needsTwoOfficers, TWO_OFFICER_COMMANDS, type ActScope } from './separation-of-duties.js';
export { createMemoryEvidenceStore, sha256OfBytes } from './memory-evidence-store.js';
export type { MemoryEvidenceStore } from './memory-evidence-store.js';
export { evolve } from './evolve.js';
export { summarize } from './summarize.js';
export { outboxMessagesFor } from './outbox-messages.js';
export type { OutboxTopic, OutboxPayload, PenaltyNoticeFacts, PenaltyNoticePayload, PlainHazardTopic, WebhookEnvelope } from './outbox-messages.js';
export { commandFingerprint } from './command-fingerprint.js';
export { handleCommand, foldEvents } from './handle-command.js';
export type { ChainDeps, HandleCommandOptions } from './handle-command.js';
export { CO_SIGN_ACTS, CO_SIGN_POLICY, coSignSubjectOf, issueCoSignCode, redeemCoSignCode } from './co-sign-code.js';
export type { CoSignSubject, IssuedCoSignCode, RedeemedCoSignCode } from './co-sign-code.js';
export { createMemoryCoSignCodeStore } from './memory-co-sign-code-store.js';
export { CO_SIGN_CONTENT_FIELDS, coSignContentDifference, coSignContentDigest, coSignContentFields, coSignContentIssues, coSignContentOf, coSignFacts } from './co-sign-content.js';
export { tick, DEFAULT_TICK_OPTIONS } from './tick.js';
export type { TickOptions, TickAction } from './tick.js';
export { runTick } from './run-tick.js';
export type { RunTickOptions } from './run-tick.js';
export { createMemoryStore } from './memory-store.js';
export type { MemoryStore } from './memory-store.js';
export { createStaticDirectory } from './static-directory.js';
export { createMemoryRentalDirectory, mayChangeTenancy, withLandlordTenancies } from './memory-rental-directory.js';
export { drawSpotCheck, SpotCheckDrawError } from './draw-spot-check.js';
export type { SpotCheckScope, SpotCheckDrawInput, SpotCheckDraw } from './draw-spot-check.js';
