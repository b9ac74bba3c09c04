/**
 * 一企一档 — one file per enterprise (issue 17).
 *
 * @module
 */
export type * from './types.js';
export { buildEnterpriseFile } from './build-enterprise-file.js';
export type { EnterpriseFileDeps, EnterpriseFileOptions } from './build-enterprise-file.js';
export { findRecurrences } from './find-recurrences.js';
export { buildLandlordView } from './landlord-view.js';
export type { LandlordView, LandlordPastTenancy, LandlordPremisesLine, LandlordTenantLine } from './landlord-view.js';
