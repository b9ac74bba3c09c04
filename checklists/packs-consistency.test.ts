// Cross-pack consistency (issue 13): the same situation judged by two packs gets the same level,
// or the pack says why it differs. The situations are listed in checklists/consistency.yaml; each
// side names an existing scenario of its pack and the rule that must fire there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack, type Pack } from '@anjian/core';
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
interface Scenario {
  name: string;
  premises?: string;
  inspectedAt?: string;
  findings: Record<string, never>;
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

/** The level the side's rule gets on its scenario, or an explanation of why it did not fire. */
function levelOf(side: Side): string {
  const pack = packs.get(side.pack);
  if (!pack) return `no pack ${side.pack}`;
  const file = parse(readFileSync(join(here, side.pack, side.scenario), 'utf8')) as { premises?: string; inspectedAt?: string; scenarios: Scenario[] };
  const scenario = file.scenarios.find((s) => s.name === side.name);
  if (!scenario) return `no scenario "${side.name}" in ${side.pack}/${side.scenario}`;
  const result = compiled.get(pack.id)!.evaluate({
    pack: pack.id,
    premises: scenario.premises ?? file.premises,
    inspectedAt: scenario.inspectedAt ?? file.inspectedAt,
    findings: scenario.findings,
  });
  const hazard = result.hazards.find((h) => h.rule === side.rule);
  return hazard ? hazard.level : `${side.rule} does not fire on "${side.name}"`;
}

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
