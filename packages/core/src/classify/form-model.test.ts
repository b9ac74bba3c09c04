import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findPackDirs } from '../node/find-pack-dirs.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import type { Pack } from '../pack/types.js';
import { scenarioInspection } from '../scenarios/run-scenarios.js';
import type { ScenarioFile } from '../scenarios/types.js';
import { checkFindings } from './check-findings.js';
import { loadPack } from '../pack/load-pack.js';
import { formModel, issueForUsers } from './form-model.js';
import type { FindingValue } from './types.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const packs: Pack[] = [];
for (const dir of await findPackDirs([join(repo, 'checklists'), join(repo, 'examples/packs/demo-kitchen')])) {
  const result = await loadPackFromPath(dir);
  if (!result.ok) throw new Error(`${dir} does not load`);
  packs.push(result.pack);
}

interface Scenario {
  name: string;
  premises?: string;
  inspectedAt?: string;
  findings: Record<string, FindingValue>;
}
function scenariosOf(pack: Pack): Scenario[] {
  const dir = join(repo, pack.id === 'demo-kitchen' ? 'examples/packs/demo-kitchen' : `checklists/${pack.id}`, 'tests');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  } catch {
    return [];
  }
  // a file's `base:` answers, overridden by each scenario's own (as anjian test reads them)
  return files.flatMap((f) => {
    const file = parse(readFileSync(join(dir, f), 'utf8')) as ScenarioFile;
    return (file.scenarios ?? []).map((s) => ({ ...(scenarioInspection(pack.id, file, s) as Omit<Scenario, 'name'>), name: s.name }));
  });
}

it('covers the real packs', () => {
  expect(packs.map((p) => p.id).sort()).toEqual(expect.arrayContaining(['chemicals', 'confined-space', 'demo-kitchen', 'fire', 'gas', 'hazardous-work']));
});

