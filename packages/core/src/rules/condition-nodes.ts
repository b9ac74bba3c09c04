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
  /** The test, over the evaluation's fact slots (see {@link Slots}). */
  test(slots: Slots): boolean;
  /** The recording walk, over the same slots: the values the test saw. */
  explain(slots: Slots, out: Observation[], leaves?: number[]): boolean;
}

/**
 * What a condition's test reads: the facts object at index 0, then one slot per fact the
 * compiler numbered (`CompileConditionOptions.factSlots`), `HOLE` until the first
 * leaf reads that fact in this evaluation. Each answer is then read from the facts object
 * at most once per evaluation, however many leaves compare it (a read of a large answers
 * object is a dictionary lookup, the dearest part of a leaf). A slot holds what
 * {@link factReader} returns. @internal
 */
export type Slots = unknown[];

/** A slot not read yet in this evaluation. @internal */
const HOLE: unique symbol = Symbol('unread');

/** Fresh slots over a facts object (`size`: the facts object and the slots, as `CompiledCondition.slotCount`). @internal */
export function slotsOver(facts: Facts, size: number): Slots {
  const slots: Slots = new Array<unknown>(size).fill(HOLE);
  slots[0] = facts;
  return slots;
}

/**
 * The value of fact `name` in slot `slot`: read from the facts object (own properties;
 * inherited functions and `__proto__` count as missing, as {@link factReader}) the first
 * time, then kept. A read that throws (a hostile getter) leaves the slot unread. @internal
 */
export function valueAt(slots: Slots, slot: number, name: string): unknown {
  const known = slots[slot];
  if (known !== HOLE) return known;
  const facts = slots[0] as Facts;
  const hint = slot & HINT_MASK;
  if (ABSENT_BEFORE[hint] === 0) {
    const value = facts[name];
    if (value === undefined) ABSENT_BEFORE[hint] = 1;
    return (slots[slot] = typeof value === 'function' && !Object.hasOwn(facts, name) ? undefined : value);
  }
  // Answers missing last time: ask whether the object has it before reading it. Anything
  // not its own is inherited, and Object.prototype lends only functions (missing), so an
  // answer a plain object does not have is missing without a property read — a read that,
  // on objects of many shapes (answers from JSON.parse), misses V8's caches.
  if (Object.hasOwn(facts, name)) {
    ABSENT_BEFORE[hint] = 0;
    return (slots[slot] = facts[name]);
  }
  if (Object.getPrototypeOf(facts) === OBJECT_PROTOTYPE && !Object.hasOwn(OBJECT_PROTOTYPE, name)) return (slots[slot] = undefined);
  const inherited = facts[name];
  return (slots[slot] = typeof inherited === 'function' ? undefined : inherited);
}

const OBJECT_PROTOTYPE = Object.prototype;
/**
 * Which way {@link valueAt} reads a slot first, by slot number (shared by every compiler,
 * whose numberings overlap: only a guess, never a result): 1 when the answer was missing
 * the last time that slot was read. Both ways give the same value; an answer present is
 * cheapest to read directly, one missing cheapest to ask about first.
 */
const HINT_MASK = 1023;
const ABSENT_BEFORE = new Uint8Array(HINT_MASK + 1);

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
 * A comparison leaf: reads the fact (and the referenced value, when `slotExpected` is
 * given; else `literal` is the value) through the slots ({@link slotReader}), applies the
 * operator; a throw reads as false. The test allocates nothing; only `explain` builds an
 * observation. @internal
 */
export function leafNode(
  id: number,
  fact: string,
  operator: string,
  slotActual: (slots: Slots) => unknown,
  slotExpected: ((slots: Slots) => unknown) | undefined,
  literal: unknown,
  test: OperatorTest,
  path: string | undefined,
  valueFact: string | undefined,
  reference: string | undefined,
  fuse?: { comparison: Comparison; fact: string; slot: number | undefined; from?: Facts },
): Node {
  const run = (actual: unknown, expected: unknown, facts: Facts): boolean => {
    try {
      return test(actual, expected, facts) === true;
    } catch {
      return false; // only hostile values (e.g. objects whose conversion throws) get here
    }
  };
  /** The observation has only the four keys (one literal, one shape). */
  const plain = path === undefined && valueFact === undefined && reference === undefined;
  const fused = slotExpected === undefined && fuse !== undefined ? fusedTest(fuse.comparison, fuse.fact, literal, fuse.slot, fuse.from) : undefined;
  const holds: (slots: Slots) => boolean =
    fused !== undefined
      ? fused
      : slotExpected === undefined
        ? (slots) => {
            try {
              return test(slotActual(slots), literal, slots[0] as Facts) === true;
            } catch {
              return false;
            }
          }
        : (slots) => {
            try {
              return test(slotActual(slots), slotExpected(slots), slots[0] as Facts) === true;
            } catch {
              return false;
            }
          };
  return {
    test: holds,
    explain: (slots, out, leaves) => {
      let actual: unknown;
      let expected: unknown;
      try {
        actual = slotActual(slots);
        expected = slotExpected === undefined ? literal : slotExpected(slots);
      } catch {
        return false;
      }
      const result = run(actual, expected, slots[0] as Facts);
      out.push(plain ? { fact, operator, actual, expected } : observationOf(fact, operator, actual, expected, path, valueFact, reference));
      if (leaves !== undefined) leaves.push(id);
      return result;
    },
  };
}

