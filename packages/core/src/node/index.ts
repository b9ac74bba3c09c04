/**
 * Node-only helpers of `@anjian/core`: loading packs from the file system.
 *
 * @packageDocumentation
 */
export { loadPackFromPath } from './load-pack-from-path.js';
export { findPackDirs, PackPathError } from './find-pack-dirs.js';
export { createFileEvidenceStore } from './file-evidence-store.js';
