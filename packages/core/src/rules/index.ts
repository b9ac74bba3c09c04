/**
 * Public exports of the rules area (re-exported by the package root).
 *
 * @module
 */
export { compileCondition, createConditionCompiler } from './compile-condition.js';
export type { CompileConditionOptions, CompiledCondition, ConditionExplanation } from './compile-condition.js';
export { ConditionCompileError, isConditionCompileError } from './condition-compile-error.js';
export type { ConditionCompileErrorCode } from './condition-compile-error.js';
export { referencedConditions, findConditionCycle } from './condition-references.js';
export { compileSafePath, readPath } from './safe-path.js';
export type { PathSteps } from './safe-path.js';
export { parseIsoTime } from './parse-iso-time.js';
export type { IsoTime } from './parse-iso-time.js';
export { OPERATORS, operatorDefinition, operatorFactory } from './operators.js';
export { DEFAULT_REFERENCE_FACT, referenceFactOf } from './operators/duration-operators.js';
export type { Facts, LeafSpec, OperatorContext, OperatorDefinition, OperatorFactory, OperatorTest, OperatorText, ValueCheckContext } from './operators/define-operator.js';
