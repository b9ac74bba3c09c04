import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Item, Pack } from '../pack/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { runScenarios } from '../scenarios/run-scenarios.js';
import type { ScenarioFile } from '../scenarios/types.js';
import { compilePack } from './compile-pack.js';
import { DEFAULT_DEADLINES } from './default-deadlines.js';
import { isPackCompileError } from './pack-compile-error.js';
import type { Inspection } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const exampleDir = join(root, 'examples/packs/demo-kitchen');
const readYaml = (file: string): unknown => parse(readFileSync(join(exampleDir, file), 'utf8'));

/** A pack through the real loader (deeply frozen). */
async function load(dir: string): Promise<Pack> {
  const result = await loadPackFromPath(join(root, dir));
  if (!result.ok) throw new Error(`${dir}: ${result.issues.map((i) => i.message.en).join('; ')}`);
  return result.pack;
}
const demo = await load('examples/packs/demo-kitchen');

const clone = <T>(x: T): T => structuredClone(x) as T;
const basement: Inspection = {
  pack: 'demo-kitchen',
  premises: 'restaurant',
  findings: { gas_type: 'lpg', below_ground: true, alarm_installed: false, hose_length_m: 3, cylinders_on_site: 4 },
};

describe('compilePack on demo-kitchen', () => {
  const pack = demo;
  const evaluator = compilePack(pack);

  it('passes every scenario of examples/packs/demo-kitchen/tests with full rule coverage', () => {
    const content = readYaml('tests/basic.yaml') as ScenarioFile;
    const run = runScenarios(pack, evaluator.evaluate, [{ file: 'tests/basic.yaml', content }]);
    expect(run.results.flatMap((r) => r.failures)).toEqual([]);
    expect(run.summary.failed).toBe(0);
    expect(run.summary.scenarios).toBe(content.scenarios.length);
    expect(run.summary.percent).toBe(100);
  });

  it('a scenario expecting a wrong level fails', () => {
    const content = clone(readYaml('tests/basic.yaml') as ScenarioFile);
    content.scenarios[1]!.expect.hazards![0]!.level = 'general';
    const run = runScenarios(pack, evaluator.evaluate, [{ file: 'tests/basic.yaml', content }]);
    expect(run.summary.failed).toBe(1);
  });

  it('explains a hazard in 中文 and English: the title, then label：value records', () => {
    const result = evaluator.evaluate(basement);
    const hose = result.hazards.find((h) => h.rule === 'DEMO-003-H1')!;
    expect(hose.explanation).toEqual({
      'zh-CN': '软管超长。连接软管长度：3 m，超过 2 m。',
      en: 'Hose too long. Length of the connecting hose: 3 m, above 2 m.',
    });
    const lpg = result.hazards.find((h) => h.rule === 'DEMO-001-H1')!;
    expect(lpg.explanation).toEqual({
      'zh-CN': '在地下或半地下使用液化石油气。使用的燃气种类：瓶装液化石油气；用气场所位于地下或半地下：是。',
      en: 'LPG used below ground. Gas used: Bottled LPG; Gas is used below ground or half below ground: yes.',
    });
    expect(lpg.observations).toEqual([
      { fact: 'gas_type', operator: 'equal', actual: 'lpg', expected: 'lpg' },
      { fact: 'below_ground', operator: 'equal', actual: true, expected: true },
    ]);
  });

  it('resolves basis, provisional, party, rectification and deadline', () => {
    const result = evaluator.evaluate(basement);
    const byRule = new Map(result.hazards.map((h) => [h.rule, h]));
    const major = byRule.get('DEMO-001-H1')!;
    expect(major).toMatchObject({ kind: 'rule', item: 'DEMO-001', level: 'major', provisional: false, party: 'user', deadline: DEFAULT_DEADLINES.major });
    expect(major.basis).toEqual([
      { regulation: 'jcg-2023-4', clause: '第九条', number: '建城规〔2023〕4号', edition: '2023', title: pack.regulations[0]!.title, status: 'current', confidence: 'verified' },
    ]);
    expect(major.rectification?.en).toMatch(/Stop at once/);
    // gb-50028 is cited with confidence 'unverified': the general levels are provisional
    expect(byRule.get('DEMO-002-H1')).toMatchObject({ provisional: true, deadline: { workingDays: 7 } });
    expect(byRule.get('DEMO-003-H1')).toMatchObject({ level: 'simple', deadline: 'immediate' });
    expect(result.summary).toEqual({
      items: { pass: 0, hazard: 4, not_applicable: 0, not_checked: 0 },
      hazards: { simple: 1, general: 3, major: 1 },
      provisional: 4,
      highest: 'major',
    });
    expect(result.hazards.map((h) => h.level)).toEqual(['major', 'general', 'general', 'general', 'simple']);
  });

  it('evaluates composites after the items, with their elements', () => {
    const result = evaluator.evaluate(basement);
    const composite = result.hazards.find((h) => h.rule === 'DEMO-C1')!;
    expect(composite).toMatchObject({ kind: 'composite', level: 'general', provisional: true, deadline: { workingDays: 10 }, elements: ['DEMO-002-H1', 'DEMO-003-H1', 'DEMO-004-H1'] });
    expect(composite.item).toBeUndefined();
    expect(composite.explanation['zh-CN']).toBe('多项燃气安全缺陷并存。3 项中有 3 项成立（至少 2 项）：未安装可燃气体报警器；软管超长；现场存放钢瓶过多。');
    expect(composite.explanation.en).toBe(
      'Several gas-safety defects at once. 3 of 3 elements present (at least 2 required): No combustible-gas alarm; Hose too long; Too many cylinders kept on site.',
    );
    const one = evaluator.evaluate({ ...basement, findings: { ...basement.findings, alarm_installed: true, alarm_working: true, hose_length_m: 1 } });
    expect(one.hazards.map((h) => h.rule)).not.toContain('DEMO-C1');
  });

  it('not_checked when a required applicable answer is missing; a fact that does not apply is not required', () => {
    const missing = evaluator.evaluate({ pack: 'demo-kitchen', premises: 'restaurant', findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, hose_length_m: null } });
    const byItem = new Map(missing.items.map((i) => [i.item, i]));
    expect(byItem.get('DEMO-003')).toEqual({ item: 'DEMO-003', section: 'alarm', outcome: 'not_checked', hazards: [], missing: ['hose_length_m'] });
    expect(byItem.get('DEMO-002')).toMatchObject({ outcome: 'not_checked', missing: ['alarm_working'] });
    expect(byItem.get('DEMO-004')?.outcome).toBe('not_applicable');
    const noAlarm = evaluator.evaluate({ pack: 'demo-kitchen', findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: false, hose_length_m: 1 } });
    expect(noAlarm.items.find((i) => i.item === 'DEMO-002')).toEqual({ item: 'DEMO-002', section: 'alarm', outcome: 'hazard', level: 'general', hazards: ['DEMO-002-H1'] });
  });

  it('a hazard seen is reported even when another required answer of the item is missing', () => {
    const result = evaluator.evaluate({ pack: 'demo-kitchen', findings: { gas_type: 'lpg', below_ground: true } });
    expect(result.items.find((i) => i.item === 'DEMO-001')).toMatchObject({ outcome: 'hazard', level: 'major' });
    const partial = evaluator.evaluate({ pack: 'demo-kitchen', findings: { gas_type: 'lpg' } });
    expect(partial.items.find((i) => i.item === 'DEMO-001')).toMatchObject({ outcome: 'not_checked', missing: ['below_ground'] });
  });

  it('every scenario of the checklist packs passes (gas, fire)', async () => {
    for (const dir of ['checklists/gas', 'checklists/fire']) {
      const checklist = await load(dir);
      const tests = join(root, dir, 'tests');
      const sources = readdirSync(tests)
        .filter((f) => f.endsWith('.yaml'))
        .map((file) => ({ file, content: parse(readFileSync(join(tests, file), 'utf8')) as ScenarioFile }));
      const run = runScenarios(checklist, compilePack(checklist).evaluate, sources);
      expect(run.results.flatMap((r) => r.failures.map((f) => `${dir} ${r.file} ${r.name}: ${f.message.en}`))).toEqual([]);
      expect(run.summary.scenarios).toBeGreaterThan(20);
    }
  });

  it('is frozen, and evaluation does not change the pack', () => {
    expect(Object.isFrozen(evaluator)).toBe(true);
    expect(Object.isFrozen(evaluator.pack)).toBe(true);
    expect(() => Object.assign(evaluator, { evaluate: null })).toThrow(TypeError);
  });

  it('evaluate never throws, whatever the findings (property)', () => {
    const value = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom('lpg', 'natural_gas', true, false, 3, 2, -1, 1e9, Number.NaN, null, '2026-01-01'));
    const findings = fc.dictionary(fc.constantFrom('gas_type', 'below_ground', 'alarm_installed', 'alarm_working', 'hose_length_m', 'cylinders_on_site', 'typo', '__proto__', 'constructor'), value);
    const envelope = fc.record(
      { premises: fc.oneof(fc.constantFrom('restaurant', 'canteen', 'office'), fc.anything()), inspectedAt: fc.oneof(fc.constant('2026-11-28T10:00:00+08:00'), fc.anything()) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(findings, envelope, fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)), (f, env, junk) => {
        const inspection = { pack: 'demo-kitchen', ...env, findings: junk ? (f as unknown as never) : f } as Inspection;
        const result = evaluator.evaluate(inspection);
        expect(result.items).toHaveLength(4);
        for (const h of result.hazards) expect(typeof h.explanation.en).toBe('string');
        expect(Array.isArray(evaluator.check(inspection))).toBe(true);
      }),
      { seed: 3, numRuns: 2000 },
    );
    for (const junk of [null, undefined, 5, 'x', [], { findings: null }, { findings: [1, 2] }, { findings: 'x' }]) {
      expect(() => evaluator.evaluate(junk as never)).not.toThrow();
      expect(() => evaluator.check(junk as never)).not.toThrow();
    }
  });
});

