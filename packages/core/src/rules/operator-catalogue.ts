/**
 * The condition language's fixed vocabulary: the operators (one definition each, in
 * `operators/`), the reserved facts, the caps and the path grammar.
 *
 * @module
 */
import type { FactType } from '../pack/types.js';
import { OPERATORS } from './operators.js';
import type { OperatorDefinition } from './operators/define-operator.js';
export type { OperatorValueShape } from './operators/define-operator.js';

/** Description of one operator: its one definition (see `operators/define-operator.ts`). */
export type OperatorSpec = OperatorDefinition;

/**
 * The operator table: the same objects as {@link OPERATORS}, under the name the authoring
 * docs and tests use.
 */
export const OPERATOR_CATALOGUE: Readonly<Record<string, OperatorSpec>> = OPERATORS;

/**
 * Facts every evaluation supplies besides the findings. Packs may use them in conditions
 * without declaring them.
 */
export const RESERVED_FACTS: Readonly<Record<string, FactType>> = Object.freeze({
  /** The premises kind id of the inspection. */
  $premises: 'enum',
  /** The inspection time (ISO 8601). Date operators default to it as their reference. */
  $inspectedAt: 'datetime',
});

/** Caps that keep evaluation bounded (docs/security.md T3). */
export const CONDITION_LIMITS = Object.freeze({
  /** Maximum nesting depth of one condition (after resolving references). */
  maxDepth: 32,
  /** Maximum number of leaves in one condition (after resolving references). */
  maxLeaves: 2000,
  /** Maximum length of a `path`. */
  maxPathLength: 256,
});

/**
 * The only `path` syntax accepted: property access from the root, `$.a.b[0]`.
 * Never JSONPath filters, recursion, wildcards or scripts (docs/security.md T1, T2).
 */
export const SAFE_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d{1,6}\])*$/;

/** Property names a path may never touch, even where the grammar allows them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
