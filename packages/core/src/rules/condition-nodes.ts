/**
 * The closures a compiled condition is made of. Internal to the rules area.
 *
 * @module
 */
import type { Observation } from '../classify/types.js';
import { comparisonTest, isNumberLike, type Comparison, type Facts, type OperatorTest } from './operators/define-operator.js';
import { readPath, type PathSteps } from './safe-path.js';

/**
 * A node of the compiled tree: a test, and the same test recording what decided it — the
 * observations in `out` and, when `leaves` is given, the id of the leaf that made each one
 * (the same index; a leaf's id is fixed at compile time, so callers can cache per leaf).
 * @internal
 */
export interface ConditionNode {
  test(facts: Facts): boolean;
  explain(facts: Facts, out: Observation[], leaves?: number[]): boolean;
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
  // Object.prototype lends only functions and the __proto__ accessor: never fact values
  const read: (facts: Facts) => unknown =
    name === '__proto__'
      ? (facts) => (Object.hasOwn(facts, name) ? facts[name] : undefined)
      : (facts) => {
          const value = facts[name];
          return typeof value === 'function' && !Object.hasOwn(facts, name) ? undefined : value;
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
  id: number,
  fact: string,
  operator: string,
  readActual: (facts: Facts) => unknown,
  readExpected: ((facts: Facts) => unknown) | undefined,
  literal: unknown,
  test: OperatorTest,
  path: string | undefined,
  valueFact: string | undefined,
  reference: string | undefined,
  fuse?: { comparison: Comparison; fact: string; from?: Facts },
): Node {
  const run = (actual: unknown, expected: unknown, facts: Facts): boolean => {
    try {
      return test(actual, expected, facts) === true;
    } catch {
      return false; // only hostile values (e.g. objects whose conversion throws) get here
    }
  };
  const fused = readExpected === undefined && fuse !== undefined ? fusedTest(fuse.comparison, fuse.fact, literal, fuse.from) : undefined;
  const holds: (facts: Facts) => boolean =
    fused !== undefined
      ? fused
      : readExpected === undefined
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
    explain: (facts, out, leaves) => {
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
      if (leaves !== undefined) leaves.push(id);
      return result;
    },
  };
}

const arrayIndexOf = Array.prototype.indexOf;

/**
 * One closure for "read the fact, compare with the literal" — json-rules-engine's
 * comparisons on a plain fact read (no path): the result equals
 * `comparisonTest(comparison)(factReader(fact)(facts), literal)`. The fact is read from
 * `from` when given (the reserved facts' object), else from the facts. `equal`, `notEqual`
 * and `contains` read `facts[fact]` directly, the same as the own-property reader there: an
 * inherited value is a function (or `__proto__`, left out), which no primitive literal
 * equals and which is not an array; the others use the own-property read. `undefined` when the case is not one of these.
 */
