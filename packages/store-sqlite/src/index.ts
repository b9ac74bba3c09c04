/**
 * The embedded SQLite store of anjian (the default): better-sqlite3, WAL with
 * `synchronous=FULL`, one `BEGIN IMMEDIATE` transaction per command holding events, the
 * version compare-and-set, the command id and the outbox rows; online backup.
 *
 * better-sqlite3 is a native module: an install that ran no install scripts (`--ignore-scripts`,
 * an npm that asks to approve them) leaves it without its binary, and opening a store then
 * throws `Could not locate the bindings file` — run `npm rebuild better-sqlite3` (also after
 * switching Node versions).
 *
 * @packageDocumentation
 */
export { createSqliteStore } from './create-sqlite-store.js';
export type { GroupCommitInfo, SqliteStore, SqliteStoreOptions } from './create-sqlite-store.js';
export { SqliteStoreError } from './open-database.js';
export { InvalidCursorError, StoreError, isStoreError } from '@anjian/core/ports';
export { MIGRATIONS } from './migrations.js';
export { createSqliteDeviceRegistry } from './create-sqlite-device-registry.js';
export type { SqliteDeviceRegistry, SqliteDeviceRegistryOptions } from './create-sqlite-device-registry.js';
export { createSqliteInspectionLog } from './create-sqlite-inspection-log.js';
export type { SqliteInspectionLog, SqliteInspectionLogOptions } from './create-sqlite-inspection-log.js';
export { createSqliteDocumentServiceLog } from './create-sqlite-document-service-log.js';
export type { SqliteDocumentServiceLog, SqliteDocumentServiceLogOptions } from './create-sqlite-document-service-log.js';
export { createSqliteRentalDirectory } from './create-sqlite-rental-directory.js';
export type { SqliteRentalDirectory, SqliteRentalDirectoryOptions } from './create-sqlite-rental-directory.js';
export { createSqliteRoundStore } from './create-sqlite-round-store.js';
export type { SqliteRoundStore, SqliteRoundStoreOptions } from './create-sqlite-round-store.js';
export { createSqlitePermitStore } from './create-sqlite-permit-store.js';
export type { SqlitePermitStore, SqlitePermitStoreOptions } from './create-sqlite-permit-store.js';
export { createSqliteReportReadModel } from './create-sqlite-report-read-model.js';
export type { SqliteReportReadModel, SqliteReportReadModelOptions } from './create-sqlite-report-read-model.js';
export { createSqliteCoSignCodeStore } from './create-sqlite-co-sign-code-store.js';
export type { SqliteCoSignCodeStore, SqliteCoSignCodeStoreOptions } from './create-sqlite-co-sign-code-store.js';
export { createSqliteBulkLoader } from './create-sqlite-bulk-loader.js';
export type { BulkHazard, SqliteBulkLoader, SqliteBulkLoaderOptions } from './create-sqlite-bulk-loader.js';
