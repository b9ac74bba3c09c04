/**
 * Interop with other engines (re-exported by the package root).
 *
 * @module
 */
export { toJsonRulesEngineRules, safePathResolver, InteropError } from './to-json-rules-engine.js';
export type { JreCondition, JreOperator, JreRule, JsonRulesEngineExport } from './to-json-rules-engine.js';
