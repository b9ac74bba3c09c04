/**
 * `@anjian/core/internal`: everything the packages of this repository share beyond the
 * root API — the condition compiler and its operators, the permission table and read
 * policy, command parsing, pack issue codes, explanations. **No semver promise**: names
 * here may change in any minor release. Hosts use the root (`@anjian/core`), adapter
 * authors `@anjian/core/ports`, auditors `@anjian/core/audit`.
 *
 * @packageDocumentation
 */
export * from '../pack/types.js';
export * from '../classify/types.js';
export { OPERATOR_CATALOGUE, RESERVED_FACTS, CONDITION_LIMITS, SAFE_PATH, FORBIDDEN_KEYS } from '../rules/operator-catalogue.js';
export type { OperatorSpec, OperatorValueShape } from '../rules/operator-catalogue.js';
export * from '../pack/index.js';
export * from '../rules/index.js';
export * from '../classify/index.js';
export * from '../chain/index.js';
export * from '../ports/index.js';
export type * from '../ports/inspection-log.js';
export * from '../ports/rental-directory.js';
export * from '../rounds/index.js';
export * from '../enterprise-file/index.js';
export * from '../scenarios/index.js';
export * from '../interop/index.js';
export * from '../outbox/index.js';
export * from '../monitoring/index.js';
export * from '../permits/index.js';
export * from '../reports/index.js';
export type * from '../ports/permit-store.js';
export { selectSha256 } from '../chain/hash-event.js';
