import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../pack/types.js';
import { compileCondition, createConditionCompiler } from './compile-condition.js';
import { ConditionCompileError, isConditionCompileError } from './condition-compile-error.js';
import { OPERATOR_CATALOGUE } from './operator-catalogue.js';
import { OPERATORS } from './operators.js';

/** json-rules-engine's verdict for one leaf (`undefined` when the engine throws). */
async function reference(leaf: Condition, facts: Record<string, unknown>): Promise<boolean | undefined> {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: (v: unknown) => v });
  engine.addRule({ conditions: { all: [leaf] } as never, event: { type: 'x' } });
  try {
    return (await engine.run(facts)).events.length > 0;
  } catch {
    return undefined;
  }
}

const SAMPLES: unknown[] = [undefined, null, Number.NaN, 0, -0, 2, 2.5, 3, '2', '3', '10', '3abc', '', 'a', true, false, [2], ['a', 'b'], [], { x: 1 }];

describe('json-rules-engine operators, one by one, against the engine', () => {
  const jre = Object.values(OPERATOR_CATALOGUE).filter((s) => s.origin === 'json-rules-engine');
  it('covers the ten json-rules-engine operators', () => {
    expect(jre.map((s) => s.name).sort()).toEqual(['contains', 'doesNotContain', 'equal', 'greaterThan', 'greaterThanInclusive', 'in', 'lessThan', 'lessThanInclusive', 'notEqual', 'notIn']);
  });
  for (const { name } of jre) {
    it(`${name}: every sample fact against every sample value`, async () => {
      const values = name === 'in' || name === 'notIn' ? [[2, 'a', null], ['3'], [], 'abc2', 'xundefinedx'] : SAMPLES.filter((v) => v !== undefined);
      let checked = 0;
      for (const value of values) {
        const leaf = { fact: 'f', operator: name, value } as Condition;
        const compiled = compileCondition(leaf);
        for (const actual of SAMPLES) {
          const facts = actual === undefined ? {} : { f: actual };
          const expected = await reference(leaf, facts);
          if (expected === undefined) continue;
          checked += 1;
          expect(compiled(facts), `${JSON.stringify(actual)} ${name} ${JSON.stringify(value)}`).toBe(expected);
        }
      }
      expect(checked).toBeGreaterThan(50);
    });
  }

  it('known quirks of the reference engine are reproduced', () => {
    const f = (c: Condition, facts: Record<string, unknown>) => compileCondition(c)(facts);
    expect(f({ any: [] }, {})).toBe(true); // empty any is true in json-rules-engine 7.3.1
    expect(f({ all: [] }, {})).toBe(true);
    expect(f({ fact: 'a', operator: 'notEqual', value: 1 }, {})).toBe(true); // missing is "not equal"
    expect(f({ fact: 'a', operator: 'lessThan', value: '9' }, { a: '10' })).toBe(true); // string comparison
    expect(f({ fact: 'a', operator: 'greaterThan', value: 2 }, { a: [3] })).toBe(true); // [3] → 3
    expect(f({ fact: 'a', operator: 'in', value: 'xundefinedx' }, {})).toBe(true); // substring of a string value
    expect(f({ fact: 'a', operator: 'in', value: [Number.NaN] }, { a: Number.NaN })).toBe(false);
    expect(f({ fact: 'a', operator: 'equal', value: 5, path: '$.x' }, { a: 5 })).toBe(true); // path skipped on non-objects
    expect(f({ fact: 'a', operator: 'in', value: { fact: 'b' } }, { a: 1 })).toBe(false); // the engine throws here
    expect(f({ fact: 'a', operator: 'notIn', value: { fact: 'b' } }, { a: 1 })).toBe(false);
  });

  it('resolves { fact } values, with their own path', () => {
    const c = compileCondition({ fact: 'len', operator: 'greaterThan', value: { fact: 'limits', path: '$.hose' } });
    expect(c({ len: 3, limits: { hose: 2 } })).toBe(true);
    expect(c({ len: 1, limits: { hose: 2 } })).toBe(false);
    expect(c.explain({ len: 3, limits: { hose: 2 } }).observations).toEqual([{ fact: 'len', operator: 'greaterThan', actual: 3, expected: 2, valueFact: 'limits' }]);
  });
});

