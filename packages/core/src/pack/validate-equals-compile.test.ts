// One validator: for generated packs — valid ones and mutations of every operator and
// value shape — `loadPack` accepts exactly when `compilePack` succeeds, and every issue of
// a rejected pack is located (file, line, column). The loader runs the compiler, so this
// holds by construction; the property keeps it that way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../classify/compile-pack.js';
import { OPERATORS } from '../rules/operators.js';
import { loadPack } from './load-pack.js';
import type { Pack } from './types.js';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** One fact of every type (with the ranges and options values are checked against). */
const FACTS = [
  { id: 'b', type: 'boolean' },
  { id: 'n', type: 'number', min: 0, max: 100, unit: 'm' },
  { id: 'c', type: 'count', max: 50 },
  {
    id: 'e',
    type: 'enum',
    options: [
      { value: 'a', label: text('甲', 'A') },
      { value: 'b', label: text('乙', 'B') },
    ],
  },
  {
    id: 'm',
    type: 'multi',
    options: [
      { value: 'x', label: text('叉', 'X') },
      { value: 'y', label: text('歪', 'Y') },
    ],
  },
  { id: 't', type: 'text' },
  { id: 'd', type: 'date' },
  { id: 'dt', type: 'datetime' },
  { id: 'ev', type: 'evidence' },
].map((f) => ({ ...f, required: false, label: text(`事实${f.id}`, `Fact ${f.id}`) }));

const FACT_IDS = FACTS.map((f) => f.id);
const TYPE_OF = new Map<string, string>([...FACTS.map((f) => [f.id, f.type] as const), ['$premises', 'enum'], ['$inspectedAt', 'datetime']]);

/** Values of every shape, well- and ill-formed, including the dates only one parser may judge. */
const VALUES: unknown[] = [
  true,
  false,
  null,
  0,
  3,
  42,
  -1,
  101,
  2.5,
  'a',
  'b',
  'x',
  'zz',
  'A',
  '',
  'restaurant',
  'office',
  '2026-11-28',
  '2026-02-30',
  '2026-13-01',
  '2026-11-28T08:00:00+08:00',
  '2026-11-28T08:00:00+0800',
  '2026-11-28T08:00:00Z',
  '2026-11-28T08:00',
  '28/11/2026',
  '3',
  [1, 5],
  [5, 1],
  [0, 100],
  [1, 200],
  [1, 2, 3],
  [],
  ['a'],
  ['a', 'b'],
  ['a', 'zz'],
  ['x', 'y'],
  [1, 'a'],
  [true],
  { fact: 'n' },
  { fact: 'c' },
  { fact: 'd' },
  { fact: 'dt' },
  { fact: 'e' },
  { fact: 'b' },
  { fact: 'nope' },
  { fact: '$inspectedAt' },
  { fact: 'n', path: '$.a' },
];

/** A value that fits the operator and the fact (so that many packs are valid). */
function fittingValue(operator: string, type: string): fc.Arbitrary<unknown> {
  const definition = OPERATORS[operator]!;
  switch (definition.value) {
    case 'range':
      return fc.constantFrom([1, 5], [0, 50]);
    case 'duration':
      return fc.constantFrom(0, 30, 365);
    case 'date':
      return fc.constantFrom('2026-11-28', '2026-11-28T08:00:00+08:00', { fact: 'd' }, { fact: '$inspectedAt' });
    case 'element':
      return fc.constantFrom('x', 'y');
    case 'list':
      return type === 'enum' ? fc.constantFrom(['a'], ['a', 'b']) : type === 'boolean' ? fc.constant([true]) : type === 'text' ? fc.constant(['hi']) : fc.constantFrom([1, 2], [3]);
    default:
      switch (type) {
        case 'boolean':
          return fc.boolean();
        case 'number':
        case 'count':
          return fc.constantFrom(0, 3, 42, { fact: 'n' }, { fact: 'c' });
        case 'enum':
          return fc.constantFrom('a', 'b');
        case 'date':
          return fc.constantFrom('2026-11-28', { fact: 'd' });
        case 'datetime':
          return fc.constantFrom('2026-11-28T08:00:00+08:00', '2026-11-28', { fact: 'dt' });
        default:
          return fc.constantFrom('hi', null);
      }
  }
}

