/**
 * Exports of the ports area: `@anjian/core/ports` (src/ports.ts) and, through
 * `@anjian/core/internal`, the repository's own packages.
 *
 * @module
 */
export type { Clock } from './clock.js';
export { systemClock } from './clock.js';
export type { Calendar } from './calendar.js';
export type { Role, DepartmentScope, ActorProfile, EnterpriseRecord, Directory } from './directory.js';
export type { EvidenceUpload, EvidenceRecord, EvidenceStore } from './evidence-store.js';
export { PHOTO_MIME_TYPES, DEFAULT_EVIDENCE_QUOTA } from './evidence-store.js';
export { ROLES } from './directory.js';
export type { EnterpriseListQuery } from './enterprise-list.js';
export { listEnterprisesOf, enterpriseMatches, checkEnterpriseListQuery } from './enterprise-list.js';
export type { Signer, Verifier } from './signer.js';
export type { CoSignCodeRecord, CoSignCodeStore, CoSignIssueResult } from './co-sign-code-store.js';
export type { CoSignCodeRow } from './co-sign-code-row.js';
export { coSignCodeFromRow, coSignCodeToRow, CO_SIGN_CODE_COLUMNS, CO_SIGN_CODE_REPLACED_COLUMNS } from './co-sign-code-row.js';
export type {
  OutboxMessage,
  ClaimedOutboxMessage,
  CommandRecord,
  AppendInput,
  AppendResult,
  DenialRecord,
  StoredDenial,
  HazardFilter,
  HazardStatsQuery,
  HazardStatsPeriod,
  HazardStats,
  PageRequest,
  HazardPage,
  RequeueDeadLettersInput,
  DeadLetter,
  PruneOutboxInput,
  PruneOutboxResult,
  PrunedOutboxMessage,
  EventLogStore,
  OutboxStore,
  ReadModelStore,
  ClaimOutboxInput,
  FailOutboxInput,
  OutboxStatus,
  StoredOutboxMessage,
  CheckpointInput,
  StoredCheckpoint,
  Store,
  CommandResult,
} from './store.js';
export type {
  DocumentSeries,
  DocumentNumberRequest,
  DocumentNumber,
  DocumentRecord,
  DocumentRecordWithContent,
  DocumentKey,
  RecordDocumentHashInput,
  RecordDocumentHashResult,
  VoidDocumentInput,
  VoidDocumentResult,
  DocumentRegisterStore,
} from './document-register.js';
export { checkDocumentRequests, checkDocumentContent, checkVoidDocumentInput, MAX_DOCUMENT_CONTENT_LENGTH } from './document-register.js';
export type { DocumentTrailFields, DocumentVoidFields, DocumentTrailEntry, DocumentIssuedEntry, DocumentVoidedEntry, DocumentTrailStore } from './document-trail.js';
export { sealDocumentTrailEntry, sealDocumentVoidEntry, documentTrailEntryHash, documentContentDigest, documentTrailInput, documentVoidInput } from './document-trail.js';
export { checkHazardStatsQuery, chinaPeriod, hazardStatsFromGroups } from './hazard-stats.js';
export type { HazardStatsGroup, HazardStatsPeriodGroup } from './hazard-stats.js';
export { encodeKeysetCursor, decodeKeysetCursor, InvalidCursorError } from './keyset-cursor.js';
export { StoreError, isStoreError } from './store-error.js';
export { checkPruneOutboxInput, MAX_PRUNE_OUTBOX_LIMIT } from './prune-outbox.js';
export type { StoreErrorCode } from './store-error.js';
export type { Notifier, NotifierMessage, NotifierDelivery } from './notifier.js';
export type { DeviceRegistry, DeviceCommit, DeviceCommitResult, DeviceNotification, WarningFilter } from './device-registry.js';
export { AWAITING_OFFICERS, hazardReportFact, overdueAt, REPORT_FACT_VERSION } from './report-read-model.js';
export type {
  HazardReportFact,
  ReportFactsQuery,
  ReportFacts,
  ReportFoundGroup,
  ReportClosedGroup,
  ReportAreaGroup,
  ReportEnterpriseRow,
  ReportOverdueRow,
  ReportOverdueSpan,
  ReportDay,
  ReportReadModel,
} from './report-read-model.js';
export type { ServiceMethod, DocumentServiceEntry, DocumentServiceRecord, RecordServiceResult, DocumentServiceLog } from './document-service.js';
export { SERVICE_METHODS, servicePhase } from './document-service.js';
