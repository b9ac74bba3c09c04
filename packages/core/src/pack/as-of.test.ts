import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { classificationAsOf, inForceOn, inspectionDay } from './as-of.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const loaded = await loadPackFromPath(`${repo}checklists/fire`);
if (!loaded.ok) throw new Error('the fire pack does not load');
const fire = loaded.pack;
const evaluator = compilePack(fire);
const workshop = parse(readFileSync(`${repo}examples/inspections/fire-garment-workshop.yaml`, 'utf8')) as Inspection;
const dated = (day: string) => evaluator.evaluate({ ...workshop, inspectedAt: `${day}T10:00:00+08:00` });
const editionsCited = (day: string) =>
  new Set(dated(day).hazards.flatMap((h) => h.basis.filter((c) => c.number.startsWith('GB 35181')).map((c) => `${c.number} ${c.inForce ? 'in force' : 'not in force'}`)));

describe('as-of evaluation', () => {
  it('reads the inspection day as written and compares edition dates (effective inclusive, withdrawn exclusive)', () => {
    expect(inspectionDay('2025-10-15T23:30:00+08:00')).toBe('2025-10-15');
    expect(inspectionDay('yesterday')).toBeUndefined();
    expect(inForceOn({ effective: '2025-11-01' }, '2025-10-31')).toEqual({ inForce: false, reason: 'not_yet_effective' });
    expect(inForceOn({ effective: '2025-11-01' }, '2025-11-01')).toEqual({ inForce: true });
    expect(inForceOn({ withdrawn: '2025-11-01' }, '2025-10-31')).toEqual({ inForce: true });
    expect(inForceOn({ withdrawn: '2025-11-01' }, '2025-11-01')).toEqual({ inForce: false, reason: 'withdrawn' });
    expect(inForceOn({}, '1990-01-01')).toEqual({ inForce: true });
  });

  it('the same fire inspection dated 2025-10-15 and 2026-06-15 cites different editions of GB 35181', () => {
    expect([...editionsCited('2025-10-15')]).toEqual(['GB 35181-2017 in force']);
    expect([...editionsCited('2026-06-15')].sort()).toEqual(['GB 35181-2017 not in force', 'GB 35181-2025 in force']);
    const before = dated('2025-10-15');
    const after = dated('2026-06-15');
    expect(before.asOf).toBe('2025-10-15');
    expect(after.asOf).toBe('2026-06-15');
    const major = after.hazards.find((h) => h.rule === 'FIRE-D10-H1')!;
    expect(major.basis[0]).toMatchObject({ number: 'GB 35181-2025', inForce: true, confidence: 'unverified', clause: '—' });
    expect(major.basis[0]!.note?.en).toContain('not yet encoded');
    expect(major.basis[1]).toMatchObject({
      number: 'GB 35181-2017',
      status: 'superseded',
      inForce: false,
      withdrawn: '2025-11-01',
      replacedBy: { regulation: 'gb-35181-2025', number: 'GB 35181-2025', edition: '2025' },
    });
    expect(major.provisional).toBe(true);
    const old = before.hazards.find((h) => h.rule === 'FIRE-D10-H1')!;
    expect(old.basis.map((c) => [c.number, c.status, c.inForce])).toEqual([['GB 35181-2017', 'current', true]]);
  });

  it('drops hazards whose whole basis was not yet in force, and recounts', () => {
    // the four GB 35181-2025 factors are law from 2025-11-01: an earlier inspection cannot find them
    const newRules = new Set(
      fire.sections
        .flatMap((s) => s.items.flatMap((i) => i.hazards))
        .filter((r) => r.basis.length > 0 && r.basis.every((c) => c.regulation === 'gb-35181-2025'))
        .map((r) => r.id),
    );
    expect(newRules.size).toBeGreaterThan(0);
    const classification = evaluator.evaluate({ ...workshop, inspectedAt: '2026-06-15T10:00:00+08:00', findings: { ...workshop.findings, crowded_with_flammable_plant: true } });
    const fake = { ...classification, hazards: [...classification.hazards], inspectedAt: '2025-10-15T10:00:00+08:00' };
    const firedNew = fake.hazards.filter((h) => newRules.has(h.rule));
    expect(firedNew.map((h) => h.rule)).toEqual(['FIRE-N01-H1']);
    const result = classificationAsOf(fire, fake);
    expect(result.hazards.some((h) => newRules.has(h.rule))).toBe(false);
    expect(result.hazards.length).toBe(fake.hazards.length - firedNew.length);
    expect(result.items.find((i) => i.item === 'FIRE-N01')).toMatchObject({ outcome: 'pass', hazards: [] });
    expect(result.summary.hazards.major + result.summary.hazards.general + result.summary.hazards.simple).toBe(result.hazards.length);
  });

  it('a composite that keeps enough elements after a drop explains and shows only those', async () => {
    const demoLoaded = await loadPackFromPath(`${repo}examples/packs/demo-kitchen`);
    if (!demoLoaded.ok) throw new Error('demo-kitchen does not load');
    const demo = structuredClone(demoLoaded.pack) as typeof demoLoaded.pack;
    demo.regulations.push({
      id: 'future',
      title: { 'zh-CN': '将来的规定', en: 'A future rule' },
      number: 'X-2030',
      edition: '2030',
      status: 'current',
      confidence: 'verified',
      effective: '2030-01-01',
    });
    const alarm = demo.sections.flatMap((s) => s.items.flatMap((i) => i.hazards)).find((r) => r.id === 'DEMO-002-H1')!;
    alarm.basis = [{ regulation: 'future', clause: '1' }];
    const inspection: Inspection = {
      pack: 'demo-kitchen',
      premises: 'restaurant',
      inspectedAt: '2026-11-20T10:00:00+08:00',
      findings: { gas_type: 'lpg', below_ground: true, alarm_installed: false, hose_length_m: 3, cylinders_on_site: 4 },
    };
    const result = compilePack(demo).evaluate(inspection);
    expect(result.hazards.map((h) => h.rule)).not.toContain('DEMO-002-H1');
    const composite = result.hazards.find((h) => h.rule === 'DEMO-C1')!;
    expect(composite.elements).toEqual(['DEMO-003-H1', 'DEMO-004-H1']);
    expect(composite.explanation.en).toContain('2 of 3 elements present');
    expect(composite.explanation.en).not.toContain('alarm');
    expect(composite.observations.map((o) => o.fact)).not.toContain('alarm_installed');
  });

  it('leaves an undated classification as it is', () => {
    const { inspectedAt: _none, ...undated } = workshop;
    const result = evaluator.evaluate(undated as Inspection);
    expect(result.asOf).toBeUndefined();
    expect(result.hazards.every((h) => h.basis.every((c) => c.inForce === undefined))).toBe(true);
  });
});