/** A leaf whose fact, operator and value fit together. */
const fittingLeaf: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(...Object.keys(OPERATORS)).chain((operator) => {
  const facts = [...TYPE_OF].filter(([, type]) => (OPERATORS[operator]!.factTypes as readonly string[]).includes(type)).map(([id]) => id);
  return fc.constantFrom(...facts).chain((fact) => fittingValue(operator, TYPE_OF.get(fact)!).map((value) => ({ fact, operator, value })));
});

/** A leaf mutated anywhere: its fact, operator, value, path or params. */
const mutatedLeaf: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    fact: fc.constantFrom(...FACT_IDS, '$premises', '$inspectedAt', 'nope', '$other'),
    operator: fc.constantFrom(...Object.keys(OPERATORS), 'bogus', 'greaterThen'),
    value: fc.constantFrom(...VALUES),
    path: fc.constantFrom('$.a', '$.a[0]', '$..a', '$.__proto__'),
    params: fc.constantFrom({ reference: 'd' }, { reference: 'dt' }, { reference: 'n' }, { reference: 'nope' }, { bogus: 1 }, {}),
  },
  { requiredKeys: ['fact', 'operator', 'value'] },
);

const NAMES = ['c1', 'c2'];

/** A condition tree (depth ≤ 4) over `names`; `mutate` lets in broken leaves, empty lists, unknown names. */
const condition = (names: readonly string[], mutate: boolean): fc.Arbitrary<unknown> =>
  fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 4 },
      { weight: 6, arbitrary: mutate ? fc.oneof({ weight: 3, arbitrary: fittingLeaf }, { weight: 1, arbitrary: mutatedLeaf }) : fittingLeaf },
      { weight: 1, arbitrary: fc.array(tie('node'), { minLength: mutate ? 0 : 1, maxLength: 3 }).map((all) => ({ all })) },
      { weight: 1, arbitrary: fc.array(tie('node'), { minLength: mutate ? 0 : 1, maxLength: 3 }).map((any) => ({ any })) },
      { weight: 1, arbitrary: tie('node').map((not) => ({ not })) },
      { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).chain((of) => fc.integer({ min: 1, max: mutate ? 3 : of.length }).map((atLeast) => ({ atLeast, of }))) },
      ...(names.length > 0 || mutate ? [{ weight: 1, arbitrary: fc.constantFrom(...names, ...(mutate ? ['missing'] : [])).map((c) => ({ condition: c })) }] : []),
    ),
  })).node;

const rule = (id: string, names: readonly string[], mutate: boolean) =>
  fc
    .record({
      when: condition(names, mutate),
      level: fc.constantFrom('simple', 'general'),
      regulation: mutate ? fc.constantFrom('std', 'std', 'std', 'unknown_reg') : fc.constant('std'),
      // people decide the level (always provisional): a valid key the compiler reads too
      confirmed: fc.boolean(),
    })
    .map(({ when, level, regulation, confirmed }) => ({
      id,
      level,
      title: text('隐患', 'Hazard'),
      when,
      basis: [{ regulation, clause: '1' }],
      ...(confirmed ? { confirmation: 'collective' } : {}),
      party: 'user',
    }));

/** A whole pack; `mutate: false` ones are meant to be valid (most are), the others mostly not. */
const packOf = (mutate: boolean) =>
  fc.integer({ min: 0, max: 2 }).chain((namedCount) => {
    const names = NAMES.slice(0, namedCount);
    return fc
      .record({
        // c2 may use c1 (and, mutated, itself: a cycle)
        named: fc.tuple(condition([], mutate), condition(mutate ? ['c1', 'c2'] : ['c1'], mutate)),
        itemWhen: fc.option(condition(names, mutate), { freq: 4 }),
        premises: fc.option(mutate ? fc.constantFrom(['restaurant'], ['moon']) : fc.constant(['restaurant']), { freq: 4 }),
        rules: fc.tuple(rule('H1', names, mutate), rule('H2', names, mutate)),
        composite: fc.option(mutate ? fc.constantFrom(['H1', 'H2'], ['H1', 'NOPE']) : fc.constant(['H1', 'H2']), { freq: 3 }),
      })
      .map(({ named, itemWhen, premises, rules, composite }) => {
        const conditions: Record<string, unknown> = {};
        for (let i = 0; i < namedCount; i++) conditions[NAMES[i]!] = named[i];
        const item: Record<string, unknown> = { id: 'I-1', title: text('检查项', 'Item'), asks: ['b', 'n'], hazards: rules };
        if (itemWhen !== null) item.when = itemWhen;
        if (premises !== null) item.premises = premises;
        return {
          format: 'anjian/pack@1',
          id: 'generated',
          version: '1.0.0',
          domain: 'gas',
          title: text('生成的检查表', 'Generated pack'),
          issuer: text('测试', 'Test'),
          premises: [{ id: 'restaurant', label: text('餐饮场所', 'Restaurant') }],
          regulations: [{ id: 'std', title: text('标准', 'Standard'), number: 'GB 1-2020', edition: '2020', status: 'current', confidence: 'verified', determination: true }],
          facts: FACTS,
          conditions,
          sections: [{ id: 's1', title: text('分组', 'Section'), items: [item] }],
          composites:
            composite === null
              ? []
              : [{ id: 'C1', level: 'general', title: text('综合', 'Composite'), atLeast: 2, of: composite, basis: [{ regulation: 'std', clause: '2' }], confirmation: 'collective', party: 'user' }],
        };
      });
  });

