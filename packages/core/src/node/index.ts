/**
 * Node-only helpers of `@anjian/core`: loading packs from the file system.
 *
 * @packageDocumentation
 */
export { loadPackFromPath } from './load-pack-from-path.js';
export { findPackDirs, PackPathError } from './find-pack-dirs.js';
export { createFileEvidenceStore } from './file-evidence-store.js';
export { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair, DEFAULT_CHECKPOINT_KEY_NAME } from './ed25519-keys.js';
export { startCheckpointTimer } from './start-checkpoint-timer.js';
export { loadPackFromPackage, PackPackageError } from './load-pack-from-package.js';
export type { LoadPackFromPackageOptions } from './load-pack-from-package.js';
