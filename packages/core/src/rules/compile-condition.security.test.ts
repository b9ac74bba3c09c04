/**
 * Hostile conditions (docs/security.md T1–T3): rejected at compile time, nothing executed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Condition } from '../pack/types.js';
import { compileCondition } from './compile-condition.js';
import { isConditionCompileError } from './condition-compile-error.js';
import { CONDITION_LIMITS } from './operator-catalogue.js';

const g = globalThis as { __canary?: unknown };

/** Every JSONPath payload of docs/security.md T1, plus canary-writing variants of each family. */
const PAYLOADS = [
  "$..[?(@.constructor[(@.getPrototypeOf(@).constructor('globalThis.__canary = 1')())])]",
  "$[(this.constructor.constructor(\"require('child_process').execSync('id')\")())]",
  '$[(this.constructor.constructor("globalThis.__canary = 2")())]',
  "$..[?(@.constructor.constructor('globalThis.__canary = 3')())]",
  "$[?(@.__lookupGetter__('constructor').call(0).constructor('globalThis.__canary = 4')())]",
  "$[?(@.constructor.constructor.call(0, 'globalThis.__canary = 5')())]",
  "$[?(@.constructor.constructor.apply(0, ['globalThis.__canary = 6'])())]",
  "$[?(@.constructor.constructor.bind(0, 'globalThis.__canary = 7')()())]",
  "$[?((async function(){}).constructor('globalThis.__canary = 8')())]",
  "$[?((function*(){}).constructor('globalThis.__canary = 9')().next())]",
  '$[?(@root.x)]',
  '$..x',
  '$.*',
  "$['a']",
  '$.a[*]',
  '$.__proto__',
  '$.constructor',
  '$.a.prototype',
  '$.a[0].__proto__.polluted',
  '`$.a`',
  '$.a;globalThis.__canary=10',
  '',
  'a.b',
  `$${'.a'.repeat(200)}`,
];

describe('unsafe paths are rejected at compile time (docs/security.md T1)', () => {
  beforeEach(() => {
    g.__canary = 'untouched';
  });
  afterEach(() => {
    delete g.__canary;
  });

  for (const path of PAYLOADS) {
    it(`rejects ${JSON.stringify(path.slice(0, 60))}`, () => {
      const asFactPath = { all: [{ fact: 'a', operator: 'equal', value: 1, path }] } as Condition;
      const asValuePath = { all: [{ fact: 'a', operator: 'equal', value: { fact: 'b', path } }] } as Condition;
      for (const [condition, pointer] of [
        [asFactPath, '/all/0/path'],
        [asValuePath, '/all/0/value/path'],
      ] as const) {
        let error: unknown;
        try {
          compileCondition(condition);
        } catch (e) {
          error = e;
        }
        expect(isConditionCompileError(error)).toBe(true);
        expect(error).toMatchObject({ code: 'UNSAFE_PATH', pointer });
      }
      expect(g.__canary).toBe('untouched');
    });
  }

  it('reads own properties only through a safe path', () => {
    const c = compileCondition({ fact: 'a', operator: 'equal', value: 'x', path: '$.b[1].c' });
    expect(c({ a: { b: [0, { c: 'x' }] } })).toBe(true);
    expect(c({ a: Object.assign(Object.create({ b: [0, { c: 'x' }] }), {}) })).toBe(false);
    expect(compileCondition({ fact: 'a', operator: 'equal', value: undefined, path: '$.toString' })({ a: {} })).toBe(true);
  });
});