describe('confirmation: collective — a level only people decide is provisional on every inspection day', () => {
  /** demo-kitchen with DEMO-001-H1 (major, verified determination standard) and DEMO-C1 (on the same standard) marked, editions dated or not. */
  const marked = async (dates: boolean) => {
    const demoLoaded = await loadPackFromPath(`${repo}examples/packs/demo-kitchen`);
    if (!demoLoaded.ok) throw new Error('demo-kitchen does not load');
    const demo = structuredClone(demoLoaded.pack) as typeof demoLoaded.pack;
    if (dates) demo.regulations[0]!.effective = '2023-01-01';
    const rules = demo.sections.flatMap((s) => s.items.flatMap((i) => i.hazards));
    Object.assign(
      rules.find((r) => r.id === 'DEMO-001-H1')!,
      { confirmation: 'collective' },
    );
    Object.assign(demo.composites[0]!, { confirmation: 'collective', basis: [{ regulation: 'jcg-2023-4', clause: '第六条' }] });
    return demo;
  };
  const inspection: Inspection = {
    pack: 'demo-kitchen',
    premises: 'restaurant',
    findings: { gas_type: 'lpg', below_ground: true, alarm_installed: false, hose_length_m: 3, cylinders_on_site: 4 },
  };
  const flags = (hazards: readonly { rule: string; provisional: boolean }[]) => Object.fromEntries(hazards.map((h) => [h.rule, h.provisional]));

  it('the marked rule and composite are provisional undated, dated, and through classificationAsOf; the others as their basis says', async () => {
    for (const dates of [false, true]) {
      const demo = await marked(dates);
      const evaluator = compilePack(demo);
      const undated = evaluator.evaluate(inspection);
      const dated = evaluator.evaluate({ ...inspection, inspectedAt: '2026-06-01T10:00:00+08:00' });
      for (const result of [undated, dated]) {
        // DEMO-001-H1 rests on a verified, current determination standard: only the mark makes it provisional
        expect(flags(result.hazards), `dates: ${dates}`).toMatchObject({ 'DEMO-001-H1': true, 'DEMO-C1': true, 'DEMO-002-H1': true });
        expect(result.hazards.find((h) => h.rule === 'DEMO-001-H1')!.basis.every((c) => c.confidence === 'verified' && c.status === 'current')).toBe(true);
        expect(result.summary.provisional).toBe(result.hazards.filter((h) => h.provisional).length);
      }
      // the as-of path applied to the static view says the same
      const asOf = classificationAsOf(demo, { ...undated, inspectedAt: '2026-06-01T10:00:00+08:00' });
      expect(flags(asOf.hazards)).toEqual(flags(dated.hazards));
      // unmarked, the same rule is not provisional
      const plain = structuredClone(demo) as typeof demo;
      for (const r of plain.sections.flatMap((s) => s.items.flatMap((i) => i.hazards))) delete (r as { confirmation?: unknown }).confirmation;
      expect(flags(compilePack(plain).evaluate({ ...inspection, inspectedAt: '2026-06-01T10:00:00+08:00' }).hazards)['DEMO-001-H1']).toBe(false);
    }
  });

  it('a backdated fire inspection (2025-06-01, GB 35181-2017 in force, secondary) still reports a provisional major: collective discussion decides it', () => {
    // the workshop keeps goods of fire class A/B with people sleeping in the building (FIRE-040-H1, GB 35181-2017 6.2 [S])
    const result = evaluator.evaluate({ ...workshop, inspectedAt: '2025-06-01T10:00:00+08:00', findings: { ...workshop.findings, goods_class: 'class_ab' } });
    expect(result.asOf).toBe('2025-06-01');
    const major = result.hazards.find((h) => h.rule === 'FIRE-040-H1');
    expect(major, JSON.stringify(result.hazards.map((h) => h.rule))).toBeDefined();
    expect(major!.basis.find((c) => c.number === 'GB 35181-2017')).toMatchObject({ inForce: true, status: 'current', confidence: 'secondary' });
    expect(major!.provisional).toBe(true);
    const majors = result.hazards.filter((h) => h.level === 'major');
    expect(majors.every((h) => h.provisional)).toBe(true);
    // every major rule and composite of the fire pack is marked
    const rules = [...fire.sections.flatMap((s) => s.items.flatMap((i) => i.hazards)), ...fire.composites];
    expect(rules.filter((r) => r.level === 'major' && r.confirmation !== 'collective').map((r) => r.id)).toEqual([]);
  });
});
