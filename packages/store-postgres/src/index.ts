/**
 * PostgreSQL store for anjian, for portals that run several instances: versioned
 * migrations, one transaction per command (command id, version compare-and-set, events,
 * outbox), retries on serialization failures, a contiguous commit-ordered log, and an outbox
 * claimed with `FOR UPDATE SKIP LOCKED`.
 *
 * @packageDocumentation
 */
export { createPostgresStore, PostgresStoreError } from './create-postgres-store.js';
export type { GroupCommitInfo, PostgresStore, PostgresStoreOptions } from './create-postgres-store.js';
export { InvalidCursorError, StoreError, isStoreError } from '@anjian/core/ports';
export { PG_MIGRATIONS } from './migrations.js';
export { createPostgresInspectionLog } from './create-postgres-inspection-log.js';
export type { PostgresInspectionLog, PostgresInspectionLogOptions } from './create-postgres-inspection-log.js';
export { createPostgresDocumentServiceLog } from './create-postgres-document-service-log.js';
export type { PostgresDocumentServiceLog, PostgresDocumentServiceLogOptions } from './create-postgres-document-service-log.js';
export { createPostgresDeviceRegistry } from './create-postgres-device-registry.js';
export type { PostgresDeviceRegistry, PostgresDeviceRegistryOptions } from './create-postgres-device-registry.js';
export { createPostgresRentalDirectory } from './create-postgres-rental-directory.js';
export type { PostgresRentalDirectory, PostgresRentalDirectoryOptions } from './create-postgres-rental-directory.js';
export { createPostgresRoundStore } from './create-postgres-round-store.js';
export type { PostgresRoundStore, PostgresRoundStoreOptions } from './create-postgres-round-store.js';
export { createPostgresPermitStore } from './create-postgres-permit-store.js';
export type { PostgresPermitStore, PostgresPermitStoreOptions } from './create-postgres-permit-store.js';
export { createPostgresReportReadModel } from './create-postgres-report-read-model.js';
export type { PostgresReportReadModel, PostgresReportReadModelOptions } from './create-postgres-report-read-model.js';
export { createPostgresCoSignCodeStore } from './create-postgres-co-sign-code-store.js';
export type { PostgresCoSignCodeStore, PostgresCoSignCodeStoreOptions } from './create-postgres-co-sign-code-store.js';
export { createPostgresBulkLoader } from './create-postgres-bulk-loader.js';
export type { PostgresBulkHazard, PostgresBulkLoader, PostgresBulkLoaderOptions } from './create-postgres-bulk-loader.js';