describe('structural limits (docs/security.md T3)', () => {
  const codeOf = (condition: unknown, conditions?: Record<string, Condition>) => {
    try {
      compileCondition(condition as Condition, conditions ? { conditions } : {});
    } catch (e) {
      return isConditionCompileError(e) ? { code: e.code, pointer: e.pointer, condition: e.condition } : { code: 'OTHER', error: e };
    }
    return { code: 'COMPILED' };
  };
  const leaf = { fact: 'a', operator: 'equal', value: 1 };

  it('rejects nesting deeper than the cap without overflowing the stack (depth 5 000)', () => {
    let deep: unknown = leaf;
    for (let i = 0; i < 5000; i++) deep = { not: deep };
    expect(codeOf(deep).code).toBe('CONDITION_TOO_DEEP');
    let ok: unknown = leaf;
    for (let i = 1; i < CONDITION_LIMITS.maxDepth; i++) ok = { not: ok };
    expect(codeOf(ok).code).toBe('COMPILED');
    expect(codeOf({ not: ok }).code).toBe('CONDITION_TOO_DEEP');
  });

  it('rejects more leaves than the cap, counting resolved references', () => {
    expect(codeOf({ any: Array.from({ length: 100_000 }, () => leaf) })).toMatchObject({ code: 'CONDITION_TOO_LARGE', pointer: `/any/${CONDITION_LIMITS.maxLeaves}` });
    // a DAG of references, eight-fold at every level: 8^10 leaves once resolved, each name compiled once
    const conditions: Record<string, Condition> = { c0: leaf as Condition };
    for (let i = 1; i <= 10; i++) conditions[`c${i}`] = { all: Array.from({ length: 8 }, () => ({ condition: `c${i - 1}` })) };
    expect(codeOf({ condition: 'c10' }, conditions).code).toBe('CONDITION_TOO_LARGE');
    expect(codeOf({ condition: 'c4' }, conditions).code).toBe('CONDITION_TOO_LARGE');
    expect(codeOf({ condition: 'c3' }, conditions).code).toBe('COMPILED');
  });

  it('detects reference cycles iteratively, even long ones', () => {
    expect(codeOf({ condition: 'a' }, { a: { all: [{ condition: 'b' }] }, b: { any: [{ condition: 'a' }] } })).toMatchObject({ code: 'CONDITION_CYCLE', pointer: '/condition' });
    expect(codeOf({ condition: 'a' }, { a: { condition: 'a' } }).code).toBe('CONDITION_CYCLE');
    const ring: Record<string, Condition> = {};
    for (let i = 0; i < 50_000; i++) ring[`r${i}`] = { condition: `r${(i + 1) % 50_000}` };
    expect(codeOf({ condition: 'r0' }, ring).code).toBe('CONDITION_CYCLE');
    const chain: Record<string, Condition> = { r50000: leaf as Condition };
    for (let i = 0; i < 50_000; i++) chain[`r${i}`] = { condition: `r${i + 1}` };
    expect(codeOf({ condition: 'r0' }, chain).code).toBe('CONDITION_TOO_DEEP');
  });

  it('never throws anything but a ConditionCompileError, and never a RangeError (property)', () => {
    const junk = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, 1, 'x', true, [], {}),
        fc.record(
          {
            fact: fc.constantFrom('a', 'b', '', 3),
            operator: fc.constantFrom('equal', 'in', 'between', 'before', 'withinDays', 'nope', 'constructor', '__proto__'),
            value: fc.constantFrom(1, [1, 2], 'x', { fact: 'b' }, '2026-01-01', -1),
          },
          { requiredKeys: ['fact'] },
        ),
        fc.array(tie('node'), { maxLength: 3 }).map((all) => ({ all })),
        fc.array(tie('node'), { maxLength: 3 }).map((any) => ({ any })),
        tie('node').map((not) => ({ not })),
        fc.record({ atLeast: fc.integer({ min: -1, max: 4 }), of: fc.array(tie('node'), { maxLength: 3 }) }),
        fc.constantFrom('n', 'm', 'missing', 'constructor').map((condition) => ({ condition })),
        fc.tuple(tie('node'), tie('node')).map(([all, any]) => ({ all: [all], any: [any] })),
      ),
    })).node;
    fc.assert(
      fc.property(junk, junk, junk, (root, n, m) => {
        const conditions = { n, m } as unknown as Record<string, Condition>;
        try {
          const compiled = compileCondition(root as Condition, { conditions });
          expect(typeof compiled({ a: 1, b: [1] })).toBe('boolean');
        } catch (e) {
          expect(isConditionCompileError(e)).toBe(true);
        }
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
});

describe('no code generation', () => {
  it('the rules and classify sources contain no eval or new Function', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const files = [here, join(here, '../classify')].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
    }
  });
});
