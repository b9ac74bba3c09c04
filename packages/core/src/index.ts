/**
 * @anjian/core — checklist packs, hazard classification and the review chain.
 *
 * Isomorphic: runs in browsers and Node; imports no Node built-ins (file loading lives in
 * `@anjian/core/node`).
 *
 * @packageDocumentation
 */
export type * from './pack/types.js';
export { HAZARD_LEVELS } from './pack/types.js';
export type * from './classify/types.js';