function fusedTest(comparison: Comparison, fact: string, literal: unknown, from: Facts | undefined): ((facts: Facts) => boolean) | undefined {
  if (fact === '__proto__' || literal === undefined || (literal !== null && typeof literal === 'object' && !(Array.isArray(literal) && (comparison === 'in' || comparison === 'notIn'))))
    return undefined;
  if (from !== undefined) {
    const test = comparisonTest(comparison);
    return () => {
      try {
        return test(from[fact], literal, from);
      } catch {
        return false;
      }
    };
  }
  const own = (facts: Facts) => {
    const value = facts[fact];
    return typeof value === 'function' && !Object.hasOwn(facts, fact) ? undefined : value;
  };
  const n = literal as number;
  const list = literal as readonly unknown[];
  // each closure catches on its own (hostile getters only): one call per leaf
  switch (comparison) {
    case 'eq':
      return (facts) => {
        try {
          return facts[fact] === literal;
        } catch {
          return false;
        }
      };
    case 'ne':
      return (facts) => {
        try {
          return facts[fact] !== literal;
        } catch {
          return false;
        }
      };
    case 'lt':
      return (facts) => {
        try {
          const v = own(facts);
          return isNumberLike(v) && (v as number) < n;
        } catch {
          return false;
        }
      };
    case 'le':
      return (facts) => {
        try {
          const v = own(facts);
          return isNumberLike(v) && (v as number) <= n;
        } catch {
          return false;
        }
      };
    case 'gt':
      return (facts) => {
        try {
          const v = own(facts);
          return isNumberLike(v) && (v as number) > n;
        } catch {
          return false;
        }
      };
    case 'ge':
      return (facts) => {
        try {
          const v = own(facts);
          return isNumberLike(v) && (v as number) >= n;
        } catch {
          return false;
        }
      };
    case 'in':
      if (!Array.isArray(literal)) return undefined;
      return (facts) => {
        try {
          return arrayIndexOf.call(list, own(facts)) > -1;
        } catch {
          return false;
        }
      };
    case 'notIn':
      if (!Array.isArray(literal)) return undefined;
      return (facts) => {
        try {
          return arrayIndexOf.call(list, own(facts)) === -1;
        } catch {
          return false;
        }
      };
    case 'has':
      return (facts) => {
        try {
          const v = facts[fact];
          return Array.isArray(v) && arrayIndexOf.call(v, literal) > -1;
        } catch {
          return false;
        }
      };
    case 'lacks':
      return (facts) => {
        try {
          const v = facts[fact];
          return Array.isArray(v) && arrayIndexOf.call(v, literal) === -1;
        } catch {
          return false;
        }
      };
  }
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
  const tests = nodes.map((n) => n.test);
  const count = tests.length;
  const [first, second] = [tests[0]!, tests[1]!];
  return {
    test:
      count === 2
        ? (facts) => first(facts) && second(facts)
        : (facts) => {
            for (let i = 0; i < count; i++) if (!tests[i]!(facts)) return false;
            return true;
          },
    explain: (facts, out, leaves) => {
      const start = out.length;
      for (const n of nodes) {
        const mark = out.length;
        if (!n.explain(facts, out, leaves)) {
          if (mark > start) {
            out.splice(start, mark - start);
            leaves?.splice(start, mark - start);
          }
          return false;
        }
      }
      return true;
    },
  };
}

/** `any`: some child holds; explains with the first true branch, or every branch when false. @internal */
export function anyNode(nodes: readonly Node[]): Node {
  const tests = nodes.map((n) => n.test);
  const count = tests.length;
  const [first, second] = [tests[0]!, tests[1]!];
  return {
    test:
      count === 2
        ? (facts) => first(facts) || second(facts)
        : (facts) => {
            for (let i = 0; i < count; i++) if (tests[i]!(facts)) return true;
            return false;
          },
    explain: (facts, out, leaves) => {
      const start = out.length;
      for (const n of nodes) {
        const mark = out.length;
        if (n.explain(facts, out, leaves)) {
          if (mark > start) {
            out.splice(start, mark - start);
            leaves?.splice(start, mark - start);
          }
          return true;
        }
      }
      return false;
    },
  };
}

/** `not`: explains with the inner observations marked `negated`. @internal */
export function notNode(inner: Node): Node {
  const test = inner.test;
  return {
    test: (facts) => !test(facts),
    explain: (facts, out, leaves) => {
      const start = out.length;
      const result = !inner.explain(facts, out, leaves);
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
    explain: (facts, out, leaves) => {
      const held: Observation[] = [];
      const failed: Observation[] = [];
      const heldLeaves: number[] = [];
      const failedLeaves: number[] = [];
      let yes = 0;
      for (const node of nodes) {
        const part: Observation[] = [];
        const partLeaves: number[] = [];
        if (node.explain(facts, part, partLeaves)) {
          yes += 1;
          held.push(...part);
          heldLeaves.push(...partLeaves);
        } else {
          failed.push(...part);
          failedLeaves.push(...partLeaves);
        }
      }
      const result = yes >= n;
      out.push(...(result ? held : failed));
      leaves?.push(...(result ? heldLeaves : failedLeaves));
      return result;
    },
  };
}