describe('compilePack on a hand-built pack', () => {
  const rule = (id: string, level: 'simple' | 'general' | 'major', threshold: number, extra: object = {}) => ({
    id,
    level,
    title: { 'zh-CN': `规则 ${id}`, en: `Rule ${id}` },
    when: { fact: 'n', operator: 'greaterThan', value: threshold },
    basis: [{ regulation: 'r1', clause: '1' }],
    ...extra,
  });
  const item = (over: Partial<Item>): Item => ({ id: 'I1', title: { 'zh-CN': '项', en: 'Item' }, asks: ['n'], hazards: [], ...over });
  const base = (items: Item[], over: Partial<Pack> = {}): Pack => ({
    format: 'anjian/pack@1',
    id: 'p',
    version: '1.0.0',
    domain: 'fire',
    title: { 'zh-CN': '测试', en: 'Test' },
    issuer: { 'zh-CN': '测试', en: 'Test' },
    premises: [
      { id: 'hotel', label: { 'zh-CN': '宾馆', en: 'Hotel' } },
      { id: 'shop', label: { 'zh-CN': '商店', en: 'Shop' } },
    ],
    regulations: [
      { id: 'r1', title: { 'zh-CN': '规范一', en: 'Code one' }, number: 'GB 1', edition: '2020', status: 'current', confidence: 'secondary' },
      { id: 'old', title: { 'zh-CN': '旧规范', en: 'Old code' }, number: 'GB 0', edition: '2010', status: 'superseded', confidence: 'verified' },
    ],
    facts: [
      { id: 'n', type: 'number', unit: 'm', label: { 'zh-CN': '距离', en: 'Distance' }, required: true, min: 0, max: 100 },
      {
        id: 'kind',
        type: 'enum',
        label: { 'zh-CN': '类型', en: 'Kind' },
        options: [
          { value: 'a', label: { 'zh-CN': '甲类', en: 'Class A' } },
          { value: 'b', label: { 'zh-CN': '乙类', en: 'Class B' } },
        ],
      },
      { id: 'note', type: 'text', maxLength: 5, label: { 'zh-CN': '备注', en: 'Note' } },
      { id: 'checked_on', type: 'date', label: { 'zh-CN': '检验日期', en: 'Date of the last test' } },
      { id: 'tags', type: 'multi', label: { 'zh-CN': '标签', en: 'Tags' }, options: [{ value: 'x', label: { 'zh-CN': '叉', en: 'Ex' } }] },
      { id: 'ok', type: 'boolean', label: { 'zh-CN': '合格', en: 'OK' }, required: true, when: { fact: 'kind', operator: 'equal', value: 'a' } },
    ],
    conditions: {},
    sections: [{ id: 'S', title: { 'zh-CN': '节', en: 'Section' }, items }],
    composites: [],
    ...over,
  });

  it('the most severe fired rule wins; the others stay in hazards, most severe first', () => {
    const pack = base([item({ hazards: [rule('H-S', 'simple', 1), rule('H-M', 'major', 10), rule('H-G', 'general', 5)] as Item['hazards'] })]);
    const result = compilePack(pack).evaluate({ pack: 'p', findings: { n: 20 } });
    expect(result.items[0]).toMatchObject({ outcome: 'hazard', level: 'major', hazards: ['H-M', 'H-G', 'H-S'] });
    expect(result.hazards.map((h) => h.rule)).toEqual(['H-M', 'H-G', 'H-S']);
    const lower = compilePack(pack).evaluate({ pack: 'p', findings: { n: 7 } });
    expect(lower.items[0]).toMatchObject({ level: 'general', hazards: ['H-G', 'H-S'] });
    expect(compilePack(pack).evaluate({ pack: 'p', findings: { n: 0 } }).items[0]?.outcome).toBe('pass');
  });

  it('premises scope and item `when` make items not applicable', () => {
    const pack = base([
      item({ id: 'HOTEL', premises: ['hotel'], hazards: [rule('H1', 'general', 1)] as Item['hazards'] }),
      item({
        id: 'A_ONLY',
        asks: ['ok'],
        when: { fact: 'kind', operator: 'equal', value: 'a' },
        hazards: [{ ...rule('H2', 'general', 0), when: { fact: 'ok', operator: 'equal', value: false } }] as Item['hazards'],
      }),
    ]);
    const evaluator = compilePack(pack);
    const outcomes = (i: Inspection) => evaluator.evaluate(i).items.map((r) => r.outcome);
    expect(outcomes({ pack: 'p', premises: 'hotel', findings: { n: 5, kind: 'a', ok: false } })).toEqual(['hazard', 'hazard']);
    expect(outcomes({ pack: 'p', premises: 'shop', findings: { n: 5, kind: 'b' } })).toEqual(['not_applicable', 'not_applicable']);
    expect(outcomes({ pack: 'p', findings: { n: 5, kind: 'a' } })).toEqual(['not_applicable', 'not_checked']);
  });

  it('provisional when every citation is superseded or unverified; deadlines from the pack', () => {
    const pack = base(
      [
        item({
          hazards: [
            rule('SUP', 'general', 1, { basis: [{ regulation: 'old', clause: '2' }] }),
            rule('MIX', 'general', 1, {
              basis: [
                { regulation: 'old', clause: '2' },
                { regulation: 'r1', clause: '3' },
              ],
            }),
            rule('UNV', 'major', 1, { basis: [{ regulation: 'r1', clause: '4', confidence: 'unverified' }], party: 'operator' }),
          ] as Item['hazards'],
        }),
      ],
      { deadlines: { general: { days: 5 } } },
    );
    const hazards = new Map(
      compilePack(pack)
        .evaluate({ pack: 'p', findings: { n: 2 } })
        .hazards.map((h) => [h.rule, h]),
    );
    expect(hazards.get('SUP')).toMatchObject({ provisional: true, deadline: { days: 5 } });
    expect(hazards.get('MIX')).toMatchObject({ provisional: false });
    expect(hazards.get('UNV')).toMatchObject({ provisional: true, party: 'operator', deadline: { days: 30 } });
    expect(hazards.get('UNV')!.basis[0]).toMatchObject({ confidence: 'unverified', status: 'current', number: 'GB 1' });
  });

  it('composites count fired rules within their premises scope', () => {
    const composite = {
      id: 'C',
      level: 'major' as const,
      title: { 'zh-CN': '综合判定', en: 'Combined' },
      atLeast: 2,
      of: ['A', 'B', 'X'],
      premises: ['hotel'],
      basis: [{ regulation: 'r1', clause: '9' }],
    };
    const pack = base([item({ hazards: [rule('A', 'simple', 1), rule('B', 'general', 5), rule('X', 'general', 50)] as Item['hazards'] })], { composites: [composite] });
    const evaluator = compilePack(pack);
    const fired = (premises: string | undefined, n: number) => evaluator.evaluate({ pack: 'p', ...(premises ? { premises } : {}), findings: { n } }).hazards.map((h) => h.rule);
    expect(fired('hotel', 6)).toEqual(['C', 'B', 'A']);
    expect(fired('hotel', 2)).toEqual(['A']);
    expect(fired('shop', 6)).toEqual(['B', 'A']);
    expect(fired(undefined, 6)).toEqual(['B', 'A']);
  });

  it('explanations use option labels, units, negation and referenced facts', () => {
    const pack = base([
      item({
        asks: ['n', 'kind', 'tags'],
        hazards: [
          {
            ...rule('K', 'general', 0),
            title: { 'zh-CN': '类型不符', en: 'Wrong kind' },
            when: { all: [{ fact: 'kind', operator: 'in', value: ['a'] }, { not: { fact: 'n', operator: 'lessThan', value: 3 } }] },
          },
          { ...rule('T', 'simple', 0), title: { 'zh-CN': '缺标签', en: 'Tag missing' }, when: { fact: 'tags', operator: 'doesNotContain', value: 'x' } },
          { ...rule('R', 'simple', 0), title: { 'zh-CN': '范围', en: 'Range' }, when: { fact: 'n', operator: 'between', value: [2, 5] } },
        ] as Item['hazards'],
      }),
    ]);
    const hazards = new Map(
      compilePack(pack)
        .evaluate({ pack: 'p', findings: { n: 4, kind: 'a', tags: [] } })
        .hazards.map((h) => [h.rule, h.explanation]),
    );
    expect(hazards.get('K')).toEqual({ 'zh-CN': '类型不符。类型：甲类；距离：4 m，不低于 3 m。', en: 'Wrong kind. Kind: Class A; Distance: 4 m, not below 3 m.' });
    // issue 22 item 8: what was recorded, then what was missing
    expect(hazards.get('T')).toEqual({ 'zh-CN': '缺标签。标签：无，不包括叉。', en: 'Tag missing. Tags: none, without “Ex”.' });
    expect(hazards.get('R')).toEqual({ 'zh-CN': '范围。距离：4 m，在 2–5 m 范围内。', en: 'Range. Distance: 4 m, within 2–5 m.' });
  });

  it('a pack that cannot be evaluated throws PackCompileError with a pointer into the pack', () => {
    const cases: [Pack, string, string][] = [
      [
        base([
          item({
            hazards: [
              {
                ...rule('H', 'simple', 1),
                when: {
                  all: [
                    { fact: 'n', operator: 'equal', value: 1 },
                    { fact: 'n', operator: 'matches', value: 'x' },
                  ],
                },
              },
            ] as Item['hazards'],
          }),
        ]),
        'UNKNOWN_OPERATOR',
        '/sections/0/items/0/hazards/0/when/all/1/operator',
      ],
      [base([item({ when: { condition: 'c' } })], { conditions: { c: { fact: 'nope', operator: 'equal', value: 1 } } }), 'UNKNOWN_FACT', '/conditions/c/fact'],
      [base([item({ asks: ['n', 'zzz'] })]), 'UNKNOWN_FACT', '/sections/0/items/0/asks/1'],
      [
        base([item({ hazards: [rule('H', 'simple', 1, { basis: [{ regulation: 'r9', clause: '1' }] })] as Item['hazards'] })]),
        'UNKNOWN_REGULATION',
        '/sections/0/items/0/hazards/0/basis/0/regulation',
      ],
      [base([item({ premises: ['moon'] })]), 'UNKNOWN_PREMISES', '/sections/0/items/0/premises/0'],
      [base([item({})], { composites: [{ id: 'C', level: 'general', title: { 'zh-CN': 'c' }, atLeast: 1, of: ['NOPE'], basis: [] }] }), 'UNKNOWN_RULE', '/composites/0/of/0'],
    ];
    for (const [pack, code, pointer] of cases) {
      let error: unknown;
      try {
        compilePack(pack);
      } catch (e) {
        error = e;
      }
      expect(isPackCompileError(error), code).toBe(true);
      expect(error).toMatchObject({ code, pointer });
    }
  });
});
