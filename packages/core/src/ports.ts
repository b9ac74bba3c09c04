/**
 * `@anjian/core/ports`: the ports of the review chain with every type and helper an adapter
 * needs — the `Store` facets and their records, the `Notifier`, clocks, directories (and
 * `listReadableEnterprises`, a page of the register as a reader may know it),
 * evidence stores, the inspection log. Run the matching conformance suite of `@anjian/core/testing`.
 *
 * @packageDocumentation
 */
export * from './ports/index.js';
export { PermanentDeliveryError, isTransientHttpStatus } from './ports/notifier.js';
export { listReadableEnterprises, type EnterpriseRegisterSource } from './chain/readable-enterprises.js';
export type { FirstInspection, FirstInspectionsQuery, InspectionHazard, InspectionLog, InspectionQuery, InspectionRecord } from './ports/inspection-log.js';
export type { PremisesRecord, TenancyInput, TenancyRecord, TenancyQuery, TenancyEnd, TenancyStart, GroupRentalPoint, RentalDirectory, RentalSeed } from './ports/rental-directory.js';
export {
  checkRentalSeed,
  checkTenancyEnd,
  checkTenancyStart,
  tenancyEndRefused,
  tenancyFromRow,
  tenancyInstantRefused,
  tenancyStartRefused,
  RentalDirectoryError,
  TENANCY_EARLIEST,
  type TenancyRow,
} from './ports/rental-directory.js';
export {
  checkUnboundBudget,
  sameGivenUpload,
  unboundEvidencePolicy,
  unboundExpired,
  isEvidenceBudgetError,
  EvidenceBudgetError,
  DEFAULT_UNBOUND_EVIDENCE_POLICY,
  type UnboundEvidencePolicy,
  type EvidenceStoreOptions,
} from './ports/evidence-store.js';
export type { RoundStore } from './ports/round-store.js';
export type { RoundLogEntry, RoundRecord, RoundScope, RoundKind, RoundEntryType, RoundEntryDataMap } from './rounds/types.js';