describe('anjian operators', () => {
  const check = (c: Condition, facts: Record<string, unknown>) => compileCondition(c)(facts);

  it('every catalogued operator has an implementation and vice versa', () => {
    expect(Object.keys(OPERATORS).sort()).toEqual(Object.keys(OPERATOR_CATALOGUE).sort());
  });

  it('between / notBetween: inclusive, numbers only', () => {
    const between = { fact: 'x', operator: 'between', value: [2, 5] };
    const outside = { fact: 'x', operator: 'notBetween', value: [2, 5] };
    for (const [x, inside] of [
      [2, true],
      [5, true],
      [3.5, true],
      [1.99, false],
      [5.01, false],
    ] as const) {
      expect(check(between, { x })).toBe(inside);
      expect(check(outside, { x })).toBe(!inside);
    }
    for (const x of [undefined, null, Number.NaN, '3', true, [3]]) {
      expect(check(between, { x })).toBe(false);
      expect(check(outside, { x })).toBe(false);
    }
  });

  it('before / after: day precision for dates, instants for date-times, false when unparsable', () => {
    const before = (x: unknown, value: unknown) => check({ fact: 'x', operator: 'before', value } as Condition, { x, y: value });
    const after = (x: unknown, value: unknown) => check({ fact: 'x', operator: 'after', value } as Condition, { x });
    expect(before('2026-11-27', '2026-11-28')).toBe(true);
    expect(before('2026-11-28', '2026-11-28')).toBe(false);
    expect(before('2026-11-28T23:59:00+08:00', '2026-11-28')).toBe(false); // same day
    expect(before('2026-11-27T23:59:00+08:00', '2026-11-28')).toBe(true);
    expect(before('2026-11-28T08:00:00+08:00', '2026-11-28T00:30:00Z')).toBe(true); // 00:00Z < 00:30Z
    expect(after('2026-11-28T08:00:00+08:00', '2026-11-27T23:59:00Z')).toBe(true);
    expect(after('2026-02-30', '2026-01-01')).toBe(false);
    expect(after('2026-11-28T08:00:00', '2026-01-01')).toBe(false); // no offset: unparsable
    expect(after(20261128, '2026-01-01')).toBe(false);
    expect(after(undefined, '2026-01-01')).toBe(false);
    const ref = compileCondition({ fact: 'x', operator: 'before', value: { fact: 'y' } });
    expect(ref({ x: '2026-01-01', y: '2026-01-02' })).toBe(true);
    expect(ref({ x: '2026-01-01', y: 'soon' })).toBe(false);
    expect(ref({ x: '2026-01-01' })).toBe(false);
  });

  it('withinDays / olderThanDays against $inspectedAt, params.reference or now', () => {
    const within = { fact: 'd', operator: 'withinDays', value: 30 };
    const older = { fact: 'd', operator: 'olderThanDays', value: 365 };
    const at = '2026-11-28T10:00:00+08:00';
    expect(check(within, { d: '2026-10-29', $inspectedAt: at })).toBe(true); // 30 days
    expect(check(within, { d: '2026-10-28', $inspectedAt: at })).toBe(false); // 31 days
    expect(check(within, { d: '2026-11-29', $inspectedAt: at })).toBe(false); // in the future
    expect(check(within, { d: '2026-10-29' })).toBe(false); // no reference
    expect(check(older, { d: '2025-11-27', $inspectedAt: at })).toBe(true); // 366 days
    expect(check(older, { d: '2025-11-28', $inspectedAt: at })).toBe(false); // exactly 365
    expect(check(older, { $inspectedAt: at })).toBe(false); // missing is never "older"
    const byRef = { fact: 'd', operator: 'olderThanDays', value: 1, params: { reference: 'work_start' } } as Condition;
    expect(check(byRef, { d: '2026-11-01', work_start: '2026-11-03', $inspectedAt: '2026-11-01' })).toBe(true);
    const withNow = compileCondition(within, { now: () => '2026-11-28T00:00:00Z' });
    expect(withNow({ d: '2026-11-20' })).toBe(true);
    expect(withNow({ d: '2026-11-20', $inspectedAt: '2027-01-01' })).toBe(false); // the fact wins over now
  });

  it('withinMinutes / olderThanMinutes need two date-times', () => {
    const within = { fact: 't', operator: 'withinMinutes', value: 30, params: { reference: 'start' } } as Condition;
    const older = { fact: 't', operator: 'olderThanMinutes', value: 30, params: { reference: 'start' } } as Condition;
    const start = '2026-11-28T10:00:00+08:00';
    expect(check(within, { t: '2026-11-28T09:30:00+08:00', start })).toBe(true);
    expect(check(within, { t: '2026-11-28T01:29:59Z', start })).toBe(false);
    expect(check(older, { t: '2026-11-28T01:29:59Z', start })).toBe(true);
    expect(check(within, { t: '2026-11-28', start })).toBe(false);
  });

  it('atLeast counts the branches that hold', () => {
    const c = compileCondition({
      atLeast: 2,
      of: [
        { fact: 'a', operator: 'equal', value: true },
        { fact: 'b', operator: 'equal', value: true },
        { fact: 'c', operator: 'equal', value: true },
      ],
    });
    expect(c({ a: true })).toBe(false);
    expect(c({ a: true, c: true })).toBe(true);
    expect(c.explain({ a: true, c: true }).observations.map((o) => o.fact)).toEqual(['a', 'c']);
    expect(c.explain({ a: true }).observations.map((o) => o.fact)).toEqual(['b', 'c']);
  });
});