/** An observation with the optional keys it has, in this order: path, valueFact, reference. */
function observationOf(fact: string, operator: string, actual: unknown, expected: unknown, path: string | undefined, valueFact: string | undefined, reference: string | undefined): Observation {
  const observation: Observation = { fact, operator, actual, expected };
  if (path !== undefined) observation.path = path;
  if (valueFact !== undefined) observation.valueFact = valueFact;
  if (reference !== undefined) observation.reference = reference;
  return observation;
}

const arrayIndexOf = Array.prototype.indexOf;

/**
 * One closure for "read the fact, compare with the literal" — json-rules-engine's
 * comparisons on a plain fact read (no path): the result equals
 * `comparisonTest(comparison)(factReader(fact)(facts), literal)`. The fact is read from
 * `from` when given (the reserved facts' object), else from its slot ({@link valueAt}).
 * `undefined` when the case is not one of these.
 */
function fusedTest(comparison: Comparison, fact: string, literal: unknown, slot: number | undefined, from: Facts | undefined): ((slots: Slots) => boolean) | undefined {
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
  if (slot === undefined) return undefined;
  const n = literal as number;
  const list = literal as readonly unknown[];
  // each closure catches on its own (hostile getters only): one call per leaf
  switch (comparison) {
    case 'eq':
      return (slots) => {
        try {
          return valueAt(slots, slot, fact) === literal;
        } catch {
          return false;
        }
      };
    case 'ne':
      return (slots) => {
        try {
          return valueAt(slots, slot, fact) !== literal;
        } catch {
          return false;
        }
      };
    case 'lt':
      return (slots) => {
        try {
          const v = valueAt(slots, slot, fact);
          return isNumberLike(v) && (v as number) < n;
        } catch {
          return false;
        }
      };
    case 'le':
      return (slots) => {
        try {
          const v = valueAt(slots, slot, fact);
          return isNumberLike(v) && (v as number) <= n;
        } catch {
          return false;
        }
      };
    case 'gt':
      return (slots) => {
        try {
          const v = valueAt(slots, slot, fact);
          return isNumberLike(v) && (v as number) > n;
        } catch {
          return false;
        }
      };
    case 'ge':
      return (slots) => {
        try {
          const v = valueAt(slots, slot, fact);
          return isNumberLike(v) && (v as number) >= n;
        } catch {
          return false;
        }
      };
    case 'in':
      if (!Array.isArray(literal)) return undefined;
      return (slots) => {
        try {
          return arrayIndexOf.call(list, valueAt(slots, slot, fact)) > -1;
        } catch {
          return false;
        }
      };
    case 'notIn':
      if (!Array.isArray(literal)) return undefined;
      return (slots) => {
        try {
          return arrayIndexOf.call(list, valueAt(slots, slot, fact)) === -1;
        } catch {
          return false;
        }
      };
    case 'has':
      return (slots) => {
        try {
          const v = valueAt(slots, slot, fact);
          return Array.isArray(v) && arrayIndexOf.call(v, literal) > -1;
        } catch {
          return false;
        }
      };
    case 'lacks':
      return (slots) => {
        try {
          const v = valueAt(slots, slot, fact);
          return Array.isArray(v) && arrayIndexOf.call(v, literal) === -1;
        } catch {
          return false;
        }
      };
  }
}

/**
 * {@link factReader} over {@link Slots}: the fact's slot when it has one (then `path` is
 * applied to the value kept there), else a read of the facts object. @internal
 */
export function slotReader(name: string, slot: number | undefined, steps: PathSteps | undefined): (slots: Slots) => unknown {
  if (slot === undefined) {
    const read = factReader(name, steps);
    return (slots) => read(slots[0] as Facts);
  }
  if (!steps) return (slots) => valueAt(slots, slot, name);
  return (slots) => {
    const value = valueAt(slots, slot, name);
    return value !== null && typeof value === 'object' ? readPath(value, steps) : value;
  };
}

/** A node that computes its boolean once per epoch (explanations are always computed). @internal */
export function onePerEpoch(node: Node, clock: { readonly epoch: number }): Node {
  let seen = Number.NaN;
  let value = false;
  return {
    test: (slots) => {
      if (seen === clock.epoch) return value;
      value = node.test(slots);
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
        ? (slots) => first(slots) && second(slots)
        : (slots) => {
            for (let i = 0; i < count; i++) if (!tests[i]!(slots)) return false;
            return true;
          },
    explain: (slots, out, leaves) => {
      const start = out.length;
      for (const n of nodes) {
        const mark = out.length;
        if (!n.explain(slots, out, leaves)) {
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
        ? (slots) => first(slots) || second(slots)
        : (slots) => {
            for (let i = 0; i < count; i++) if (tests[i]!(slots)) return true;
            return false;
          },
    explain: (slots, out, leaves) => {
      const start = out.length;
      for (const n of nodes) {
        const mark = out.length;
        if (n.explain(slots, out, leaves)) {
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
    test: (slots) => !test(slots),
    explain: (slots, out, leaves) => {
      const start = out.length;
      const result = !inner.explain(slots, out, leaves);
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
    test: (slots) => {
      let yes = 0;
      let left = nodes.length;
      for (const node of nodes) {
        left -= 1;
        if (node.test(slots)) yes += 1;
        if (yes >= n) return true;
        if (yes + left < n) return false;
      }
      return false;
    },
    explain: (slots, out, leaves) => {
      const held: Observation[] = [];
      const failed: Observation[] = [];
      const heldLeaves: number[] = [];
      const failedLeaves: number[] = [];
      let yes = 0;
      for (const node of nodes) {
        const part: Observation[] = [];
        const partLeaves: number[] = [];
        if (node.explain(slots, part, partLeaves)) {
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
