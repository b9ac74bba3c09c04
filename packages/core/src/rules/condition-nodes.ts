/**
 * The closures a compiled condition is made of. Internal to the rules area.
 *
 * @module
 */
import type { Observation } from '../classify/types.js';
import type { Facts, OperatorTest } from './operators/define-operator.js';
import { readPath, type PathSteps } from './safe-path.js';

/** A node of the compiled tree: a test, and the same test recording what decided it. @internal */
export interface ConditionNode {
  test(facts: Facts): boolean;
  explain(facts: Facts, out: Observation[]): boolean;
}

type Node = ConditionNode;

/** The node of an empty `all` or `any` (both true in json-rules-engine 7.3.1). @internal */
export const TRUE_NODE: Node = Object.freeze({ test: () => true, explain: () => true });

/** The node of a leaf the compiler rejected in collecting mode (never evaluated by a caller). @internal */
export const FALSE_NODE: Node = Object.freeze({ test: () => false, explain: () => false });

/** Freeze a value and everything inside it. @internal */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads a fact and applies `path` the way json-rules-engine does: only to non-null objects.
 * One property read; inherited functions and `__proto__` count as missing.
 */
export function factReader(name: string, steps: PathSteps | undefined): (facts: Facts) => unknown {
  const read = (facts: Facts): unknown => {
    const value = facts[name];
    // Object.prototype lends only functions and the __proto__ accessor: never fact values
    if (value === undefined || ((typeof value === 'function' || name === '__proto__') && !Object.hasOwn(facts, name))) return undefined;
    return value;
  };
  if (!steps) return read;
  return (facts) => {
    const value = read(facts);
    return value !== null && typeof value === 'object' ? readPath(value, steps) : value;
  };
}

/**
 * A comparison leaf: reads the fact (and the referenced value, when `readExpected` is
 * given; else `literal` is the value), applies the operator; a throw reads as false. The
 * test allocates nothing; only `explain` builds an observation. @internal
 */
export function leafNode(
  fact: string,
  operator: string,
  readActual: (facts: Facts) => unknown,
  readExpected: ((facts: Facts) => unknown) | undefined,
  literal: unknown,
  test: OperatorTest,
  path: string | undefined,
  valueFact: string | undefined,
  reference: string | undefined,
): Node {
  const run = (actual: unknown, expected: unknown, facts: Facts): boolean => {
    try {
      return test(actual, expected, facts) === true;
    } catch {
      return false; // only hostile values (e.g. objects whose conversion throws) get here
    }
  };
  const holds: (facts: Facts) => boolean = readExpected === undefined
    ? (facts) => {
        try {
          return test(readActual(facts), literal, facts) === true;
        } catch {
          return false;
        }
      }
    : (facts) => {
        try {
          return test(readActual(facts), readExpected(facts), facts) === true;
        } catch {
          return false;
        }
      };
  return {
    test: holds,
    explain: (facts, out) => {
      let actual: unknown;
      let expected: unknown;
      try {
        actual = readActual(facts);
        expected = readExpected === undefined ? literal : readExpected(facts);
      } catch {
        return false;
      }
      const result = run(actual, expected, facts);
      const observation: Observation = { fact, operator, actual, expected };
      if (path !== undefined) observation.path = path;
      if (valueFact !== undefined) observation.valueFact = valueFact;
      if (reference !== undefined) observation.reference = reference;
      out.push(observation);
      return result;
    },
  };
}

/** A node that computes its boolean once per epoch (explanations are always computed). @internal */
export function onePerEpoch(node: Node, clock: { readonly epoch: number }): Node {
  let seen = Number.NaN;
  let value = false;
  return {
    test: (facts) => {
      if (seen === clock.epoch) return value;
      value = node.test(facts);
      seen = clock.epoch;
      return value;
    },
    explain: node.explain,
  };
}

/** `all`: every child holds; explains with every leaf when true, the first failing branch when false. @internal */
export function allNode(nodes: readonly Node[]): Node {
  return {
    test: (facts) => {
      for (const n of nodes) if (!n.test(facts)) return false;
      return true;
    },
    explain: (facts, out) => {
      const start = out.length;
      for (const n of nodes) {
        const mark = out.length;
        if (!n.explain(facts, out)) {
          out.splice(start, mark - start);
          return false;
        }
      }
      return true;
    },
  };
}

/** `any`: some child holds; explains with the first true branch, or every branch when false. @internal */
export function anyNode(nodes: readonly Node[]): Node {
  return {
    test: (facts) => {
      for (const n of nodes) if (n.test(facts)) return true;
      return false;
    },
    explain: (facts, out) => {
      const start = out.length;
      for (const n of nodes) {
        const mark = out.length;
        if (n.explain(facts, out)) {
          out.splice(start, mark - start);
          return true;
        }
      }
      return false;
    },
  };
}

/** `not`: explains with the inner observations marked `negated`. @internal */
export function notNode(inner: Node): Node {
  return {
    test: (facts) => !inner.test(facts),
    explain: (facts, out) => {
      const start = out.length;
      const result = !inner.explain(facts, out);
      for (let i = start; i < out.length; i++) {
        const o = out[i]!;
        if (o.negated) delete o.negated;
        else o.negated = true;
      }
      return result;
    },
  };
}

/** `atLeast`: at least n children hold; explains with the true children (or the false ones). @internal */
export function atLeastNode(n: number, nodes: readonly Node[]): Node {
  return {
    test: (facts) => {
      let yes = 0;
      let left = nodes.length;
      for (const node of nodes) {
        left -= 1;
        if (node.test(facts)) yes += 1;
        if (yes >= n) return true;
        if (yes + left < n) return false;
      }
      return false;
    },
    explain: (facts, out) => {
      const held: Observation[] = [];
      const failed: Observation[] = [];
      let yes = 0;
      for (const node of nodes) {
        const part: Observation[] = [];
        if (node.explain(facts, part)) {
          yes += 1;
          held.push(...part);
        } else failed.push(...part);
      }
      const result = yes >= n;
      out.push(...(result ? held : failed));
      return result;
    },
  };
}
