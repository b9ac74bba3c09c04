/**
 * Conformance suites every adapter runs unchanged, and test helpers
 * (`@anjian/core/testing`): fixtures, and `generateCity`, a deterministic synthetic city
 * (enterprises, premises, a year of inspections and hazards with their whole history) for
 * demos, tests and benchmarks — test data, not a report. Never imports a test runner: pass `describe`, `it`, `expect`.
 *
 * @packageDocumentation
 */
export { runStoreConformance, STORE_CONFORMANCE_TESTS } from './store-conformance.js';
export type { StoreConformanceOptions, StoreConformanceTest, ConformanceExpect } from './store-conformance.js';
export { runDocumentRegisterConformance, DOCUMENT_REGISTER_CONFORMANCE_TESTS } from './document-register-conformance.js';
export { runDocumentServiceConformance, DOCUMENT_SERVICE_CONFORMANCE_TESTS, testServiceRecord } from './document-service-conformance.js';
export type { DocumentServiceConformanceOptions } from './document-service-conformance.js';
export { runCoSignCodeStoreConformance, CO_SIGN_CODE_STORE_CONFORMANCE_TESTS } from './co-sign-code-store-conformance.js';
export type { CoSignCodeStoreConformanceOptions, CoSignCodeStoreRows } from './co-sign-code-store-conformance.js';
export { runEvidenceStoreConformance, EVIDENCE_STORE_CONFORMANCE_TESTS } from './evidence-store-conformance.js';
export type { EvidenceStoreConformanceOptions } from './evidence-store-conformance.js';
export { runNotifierConformance, NOTIFIER_CONFORMANCE_TESTS } from './notifier-conformance.js';
export type { NotifierConformanceOptions, NotifierTestAnswer, NotifierTestReceiver } from './notifier-conformance.js';
export { createFixedClock } from './fixed-clock.js';
export type { FixedClock } from './fixed-clock.js';
export { TEST_CALENDAR_2026, TEST_ACTORS, TEST_OFFICER_3, TEST_ENTERPRISES, reportCommand, evidence, treatmentPlan, stageEvidence, testEvidenceRecord, attachedEvidence } from './chain-fixtures.js';
export type { TestEvidenceRef } from './chain-fixtures.js';
export { seedAuditTrail } from './audit-fixtures.js';
export type { SeedAuditTrailOptions } from './audit-fixtures.js';
export { runDeviceRegistryConformance, DEVICE_REGISTRY_CONFORMANCE_TESTS, testDevice } from './device-registry-conformance.js';
export type { DeviceRegistryConformanceOptions } from './device-registry-conformance.js';
export { runInspectionLogConformance, INSPECTION_LOG_CONFORMANCE_TESTS, testInspectionRecord } from './inspection-log-conformance.js';
export type { InspectionLogConformanceOptions } from './inspection-log-conformance.js';
export { runRentalDirectoryConformance, RENTAL_DIRECTORY_CONFORMANCE_TESTS } from './rental-directory-conformance.js';
export type { RentalDirectoryConformanceOptions } from './rental-directory-conformance.js';
export { runEnterpriseListConformance, ENTERPRISE_LIST_CONFORMANCE_TESTS } from './enterprise-list-conformance.js';
export type { EnterpriseListConformanceOptions } from './enterprise-list-conformance.js';
export { runRoundStoreConformance, ROUND_STORE_CONFORMANCE_TESTS } from './round-store-conformance.js';
export type { RoundStoreConformanceOptions } from './round-store-conformance.js';
export { runPermitStoreConformance, PERMIT_STORE_CONFORMANCE_TESTS } from './permit-store-conformance.js';
export type { PermitStoreConformanceOptions } from './permit-store-conformance.js';
export { runReportReadModelConformance, REPORT_READ_MODEL_CONFORMANCE_TESTS } from './report-read-model-conformance.js';
export type { ReportReadModelConformanceOptions, ReportReadModelUnderTest } from './report-read-model-conformance.js';
export { cityLandlordViews } from './city-landlord-views.js';
export { appendCityHazard, type AppendCityHazardOptions } from './append-city-hazard.js';
export { generateCity } from './city-seed.js';
export { roundUnitsOneByOne } from './round-units-one-by-one.js';
export type { City, CityChunk, CityEnterprise, CityHazard, CitySeedOptions } from './city-seed.js';
