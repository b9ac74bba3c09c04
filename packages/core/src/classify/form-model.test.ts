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
