import { ANJIAN_OPERATORS } from './anjian-operators.js';
import { JRE_OPERATORS } from './jre-operators.js';
import type { OperatorFactory } from './operator-implementation.js';
import { OPERATOR_CATALOGUE } from './operator-catalogue.js';

/**
 * The implementations of every operator in {@link OPERATOR_CATALOGUE}, by name. The
 * catalogue says which operators exist; this table says how they compute. A test checks
 * both have the same names.
 */
export const OPERATORS: Readonly<Record<string, OperatorFactory>> = Object.freeze({ ...JRE_OPERATORS, ...ANJIAN_OPERATORS });

/** The implementation of a catalogued operator, or `undefined` for an unknown name (own keys only). */
export function operatorFactory(name: string): OperatorFactory | undefined {
  return Object.hasOwn(OPERATOR_CATALOGUE, name) && Object.hasOwn(OPERATORS, name) ? OPERATORS[name] : undefined;
}
