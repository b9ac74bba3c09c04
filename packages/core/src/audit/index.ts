/**
 * Public exports of the audit area (re-exported by the package root): verifying a whole
 * store (chain, checkpoints, projection, outbox, denials), signing checkpoints on a schedule.
 *
 * @module
 */
export { verifyAudit } from './verify-audit.js';
export type { AuditProblemKind, AuditPosition, AuditProblem, AuditChecked, AuditResult, VerifyAuditOptions } from './types.js';
export { verifyHazardTrail } from './verify-hazard-trail.js';
export type { HazardTrailStatus } from './verify-hazard-trail.js';
export { signStoreCheckpoint, DEFAULT_CHECKPOINT_ORIGIN } from './sign-store-checkpoint.js';
export type { SignStoreCheckpointOptions, SignStoreCheckpointResult } from './sign-store-checkpoint.js';
export { createCheckpointScheduler } from './create-checkpoint-scheduler.js';
export type { CheckpointScheduler, CheckpointSchedulerOptions } from './create-checkpoint-scheduler.js';
export { nextDenialHead, denialsExtension, readDenialsExtension, EMPTY_DENIAL_HEAD } from './denial-head.js';