describe('explain', () => {
  const c = compileCondition(
    {
      all: [
        { condition: 'lpg' },
        {
          any: [
            { fact: 'below', operator: 'equal', value: true },
            { fact: 'cyl', operator: 'greaterThan', value: 2 },
          ],
        },
        { not: { fact: 'alarm', operator: 'equal', value: true } },
      ],
    },
    { conditions: { lpg: { fact: 'gas', operator: 'equal', value: 'lpg' } } },
  );

  it('a true all: every deciding leaf; a true any: its first true branch; not: negated', () => {
    expect(c.explain({ gas: 'lpg', below: false, cyl: 4, alarm: false })).toEqual({
      result: true,
      observations: [
        { fact: 'gas', operator: 'equal', actual: 'lpg', expected: 'lpg' },
        { fact: 'cyl', operator: 'greaterThan', actual: 4, expected: 2 },
        { fact: 'alarm', operator: 'equal', actual: false, expected: true, negated: true },
      ],
    });
  });

  it('a false all: only its first false branch', () => {
    expect(c.explain({ gas: 'lpg', below: false, cyl: 1, alarm: false })).toEqual({
      result: false,
      observations: [
        { fact: 'below', operator: 'equal', actual: false, expected: true },
        { fact: 'cyl', operator: 'greaterThan', actual: 1, expected: 2 },
      ],
    });
  });

  it('the compiled condition is frozen and lists its facts', () => {
    expect(Object.isFrozen(c)).toBe(true);
    expect(c.facts).toEqual(['gas', 'below', 'cyl', 'alarm']);
    expect(() => {
      (c as unknown as { explain: unknown }).explain = null;
    }).toThrow(TypeError);
  });

  it('reads the reserved facts from reservedFrom when given, never from the facts', () => {
    const reserved: Record<string, unknown> = { $premises: 'hotel', $inspectedAt: '2026-11-28T10:00:00+08:00' };
    const scoped = compileCondition(
      {
        all: [
          { fact: '$premises', operator: 'equal', value: 'hotel' },
          { fact: 'd', operator: 'withinDays', value: 1 },
        ],
      },
      { reservedFrom: reserved },
    );
    expect(scoped({ d: '2026-11-28' })).toBe(true);
    expect(scoped({ d: '2026-11-28', $premises: 'shop' })).toBe(true); // a finding cannot override the envelope
    reserved['$premises'] = 'shop';
    expect(scoped({ d: '2026-11-28' })).toBe(false);
    reserved['$premises'] = 'hotel';
    reserved['$inspectedAt'] = undefined;
    expect(scoped({ d: '2026-11-28', $inspectedAt: '2026-11-28T10:00:00+08:00' })).toBe(false);
  });

  it('with an epoch, a named condition runs once per epoch', () => {
    const clock = { epoch: 0 };
    let reads = 0;
    const facts = Object.defineProperty({ b: 1 }, 'a', { enumerable: true, get: () => ((reads += 1), 'x') });
    const conditions = { isX: { fact: 'a', operator: 'equal', value: 'x' } };
    const compile = createConditionCompiler({ conditions, epoch: clock });
    const one = compile({ all: [{ condition: 'isX' }, { fact: 'b', operator: 'equal', value: 1 }] });
    const two = compile({ any: [{ condition: 'isX' }] });
    expect(one(facts) && two(facts) && one(facts)).toBe(true);
    expect(reads).toBe(1);
    clock.epoch += 1;
    expect(two(facts)).toBe(true);
    expect(reads).toBe(2);
    expect(two.explain(facts).observations).toHaveLength(1); // explanations are computed afresh
    expect(reads).toBe(3);
    const plain = compileCondition({ condition: 'isX' }, { conditions });
    plain(facts);
    plain(facts);
    expect(reads).toBe(5); // without an epoch nothing is remembered
  });

  it('inherited properties are not facts', () => {
    const c = compileCondition({
      any: [
        { fact: 'constructor', operator: 'notEqual', value: undefined },
        { fact: '__proto__', operator: 'notEqual', value: undefined },
        { fact: 'toString', operator: 'notEqual', value: undefined },
      ],
    });
    expect(c({})).toBe(false);
    expect(c({ toString: 'x' })).toBe(true);
    expect(c(JSON.parse('{"__proto__": 1}') as Record<string, unknown>)).toBe(true);
  });

  it('never throws, whatever the facts object', () => {
    const hostile: unknown[] = [null, undefined, 5, 'x', [], Object.create(null), { gas: Object.create(null), cyl: Symbol('s') }];
    for (const facts of hostile) {
      expect(typeof c(facts as never)).toBe('boolean');
      expect(typeof c.explain(facts as never).result).toBe('boolean');
    }
  });
});

