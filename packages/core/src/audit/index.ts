/**
 * `@anjian/core/audit`: the tamper evidence of the review chain — verifying a whole store
 * (chain, checkpoints, projection, outbox, denials), signed checkpoints, and the hashing
 * they rest on (canonical JSON, SHA-256 from `@noble/hashes`).
 *
 * @example
 * ```ts
 * import { verifyAudit } from '@anjian/core/audit';
 * const result = await verifyAudit(store, { verifier });
 * if (!result.ok) console.error(result.problems);
 * ```
 *
 * @packageDocumentation
 */
export { canonicalJson } from '../chain/canonical-json.js';
export { GENESIS_HASH, sha256Hex, computeEventHash } from '../chain/hash-event.js';
export { verifyChain, nextLogHead } from '../chain/verify-chain.js';
export type { ChainVerification, ChainBreakReason } from '../chain/verify-chain.js';
export { readFullLog } from '../chain/read-full-log.js';
export { createCheckpoint, openCheckpoint, readCheckpointUnverified, verifyAgainstCheckpoint } from '../chain/checkpoint.js';
export type { Checkpoint, CheckpointVerification } from '../chain/checkpoint.js';
export { verifyAudit } from './verify-audit.js';
export type { AuditProblemKind, AuditPosition, AuditProblem, AuditChecked, AuditResult, VerifyAuditOptions, AuditDocumentKey, AuditDocumentFinding } from './types.js';
export { verifyHazardTrail } from './verify-hazard-trail.js';
export { verifyHazardDocuments } from './verify-hazard-documents.js';
export { verifyHazardDocumentsWholeTrail } from './verify-hazard-documents-whole-trail.js';
export type { HazardTrailStatus } from './verify-hazard-trail.js';
export { signStoreCheckpoint, DEFAULT_CHECKPOINT_ORIGIN } from './sign-store-checkpoint.js';
export type { SignStoreCheckpointOptions, SignStoreCheckpointResult } from './sign-store-checkpoint.js';
export { createCheckpointScheduler } from './create-checkpoint-scheduler.js';
export type { CheckpointScheduler, CheckpointSchedulerOptions } from './create-checkpoint-scheduler.js';
export { nextDenialHead, denialsExtension, readDenialsExtension, EMPTY_DENIAL_HEAD } from './denial-head.js';
export { documentsExtension, readDocumentsExtension, EMPTY_DOCUMENTS_HEAD } from './document-trail-head.js';
export { documentTrailEntryHash, documentContentDigest } from '../ports/document-trail.js';
export type { DocumentTrailEntry, DocumentIssuedEntry, DocumentVoidedEntry } from '../ports/document-trail.js';
