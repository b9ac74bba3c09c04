/**
 * 一企一档 — one file per enterprise (issue 17).
 *
 * @module
 */
export type * from './types.js';
export { buildEnterpriseFile } from './build-enterprise-file.js';
export type { EnterpriseFileDeps, EnterpriseFileOptions } from './build-enterprise-file.js';
export { findRecurrences } from './find-recurrences.js';
