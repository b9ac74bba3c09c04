/**
 * Hazardous-work permits (危险作业许可): rules as data and a pure decide/evolve lifecycle
 * over a hash-chained log. See docs/permits.md.
 *
 * @packageDocumentation
 */
export * from './permit-rules.js';
export * from './judge-gas-reading.js';
export type * from './permit-types.js';
export { decidePermit, isPermitOpen, type PermitDecideContext } from './decide-permit.js';
export { PERMIT_COMMAND_STATUSES, permitStatusAllows, type PermitStepType } from './permit-command-statuses.js';
export { permitApprovalRefusal, permitApproverRole } from './permit-approval.js';
export * from './height-grade.js';
export * from './hot-work-grade.js';
export type { ObservedFact } from './check-observed-ids.js';
export { evolvePermit, foldPermit } from './evolve-permit.js';
export { tickPermit, permitApprovalDue, permitApprovalDueAt, PERMIT_SYSTEM_ACTOR, PERMIT_APPROVAL_WARNING_MINUTES, PERMIT_APPROVAL_PENDING_MINUTES } from './tick-permit.js';
export { chainPermitEvent, hashPermitEvent, verifyPermitChain, type PermitChainCheck } from './permit-chain.js';
export { permitRejection } from './permit-rejection.js';
export { checkPermitAttachments, permitUploadIds, PERMIT_ATTACHMENT_MEDIA_TYPES, DEFAULT_PERMIT_ATTACHMENT_MEDIA_TYPES, type PermitAttachmentContext } from './permit-attachments.js';
export {
  permitEvidenceBinding,
  isPermitEvidenceBinding,
  hazardIdRefusal,
  PERMIT_BINDING_PREFIX,
  inspectionEvidenceBinding,
  inspectionOfEvidenceBinding,
  INSPECTION_BINDING_PREFIX,
} from './evidence-binding.js';
export { checkPermitPersons, permitPersonIds } from './permit-persons.js';
export { permitNextDueAt, checkPermitAppend } from './permit-store-support.js';
export { createMemoryPermitStore, OPEN_PERMIT_STATUSES, openPermitLimit } from './memory-permit-store.js';
export {
  handlePermitCommand,
  tickPermits,
  permitNotifications,
  permitRef,
  PERMIT_SUSPENDED_TOPIC,
  PERMIT_OVERDUE_TOPIC,
  PERMIT_APPROVAL_DUE_TOPIC,
  type PermitServiceDeps,
  type PermitCommandInput,
  type PermitCommandResult,
  type PermitTickRun,
  type PermitNotificationPayload,
} from './permit-service.js';
export {
  permitObservations,
  permitFindings,
  HAZARDOUS_WORK_PACK_ID,
  type PermitObservation,
  type PermitObservationKind,
  type PermitObservationOptions,
  type PermitEvidence,
  type PermitFinding,
  type PermitFindings,
} from './permit-findings.js';
export { canReadPermit, actsForEnterprise, supervisesArea, mayCommandPermit, PERMIT_DOMAIN } from './permit-access.js';
export { reportPermitFindings, type PermitReport } from './report-permit-findings.js';