describe.each(packs.map((p) => [p.id, p] as const))('pack %s', (_, pack) => {
  it.each(pack.premises.map((p) => [p.id]))('premises %s: questions are asked, with labels in both languages', (premises) => {
    const model = formModel(pack, { premises });
    expect(model.premises.find((p) => p.selected)?.id).toBe(premises);
    expect(model.counts.asked).toBeGreaterThan(0);
    expect(model.counts.required).toBeGreaterThan(0);
    for (const q of model.questions) {
      expect(q.label['zh-CN']).not.toBe('');
      expect(q.label.en).not.toBe('');
      if (q.required) expect(q.asked).toBe(true);
      if (q.range) expect(q.range['zh-CN']).not.toMatch(/∞|\[/);
    }
  });

  // One definition: what the model asks and requires is exactly what the server's check
  // accepts and requires, for every scenario of the pack.
  const scenarios = scenariosOf(pack);
  it.runIf(scenarios.length > 0)(`agrees with checkFindings on all ${scenarios.length} scenarios`, () => {
    for (const s of scenarios) {
      const model = formModel(pack, { premises: s.premises, inspectedAt: s.inspectedAt, answers: s.findings });
      const issues = checkFindings(pack, { pack: pack.id, premises: s.premises, inspectedAt: s.inspectedAt, findings: s.findings });
      const missing = new Set(issues.filter((i) => i.code === 'REQUIRED_MISSING').map((i) => (i.pointer ?? '').slice('/findings/'.length)));
      const notApplicable = new Set(issues.filter((i) => i.code === 'NOT_APPLICABLE_ANSWER').map((i) => (i.pointer ?? '').slice('/findings/'.length)));
      for (const q of model.questions) {
        expect(missing.has(q.id), `${s.name}: ${q.id} required-missing`).toBe(q.required && q.answer === undefined);
        expect(notApplicable.has(q.id), `${s.name}: ${q.id} not applicable`).toBe(!q.asked && q.answer !== undefined);
      }
      expect(model.counts.requiredMissing).toBe(missing.size);
    }
  });

  // What the premises kind decides alone (no askedWhen left) no answer changes.
  it.runIf(scenarios.length > 0)('a question decided by the premises kind alone is asked or not whatever the answers', () => {
    for (const s of scenarios) {
      const blank = formModel(pack, { premises: s.premises, inspectedAt: s.inspectedAt });
      const answered = formModel(pack, { premises: s.premises, inspectedAt: s.inspectedAt, answers: s.findings });
      const notAsked = new Set(answered.questions.filter((q) => !q.asked).map((q) => q.id));
      blank.questions.forEach((q, i) => {
        if (q.askedWhen !== undefined) return;
        // an answer to a question not asked (a NOT_APPLICABLE_ANSWER warning) may open its follow-ups
        if (Object.keys(s.findings).some((id) => notAsked.has(id) && s.findings[id] !== null)) return;
        expect(answered.questions[i]!.asked, `${s.name}: ${q.id}`).toBe(q.asked);
      });
    }
  });
});

it('premises decide the questions: gas at a restaurant asks the user questions, not the factory ones', () => {
  const gas = packs.find((p) => p.id === 'gas')!;
  const restaurant = formModel(gas, { premises: 'restaurant' });
  const factory = formModel(gas, { premises: 'factory' });
  const none = formModel(gas, {});
  expect(restaurant.counts.asked).toBeGreaterThan(10);
  expect(restaurant.premisesMatters).toBe(true);
  expect(none.counts.asked).toBeLessThan(restaurant.counts.asked);
  const askedAt = (m: typeof restaurant) => new Set(m.questions.filter((q) => q.asked).map((q) => q.id));
  expect(askedAt(restaurant)).not.toEqual(askedAt(factory));
});

it('answers open follow-up questions and an unknown premises kind counts as none', () => {
  const kitchen = packs.find((p) => p.id === 'demo-kitchen')!;
  const withWhen = kitchen.facts.filter((f) => f.when);
  expect(withWhen.length).toBeGreaterThan(0);
  const unknown = formModel(kitchen, { premises: 'no-such-kind' });
  expect(unknown.premises.some((p) => p.selected)).toBe(false);
});

it('range words carry no infinity and issues for users carry no fact ids', () => {
  const kitchen = packs.find((p) => p.id === 'demo-kitchen')!;
  const hose = formModel(kitchen, { premises: 'restaurant' }).questions.find((q) => q.id === 'hose_length_m')!;
  expect(hose.range).toBeDefined();
  expect(`${hose.range!['zh-CN']} ${hose.range!.en}`).not.toMatch(/∞|\[|hose_length_m/);
  const issues = checkFindings(kitchen, { pack: kitchen.id, premises: 'restaurant', findings: { hose_length_m: 99 } });
  const hoseIssue = issues.find((i) => i.pointer === '/findings/hose_length_m')!;
  expect(hoseIssue.message['zh-CN']).toContain('hose_length_m');
  const words = issueForUsers(kitchen, hoseIssue);
  expect(words['zh-CN']).not.toContain('hose_length_m');
  expect(words.en).not.toContain('hose_length_m');
  expect(words['zh-CN']).toContain('99');
  for (const issue of issues.filter((i) => (i.pointer ?? '').startsWith('/findings/'))) {
    const w = issueForUsers(kitchen, issue);
    expect(`${w['zh-CN']} ${w.en}`).not.toMatch(/（[a-z_]+）|\([a-z_]+\)/);
  }
});

// A pack whose questions depend on the premises kind through named conditions, as
// dust-explosion's do (has_metal: the premises kind, or a ticked "also handled" box).
const KINDS_PACK = `format: anjian/pack@1
id: kinds
version: 0.1.0
domain: general
title: { zh-CN: 种类, en: Kinds }
description: { zh-CN: 测试, en: Test }
issuer: { zh-CN: 测试, en: Test }
premises:
  - { id: metal, label: { zh-CN: 金属, en: Metal } }
  - { id: wood, label: { zh-CN: 木材, en: Wood } }
regulations:
  - { id: law, title: { zh-CN: 法, en: Law }, number: "1", edition: "2021", status: current, confidence: verified }
facts:
  - id: also
    type: multi
    label: { zh-CN: 还涉及, en: Also }
    options:
      - { value: metal, label: { zh-CN: 金属, en: Metal } }
      - { value: wood, label: { zh-CN: 木材, en: Wood } }
  - { id: system, type: boolean, label: { zh-CN: 有系统, en: System }, required: true }
  - { id: metal_only, type: boolean, label: { zh-CN: 仅金属, en: Metal only }, required: true, when: { fact: $premises, operator: equal, value: metal } }
  - { id: metal_follow, type: boolean, label: { zh-CN: 金属追问, en: Metal follow-up }, required: true, when: { fact: metal_only, operator: equal, value: true } }
  - id: metal_any
    type: boolean
    label: { zh-CN: 涉金属, en: Any metal }
    required: true
    when: { all: [{ condition: has_system }, { condition: has_metal }] }
  - id: wood_any
    type: boolean
    label: { zh-CN: 涉木材, en: Any wood }
    required: true
    when: { all: [{ condition: has_system }, { condition: has_wood }] }
  - { id: wood_sole, type: boolean, label: { zh-CN: 木材专问, en: Wood sole }, required: true, when: { condition: has_wood } }
conditions:
  has_metal: { any: [{ fact: $premises, operator: equal, value: metal }, { fact: also, operator: contains, value: metal }] }
  has_wood: { any: [{ fact: $premises, operator: equal, value: wood }, { fact: also, operator: contains, value: wood }] }
  has_system: { fact: system, operator: equal, value: true }
sections:
  - id: s
    title: { zh-CN: 节, en: Section }
    items:
      - id: K-001
        title: { zh-CN: 项, en: Item }
        asks: [also, system, metal_only, metal_follow, metal_any, wood_any, wood_sole]
        hazards:
          - id: K-001-H1
            title: { zh-CN: 隐患, en: Hazard }
            level: general
            when: { fact: system, operator: equal, value: false }
            basis: [{ regulation: law, clause: 第一条 }]
`;

describe('a known premises kind resolves the conditions on it', () => {
  const loaded = loadPack({ files: { 'pack.yaml': KINDS_PACK } });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const pack = loaded.pack;
  const at = (premises: string | undefined) => new Map(formModel(pack, { premises }).questions.map((q) => [q.id, q]));

  it('drops what cannot apply, keeps only the answers still open, and asks outright what the kind alone decides', () => {
    const wood = at('wood');
    // $premises = metal: cannot hold for wood, nor can the follow-up of a question never asked
    expect(wood.get('metal_only')).toMatchObject({ asked: false });
    expect(wood.get('metal_only')!.askedWhen).toBeUndefined();
    expect(wood.get('metal_follow')!.askedWhen).toBeUndefined();
    // has_metal: the premises part is false, the "also" box is still open
    expect(wood.get('metal_any')!.askedWhen).toEqual({ all: [{ condition: 'has_system' }, { fact: 'also', operator: 'contains', value: 'metal' }] });
    // has_wood holds for wood: only has_system is left
    expect(wood.get('wood_any')!.askedWhen).toEqual({ condition: 'has_system' });
    // decided by the kind alone: asked, no condition left
    expect(wood.get('wood_sole')).toMatchObject({ asked: true });
    expect(wood.get('wood_sole')!.askedWhen).toBeUndefined();
    expect(wood.get('system')!.askedWhen).toBeUndefined();
    const metal = at('metal');
    expect(metal.get('metal_follow')!.askedWhen).toEqual({ fact: 'metal_only', operator: 'equal', value: true });
    expect(metal.get('wood_sole')!.askedWhen).toEqual({ fact: 'also', operator: 'contains', value: 'wood' });
  });

  it('without a premises kind every condition stays whole, and the kind matters through named conditions', () => {
    const none = at(undefined);
    expect(none.get('metal_only')!.askedWhen).toEqual({ fact: '$premises', operator: 'equal', value: 'metal' });
    expect(none.get('wood_sole')!.askedWhen).toEqual({ condition: 'has_wood' });
    expect(formModel(pack, {}).premisesMatters).toBe(true);
  });
});
