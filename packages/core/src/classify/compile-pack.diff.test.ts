/**
 * Differential test at pack level: which hazard rules fire, compilePack against
 * json-rules-engine 7.3.1 running the same pack (one rule per hazard rule:
 * all[premises scope, item `when`, rule `when`]), on random findings drawn from the pack's
 * own fact catalogue (wrong types and missing answers included).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import type { Condition, Fact, Pack } from '../pack/types.js';
import { compilePack } from './compile-pack.js';
import type { FindingValue, Inspection } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

const JRE_OPERATORS = new Set(['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain']);

/** True when every operator in the pack is one json-rules-engine has (no anjian extensions). */
function usesOnlyJreOperators(pack: Pack): boolean {
  const conditions: unknown[] = [...Object.values(pack.conditions), ...pack.sections.flatMap((s) => s.items.flatMap((i) => [i.when, ...i.hazards.map((h) => h.when)]))];
  const stack = [...conditions];
  while (stack.length > 0) {
    const c = stack.pop() as Record<string, unknown> | undefined;
    if (!c || typeof c !== 'object') continue;
    if ('atLeast' in c) return false;
    if (typeof c['operator'] === 'string' && !JRE_OPERATORS.has(c['operator'])) return false;
    for (const key of ['all', 'any', 'of']) if (Array.isArray(c[key])) stack.push(...(c[key] as unknown[]));
    if ('not' in c) stack.push(c['not']);
  }
  return true;
}

function engineFor(pack: Pack): Engine {
  const asRoot = (c: Condition) => ('all' in c || 'any' in c || 'not' in c || 'condition' in c ? c : { all: [c] });
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: () => undefined });
  for (const [name, c] of Object.entries(pack.conditions)) engine.setCondition(name, asRoot(c) as never);
  for (const section of pack.sections) {
    for (const item of section.items) {
      for (const rule of item.hazards) {
        const parts: unknown[] = [];
        if (item.premises) parts.push({ fact: '$premises', operator: 'in', value: item.premises });
        if (item.when) parts.push(item.when);
        parts.push(rule.when);
        engine.addRule({ conditions: { all: parts } as never, event: { type: rule.id } });
      }
    }
  }
  return engine;
}

/** A plausible (sometimes wrong) answer for a fact. */
function answer(fact: Fact): fc.Arbitrary<FindingValue | undefined> {
  const options = (fact.options ?? []).map((o) => o.value);
  const right: fc.Arbitrary<FindingValue> = (() => {
    switch (fact.type) {
      case 'boolean':
        return fc.boolean();
      case 'number':
        return fc.oneof(fc.integer({ min: Math.ceil(fact.min ?? -5), max: Math.floor(fact.max ?? 100) }), fc.double({ min: fact.min ?? -5, max: fact.max ?? 100, noNaN: true }));
      case 'count':
        return fc.integer({ min: 0, max: fact.max ?? 20 });
      case 'enum':
        return options.length > 0 ? fc.constantFrom(...options) : fc.string();
      case 'multi':
        return options.length > 0 ? fc.subarray(options) : fc.constant([]);
      case 'date':
        return fc.constantFrom('2024-01-01', '2025-11-28', '2026-11-27');
      case 'datetime':
        return fc.constantFrom('2026-11-28T08:00:00+08:00', '2026-11-27T23:00:00Z');
      default:
        return fc.oneof(fc.string({ maxLength: 5 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));
    }
  })();
  const wrong: fc.Arbitrary<FindingValue> = fc.constantFrom('1', 'yes', true, 0, 3.5, [], ['x'], '');
  return fc.oneof({ weight: 14, arbitrary: right }, { weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrong });
}

function inspectionArb(pack: Pack): fc.Arbitrary<Inspection> {
  const findings = fc
    .record(Object.fromEntries(pack.facts.map((f) => [f.id, answer(f)])))
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Record<string, FindingValue>);
  const premises = fc.option(fc.constantFrom(...pack.premises.map((p) => p.id), 'unknown_kind'), { nil: undefined, freq: 8 });
  return fc
    .record({ findings, premises })
    .map(({ findings: f, premises: p }) => ({ pack: pack.id, findings: f, ...(p !== undefined ? { premises: p } : {}), inspectedAt: '2026-11-28T10:00:00+08:00' }));
}

describe('compilePack ≡ json-rules-engine on whole packs', () => {
  for (const dir of ['examples/packs/demo-kitchen', 'checklists/gas']) {
    it(`${dir}: the same rules fire on 600 random inspections`, async () => {
      const loaded = await loadPackFromPath(join(root, dir));
      if (!loaded.ok) throw new Error(`${dir} does not load: ${loaded.issues.map((i) => i.message.en).join('; ')}`);
      const pack = loaded.pack;
      expect(usesOnlyJreOperators(pack)).toBe(true);
      const evaluator = compilePack(pack);
      const engine = engineFor(pack);
      let fired = 0;
      await fc.assert(
        fc.asyncProperty(inspectionArb(pack), async (inspection) => {
          const ours = evaluator
            .evaluate(inspection)
            .hazards.filter((h) => h.kind === 'rule')
            .map((h) => h.rule)
            .sort();
          const facts = { ...inspection.findings, $premises: inspection.premises, $inspectedAt: inspection.inspectedAt };
          const theirs = (await engine.run(facts)).events.map((e) => e.type).sort();
          fired += theirs.length;
          expect(ours).toEqual(theirs);
        }),
        { seed: 11, numRuns: 600 },
      );
      expect(fired).toBeGreaterThan(300);
    });
  }
});
