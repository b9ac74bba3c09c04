// Cross-pack consistency (issue 13): the same situation judged by two packs gets the same level,
// or the pack says why it differs. The situations are listed in checklists/consistency.yaml; each
// side names an existing scenario of its pack and the rule that must fire there. The scenario's
// inspection is built as anjian test builds it (core's scenarioInspection: the file's `base:`
// answers, premises and time, overridden by the scenario's own).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePack, type Pack } from '@anjian/core';
import { scenarioInspection, type ScenarioFile } from '@anjian/core/internal';
import { findPackDirs, loadPackFromPath } from '@anjian/core/node';

const here = fileURLToPath(new URL('.', import.meta.url));

interface Side {
  pack: string;
  scenario: string;
  name: string;
  rule: string;
}
interface Case {
  id: string;
  title: string;
  sides: Side[];
  differs?: { declaredIn: { pack: string; item: string } };
}

const { cases } = parse(readFileSync(join(here, 'consistency.yaml'), 'utf8')) as { cases: Case[] };

const packs = new Map<string, Pack>();
const compiled = new Map<string, ReturnType<typeof compilePack>>();
beforeAll(async () => {
  for (const dir of await findPackDirs([here])) {
    const result = await loadPackFromPath(dir);
    if (!result.ok) throw new Error(`${dir} does not load`);
    packs.set(result.pack.id, result.pack);
    compiled.set(result.pack.id, compilePack(result.pack));
  }
});

/** The level the side's rule gets on its scenario, or an explanation of why it did not fire; scenario files are under `root/<pack>/`. */
function levelOf(side: Side, root = here): string {
  const pack = packs.get(side.pack);
  if (!pack) return `no pack ${side.pack}`;
  const file = parse(readFileSync(join(root, side.pack, side.scenario), 'utf8')) as ScenarioFile;
  const scenario = (file.scenarios ?? []).find((s) => s.name === side.name);
  if (!scenario) return `no scenario "${side.name}" in ${side.pack}/${side.scenario}`;
  const result = compiled.get(pack.id)!.evaluate(scenarioInspection(pack.id, file, scenario));
  const hazard = result.hazards.find((h) => h.rule === side.rule);
  return hazard ? hazard.level : `${side.rule} does not fire on "${side.name}"`;
}

describe('a side is judged on the inspection anjian test builds', () => {
  const root = mkdtempSync(join(tmpdir(), 'anjian-consistency-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("takes premises, time and answers from the file's base:, the scenario's own overriding them", async () => {
    const loaded = await loadPackFromPath(join(here, '..', 'examples', 'packs', 'demo-kitchen'));
    if (!loaded.ok) throw new Error('demo-kitchen does not load');
    packs.set('demo-kitchen', loaded.pack);
    compiled.set('demo-kitchen', compilePack(loaded.pack));
    mkdirSync(join(root, 'demo-kitchen', 'tests'), { recursive: true });
    writeFileSync(
      join(root, 'demo-kitchen', 'tests', 'base.yaml'),
      [
        'pack: demo-kitchen',
        'base:',
        '  premises: canteen',
        "  inspectedAt: '2026-11-20T10:00:00+08:00'",
        '  findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 3 }',
        'scenarios:',
        '  - name: the base hose',
        '    findings: {}',
        '  - name: a short hose',
        '    findings: { hose_length_m: 1 }',
      ].join('\n'),
    );
    const side = (name: string): Side => ({ pack: 'demo-kitchen', scenario: 'tests/base.yaml', name, rule: 'DEMO-003-H1' });
    expect(levelOf(side('the base hose'), root)).toBe('simple');
    expect(levelOf(side('a short hose'), root)).toBe('DEMO-003-H1 does not fire on "a short hose"');
  });
});

describe('cross-pack consistency (checklists/consistency.yaml)', () => {
  it('lists cases that each span two packs', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(new Set(c.sides.map((s) => s.pack)).size, c.id).toBeGreaterThanOrEqual(2);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const levels = c.sides.map((side) => levelOf(side));
    for (const [i, level] of levels.entries()) expect(['simple', 'general', 'major'], `${c.sides[i]!.pack}: ${level}`).toContain(level);
    if (!c.differs) {
      expect(new Set(levels).size, `${c.title}: ${c.sides.map((s, i) => `${s.pack} ${s.rule} ${levels[i]}`).join(' vs ')}`).toBe(1);
      return;
    }
    // A declared difference: the levels really differ, and the named item of the pack explains it,
    // in both languages, naming the other side's rule.
    expect(new Set(levels).size, `${c.id} is declared different but the levels agree`).toBeGreaterThan(1);
    const { pack: packId, item: itemId } = c.differs.declaredIn;
    const item = packs
      .get(packId)
      ?.sections.flatMap((s) => s.items)
      .find((i) => i.id === itemId);
    expect(item, `${packId}:${itemId}`).toBeDefined();
    const others = c.sides.filter((s) => s.pack !== packId).map((s) => s.rule);
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = item?.description?.[lang] ?? '';
      for (const rule of others) expect(text, `${packId}:${itemId} description (${lang}) must name ${rule}`).toContain(rule);
    }
  });
});
