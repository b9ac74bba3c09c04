/**
 * Differential test: compileCondition against json-rules-engine 7.3.1 (the semantic
 * reference), on random condition trees and random facts.
 */
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../pack/types.js';
import { compileCondition } from './compile-condition.js';

const FACTS = ['a', 'b', 'c', 'd', 'e'] as const;
const PATHS = ['$', '$.x', '$.y', '$.y[0]', '$[0]', '$[1]', '$.x.y', '$.y[1].x'] as const;
const JRE_OPS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'] as const;

/**
 * The engine's path resolver for this test: the same safe grammar, written independently
 * of safe-path.ts (json-rules-engine's default resolver executes code, docs/security.md T1).
 */
function testPathResolver(value: unknown, path: string): unknown {
  const keys = [...path.matchAll(/\.([A-Za-z_]\w*)|\[(\d+)\]/g)].map((m) => m[1] ?? String(Number(m[2])));
  let current: unknown = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const scalar = fc.oneof(
  fc.constantFrom(null, Number.NaN, 0, -0, 1, 2, 2.5, -1, 10, Number.POSITIVE_INFINITY),
  fc.constantFrom('1', '2', '2.5', '10', '9', ' 3', '3abc', '-0', '1e1', '0x10', '', 'a', 'b', 'NaN', 'Infinity'),
  fc.boolean(),
  fc.integer({ min: -3, max: 12 }),
);

const factValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.record({ x: tie('value'), y: fc.array(tie('value'), { maxLength: 3 }) }, { requiredKeys: [], noNullPrototype: true }),
  ),
})).value;

const factsArb = fc.dictionary(fc.constantFrom(...FACTS), factValue, { maxKeys: 5, noNullPrototype: true });

const pathArb = fc.option(fc.constantFrom(...PATHS), { nil: undefined, freq: 2 });

const valueArb = (operator: string): fc.Arbitrary<unknown> => {
  const ref = fc.record({ fact: fc.constantFrom(...FACTS), path: pathArb }).map(({ fact, path }) => (path ? { fact, path } : { fact }));
  if (operator === 'in' || operator === 'notIn') {
    return fc.oneof(fc.array(scalar, { maxLength: 4 }), fc.constantFrom('abc', 'a1b', 'xundefinedx', 'nullx', ''), ref);
  }
  return fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: ref }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) });
};

const leafArb: fc.Arbitrary<Condition> = fc
  .record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom(...JRE_OPS), path: pathArb })
  .chain(({ fact, operator, path }) => valueArb(operator).map((value) => (path ? { fact, operator, value, path } : { fact, operator, value })));

const NAMES = ['n0', 'n1', 'n2'] as const;

/** Trees over leaves and, when `refs` is given, references to those names. */
const treeArb = (refs: readonly string[]): fc.Arbitrary<Condition> =>
  fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      refs.length > 0 ? fc.oneof({ weight: 4, arbitrary: leafArb }, { weight: 1, arbitrary: fc.constantFrom(...refs).map((condition) => ({ condition })) }) : leafArb,
      fc.array(tie('node'), { maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie('node'), { maxLength: 4 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  })).node;

/** A json-rules-engine root must be all / any / not / condition. */
const asRoot = (c: Condition): Condition => ('all' in c || 'any' in c || 'not' in c || 'condition' in c ? c : { all: [c] });

/** Named conditions n0, n1, n2, each referencing only earlier names (no cycles). */
const namedArb = fc.tuple(treeArb([]), treeArb(['n0']), treeArb(['n0', 'n1'])).map(([n0, n1, n2]) => ({ n0: asRoot(n0), n1: asRoot(n1), n2: asRoot(n2) }) as Record<string, Condition>);

const caseArb = fc.record({
  named: namedArb,
  condition: treeArb(NAMES).map(asRoot),
  facts: fc.array(factsArb, { minLength: 10, maxLength: 10 }),
});

function engineFor(condition: Condition, named: Record<string, Condition>): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: testPathResolver });
  for (const [name, c] of Object.entries(named)) engine.setCondition(name, c as never);
  engine.addRule({ conditions: condition as never, event: { type: 'fired' } });
  return engine;
}

describe('compileCondition ≡ json-rules-engine 7.3.1', () => {
  it("gives the engine's verdict on 12 000 random (condition, facts) pairs (≥ 10 000 comparable)", async () => {
    let compared = 0;
    let engineThrew = 0;
    let fired = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ named, condition, facts }) => {
        const compiled = compileCondition(condition, { conditions: named });
        let engine = engineFor(condition, named);
        for (const f of facts) {
          const ours = compiled(f);
          const explained = compiled.explain(f);
          expect(explained.result).toBe(ours);
          let theirs: boolean;
          try {
            theirs = (await engine.run(f)).events.length > 0;
          } catch {
            engineThrew += 1; // e.g. `in` against a referenced fact that is not a list: the engine rejects the run
            engine = engineFor(condition, named); // a rejected run leaves the engine unusable for the next one
            continue;
          }
          compared += 1;
          if (theirs) fired += 1;
          if (ours !== theirs) {
            throw new Error(`disagree: ours=${ours} engine=${theirs}\ncondition=${JSON.stringify(condition)}\nnamed=${JSON.stringify(named)}\nfacts=${JSON.stringify(f)}`);
          }
        }
      }),
      { seed: 20261128, numRuns: 1200 },
    );
    console.info(`differential: ${compared} compared, ${fired} fired, ${engineThrew} engine errors`);
    // the generator must exercise both verdicts, and most cases must be comparable
    expect(compared).toBeGreaterThanOrEqual(10_000);
    expect(fired).toBeGreaterThan(1000);
    expect(compared - fired).toBeGreaterThan(1000);
    expect(compared + engineThrew).toBe(12_000);
  });

  it('agrees on a second fixed seed (flat, leaf-heavy conditions)', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(leafArb, { minLength: 1, maxLength: 3 }), fc.array(factsArb, { minLength: 10, maxLength: 10 }), async (leaves, facts) => {
        const condition = { any: leaves };
        const compiled = compileCondition(condition);
        let engine = engineFor(condition, {});
        for (const f of facts) {
          let theirs: boolean;
          try {
            theirs = (await engine.run(f)).events.length > 0;
          } catch {
            engine = engineFor(condition, {});
            continue;
          }
          compared += 1;
          expect(compiled(f)).toBe(theirs);
        }
      }),
      { seed: 7, numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(7000);
  });
});
