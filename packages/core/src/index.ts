/**
 * @anjian/core — checklist packs, hazard classification and the review chain.
 *
 * Isomorphic: runs in browsers and Node; imports no Node built-ins (file loading lives in
 * `@anjian/core/node`, adapter conformance suites in `@anjian/core/testing`).
 *
 * @packageDocumentation
 */
export type * from './pack/types.js';
export { HAZARD_LEVELS } from './pack/types.js';
export type * from './classify/types.js';
export {
  OPERATOR_CATALOGUE,
  RESERVED_FACTS,
  CONDITION_LIMITS,
  SAFE_PATH,
  FORBIDDEN_KEYS,
} from './rules/operator-catalogue.js';
export type { OperatorSpec, OperatorValueShape } from './rules/operator-catalogue.js';
export * from './pack/index.js';
export * from './rules/index.js';
export * from './classify/index.js';
export * from './chain/index.js';
export * from './ports/index.js';
export * from './scenarios/index.js';
export * from './interop/index.js';
export * from './outbox/index.js';
export * from './audit/index.js';
