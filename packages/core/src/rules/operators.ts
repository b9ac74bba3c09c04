/**
 * The operator registry: every built-in operator's one definition, by name. The loader
 * (through the compiler), the compiler and the explainer all read it.
 *
 * @module
 */
import type { OperatorDefinition, OperatorFactory } from './operators/define-operator.js';
import { after, before } from './operators/date-operators.js';
import { olderThanDays, olderThanMinutes, withinDays, withinMinutes } from './operators/duration-operators.js';
import { equal, notEqual } from './operators/equality-operators.js';
import { contains, doesNotContain, isOneOf, notIn } from './operators/list-operators.js';
import { greaterThan, greaterThanInclusive, lessThan, lessThanInclusive } from './operators/numeric-operators.js';
import { between, notBetween } from './operators/range-operators.js';

/**
 * Every built-in operator by name (json-rules-engine's ten, then anjian's eight). Hosts
 * cannot add operators through a pack; an unknown name is a load-time error.
 */
export const OPERATORS: Readonly<Record<string, OperatorDefinition>> = Object.freeze({
  equal,
  notEqual,
  lessThan,
  lessThanInclusive,
  greaterThan,
  greaterThanInclusive,
  in: isOneOf,
  notIn,
  contains,
  doesNotContain,
  between,
  notBetween,
  before,
  after,
  withinDays,
  olderThanDays,
  withinMinutes,
  olderThanMinutes,
});

/** The definition of a built-in operator, or `undefined` for an unknown name (own keys only). */
export function operatorDefinition(name: string): OperatorDefinition | undefined {
  return Object.hasOwn(OPERATORS, name) ? OPERATORS[name] : undefined;
}

/** The factory of a built-in operator, or `undefined` for an unknown name (own keys only). */
export function operatorFactory(name: string): OperatorFactory | undefined {
  return operatorDefinition(name)?.create;
}