describe('compile-time errors carry a code and a pointer', () => {
  const cases: [string, unknown, Record<string, Condition> | undefined, string, string, string?][] = [
    ['unknown operator', { all: [{ fact: 'a', operator: 'matches', value: 'x' }] }, undefined, 'UNKNOWN_OPERATOR', '/all/0/operator'],
    ['prototype key as operator', { fact: 'a', operator: 'constructor', value: 1 }, undefined, 'UNKNOWN_OPERATOR', '/operator'],
    ['unknown named condition', { any: [{ condition: 'nope' }] }, {}, 'UNKNOWN_CONDITION', '/any/0/condition'],
    ['error inside a named condition', { condition: 'n' }, { n: { all: [{ fact: 'a', operator: 'bogus', value: 1 }] } }, 'UNKNOWN_OPERATOR', '/all/0/operator', 'n'],
    ['missing value', { fact: 'a', operator: 'equal' }, undefined, 'INVALID_CONDITION', ''],
    ['all not an array', { all: { fact: 'a' } }, undefined, 'INVALID_CONDITION', '/all'],
    ['ambiguous node', { all: [], any: [] }, undefined, 'INVALID_CONDITION', ''],
    ['not an object', { not: [1] }, undefined, 'INVALID_CONDITION', '/not'],
    ['in with a number', { fact: 'a', operator: 'in', value: 3 }, undefined, 'INVALID_CONDITION', '/value'],
    ['between not a range', { fact: 'a', operator: 'between', value: [5, 2] }, undefined, 'INVALID_CONDITION', '/value'],
    ['before a bad date', { fact: 'a', operator: 'before', value: '28/11/2026' }, undefined, 'INVALID_CONDITION', '/value'],
    ['withinDays negative', { fact: 'a', operator: 'withinDays', value: -1 }, undefined, 'INVALID_CONDITION', '/value'],
    ['atLeast beyond of', { atLeast: 3, of: [{ fact: 'a', operator: 'equal', value: 1 }] }, undefined, 'INVALID_CONDITION', '/atLeast'],
    ['fact reference not a string', { fact: 'a', operator: 'equal', value: { fact: 7 } }, undefined, 'INVALID_CONDITION', '/value/fact'],
    ['cycle', { condition: 'a' }, { a: { not: { condition: 'a' } } }, 'CONDITION_CYCLE', '/condition'],
  ];
  for (const [name, condition, conditions, code, pointer, inName] of cases) {
    it(name, () => {
      let error: unknown;
      try {
        compileCondition(condition as Condition, conditions ? { conditions } : {});
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConditionCompileError);
      expect(isConditionCompileError(error)).toBe(true);
      expect(error).toMatchObject({ code, pointer, condition: inName });
      const e = error as ConditionCompileError;
      expect(e.localized['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message).toContain(e.localized.en);
    });
  }

  it('unknown facts are rejected when the fact catalogue is given', () => {
    const knownFacts = new Set(['a']);
    expect(() => compileCondition({ fact: 'a', operator: 'withinDays', value: 1 }, { knownFacts })).not.toThrow();
    expect(() => compileCondition({ fact: 'b', operator: 'equal', value: 1 }, { knownFacts })).toThrow(expect.objectContaining({ code: 'UNKNOWN_FACT', pointer: '/fact' }));
    expect(() => compileCondition({ fact: 'a', operator: 'equal', value: { fact: 'c' } }, { knownFacts })).toThrow(expect.objectContaining({ code: 'UNKNOWN_FACT', pointer: '/value/fact' }));
  });
});
