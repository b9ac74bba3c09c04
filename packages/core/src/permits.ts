/**
 * `@anjian/core/permits`: hazardous-work permits (危险作业许可) for hosts — the permit rules as
 * data (GB 30871-2022, GB 46768-2025), the pure lifecycle (decide, evolve, tick) over a
 * hash-chained log, the service that runs commands and ticks against a `PermitStore`, the
 * notifications it writes, read and command access, and the findings permit records raise.
 * The store adapters implement `PermitStore` (`createSqlitePermitStore`,
 * `createPostgresPermitStore`). See docs/permits.md.
 *
 * @example
 * ```ts
 * import { decidePermit, evolvePermit, DEFAULT_PERMIT_RULES } from '@anjian/core/permits';
 * const d = decidePermit(state, { type: 'start' }, actor, new Date(), { rules: DEFAULT_PERMIT_RULES });
 * if (d.ok) for (const e of d.events) state = evolvePermit(state, e);
 * ```
 *
 * @packageDocumentation
 */
export { DEFAULT_PERMIT_RULES, loadPermitRules, selectPermitRule } from './permits/permit-rules.js';
export type { GasLimit, GasMeasure, GasTestRule, LoadedPermitRules, PermitBasis, PermitKind, PermitPremises, PermitRule, PermitRules, PermitRulesIssue, PermitText } from './permits/permit-rules.js';
export { judgeGasReading } from './permits/judge-gas-reading.js';
export type { GasFailure, GasValues, GasVerdict } from './permits/judge-gas-reading.js';
export type * from './permits/permit-types.js';
export { decidePermit, isPermitOpen, type PermitDecideContext } from './permits/decide-permit.js';
export { OPEN_PERMIT_STATUSES, PERMIT_COMMAND_STATUSES, permitStatusAllows, type PermitStepType } from './permits/permit-command-statuses.js';
export { permitApprovalRefusal, permitApproverRole } from './permits/permit-approval.js';
export { deriveHeightGrade, heightGradeName, heightGradeReason, HEIGHT_FALL_FACTORS, HEIGHT_SITUATIONS } from './permits/height-grade.js';
export type { DerivedHeight, HeightFact, HeightGrade, HeightObservation, HeightSituation } from './permits/height-grade.js';
export { deriveHotWorkGrade, hotWorkGradeName, hotWorkGradeReason, HOT_WORK_SITUATIONS, HOT_WORK_SHUTDOWN_CONDITIONS, HOT_WORK_DOWNGRADE_ROLE, HOT_WORK_WIND_LIMIT } from './permits/hot-work-grade.js';
export type { DerivedHotWork, HotWorkFact, HotWorkGrade, HotWorkObservation, HotWorkSituation } from './permits/hot-work-grade.js';
export type { ObservedFact } from './permits/check-observed-ids.js';
export { evolvePermit, foldPermit } from './permits/evolve-permit.js';
export { tickPermit, permitApprovalDueAt, PERMIT_SYSTEM_ACTOR, PERMIT_APPROVAL_WARNING_MINUTES, PERMIT_APPROVAL_PENDING_MINUTES } from './permits/tick-permit.js';
export { verifyPermitChain, type PermitChainCheck } from './permits/permit-chain.js';
export { PERMIT_ATTACHMENT_MEDIA_TYPES, DEFAULT_PERMIT_ATTACHMENT_MEDIA_TYPES } from './permits/permit-attachments.js';
export { createMemoryPermitStore } from './permits/memory-permit-store.js';
export {
  handlePermitCommand,
  tickPermits,
  permitRef,
  PERMIT_SUSPENDED_TOPIC,
  PERMIT_OVERDUE_TOPIC,
  PERMIT_APPROVAL_DUE_TOPIC,
  type PermitServiceDeps,
  type PermitCommandInput,
  type PermitCommandResult,
  type PermitTickRun,
  type PermitNotificationPayload,
} from './permits/permit-service.js';
export { permitObservations, permitFindings, HAZARDOUS_WORK_PACK_ID } from './permits/permit-findings.js';
export type { PermitObservation, PermitObservationKind, PermitObservationOptions, PermitEvidence, PermitFinding, PermitFindings } from './permits/permit-findings.js';
export { reportPermitFindings, type PermitReport } from './permits/report-permit-findings.js';
export { canReadPermit, mayCommandPermit } from './permits/permit-access.js';
export type * from './ports/permit-store.js';