const packArbitrary = fc.oneof(packOf(false), packOf(true));

describe('one validator: loadPack accepts ⇔ compilePack succeeds', () => {
  it('the before / 2026-02-30 pack and a date-time with +0800 fail validation with file:line:column', () => {
    for (const bad of ['2026-02-30', '2026-11-28T08:00:00+0800']) {
      const pack = {
        format: 'anjian/pack@1',
        id: 'p',
        version: '1.0.0',
        domain: 'gas',
        title: text('表', 'Pack'),
        issuer: text('单位', 'Issuer'),
        premises: [{ id: 'restaurant', label: text('餐饮场所', 'Restaurant') }],
        regulations: [{ id: 'std', title: text('标准', 'Standard'), number: 'GB 1-2020', edition: '2020', status: 'current', confidence: 'verified', determination: true }],
        facts: [{ id: 'checked_on', type: 'date', label: text('检验日期', 'Checked on') }],
        sections: [
          {
            id: 's',
            title: text('组', 'Section'),
            items: [
              {
                id: 'I',
                title: text('项', 'Item'),
                asks: ['checked_on'],
                hazards: [{ id: 'H', level: 'general', title: text('过期', 'Overdue'), when: { fact: 'checked_on', operator: 'before', value: bad }, basis: [{ regulation: 'std', clause: '1' }] }],
              },
            ],
          },
        ],
      };
      const yaml = JSON.stringify(pack, null, 1);
      const result = loadPack({ files: { 'pack.yaml': yaml } });
      expect(result.ok).toBe(false);
      const issue = result.issues.find((i) => i.code === 'VALUE_SHAPE');
      expect(issue, JSON.stringify(result.issues)).toMatchObject({ file: 'pack.yaml', pointer: '/sections/0/items/0/hazards/0/when/value' });
      const line = yaml.split('\n').findIndex((l) => l.includes(bad)) + 1;
      expect(issue!.line).toBe(line);
      expect(issue!.column).toBeGreaterThan(1);
    }
  });

  it('on 10 000 generated packs, valid and mutated (every operator and value shape), and every rejection is located', () => {
    const started = performance.now();
    let accepted = 0;
    let rejected = 0;
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(packArbitrary, (pack) => {
        const loaded = loadPack({ files: { 'pack.yaml': JSON.stringify(pack) } });
        let compiles = true;
        try {
          compilePack(pack as unknown as Pack);
        } catch {
          compiles = false;
        }
        if (loaded.ok !== compiles) return false;
        if (loaded.ok) accepted += 1;
        else {
          rejected += 1;
          for (const issue of loaded.issues) {
            if (issue.severity === 'error') codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
            if (typeof issue.file !== 'string' || !(issue.line! >= 1) || !(issue.column! >= 1)) return false;
          }
        }
        return true;
      }),
      { numRuns: 10_000, seed: 20261206 },
    );
    console.log(
      `validate ⇔ compile: ${accepted + rejected} packs in ${((performance.now() - started) / 1000).toFixed(1)} s, ${accepted} accepted, ${rejected} rejected; error codes: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`,
    );
    // both outcomes are common, so the property is not vacuous
    expect(accepted).toBeGreaterThan(2000);
    expect(rejected).toBeGreaterThan(2000);
  }, 300_000);
});
