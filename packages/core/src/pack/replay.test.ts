import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { renderReplayMarkdown, replayInspections } from './replay.js';
import type { Pack } from './types.js';

const loaded = await loadPackFromPath(fileURLToPath(new URL('../../../../examples/packs/demo-kitchen', import.meta.url)));
if (!loaded.ok) throw new Error('demo-kitchen does not load');
const demo = loaded.pack;

/** A new version of the demo pack: the long hose becomes general, the alarm rule is removed. */
function newVersion(): Pack {
  const pack = structuredClone(demo) as Pack;
  pack.version = '0.2.0';
  const rules = pack.sections.flatMap((s) => s.items.flatMap((i) => i.hazards));
  rules.find((r) => r.id === 'DEMO-003-H1')!.level = 'general';
  rules.find((r) => r.id === 'DEMO-003-H1')!.basis[0]!.clause = '10.7.6';
  const alarmItem = pack.sections.flatMap((s) => s.items).find((i) => i.hazards.some((h) => h.id === 'DEMO-002-H1'))!;
  alarmItem.hazards = alarmItem.hazards.filter((h) => h.id !== 'DEMO-002-H1');
  pack.composites = pack.composites.map((c) => ({ ...c, of: c.of.filter((id) => id !== 'DEMO-002-H1') }));
  return pack;
}

const hose: Inspection = {
  pack: 'demo-kitchen',
  premises: 'canteen',
  inspectedAt: '2026-11-20T10:00:00+08:00',
  findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: false, hose_length_m: 3 },
};

describe('replayInspections', () => {
  it('reports level up, citation change and a hazard that is gone, per inspection, with a summary', () => {
    const report = replayInspections(
      [demo],
      [newVersion()],
      [
        { name: 'hose.yaml', inspection: hose },
        { name: 'same.yaml', inspection: { ...hose, findings: { ...hose.findings, hose_length_m: 1, alarm_installed: true, alarm_working: true } } },
      ],
    );
    expect(report.from).toEqual([{ id: 'demo-kitchen', version: demo.version }]);
    expect(report.to).toEqual([{ id: 'demo-kitchen', version: '0.2.0' }]);
    const [first, second] = report.entries;
    expect(first!.changes.map((c) => [c.rule, c.change])).toEqual([
      ['DEMO-003-H1', 'level_up'],
      ['DEMO-003-H1', 'basis'],
      ['DEMO-002-H1', 'removed'],
      ['DEMO-C1', 'removed'], // the composite lost the alarm element
    ]);
    expect(first!.changes[0]).toMatchObject({ from: { level: 'simple' }, to: { level: 'general' } });
    expect(first!.highest).toEqual({ from: 'general', to: 'general' });
    expect(second!.changes).toEqual([]);
    expect(report.summary).toMatchObject({ inspections: 2, changed: 1, level_up: 1, basis: 1, removed: 2, added: 0 });
    const md = renderReplayMarkdown(report);
    expect(md).toContain('- `DEMO-003-H1` 等级升高 level up: 简易 simple 疑似/provisional → 一般 general 疑似/provisional');
    expect(md).toContain('GB 50028-2006 10.7.5 → GB 50028-2006 10.7.6');
    expect(md).toContain('## same.yaml (demo-kitchen)\n\n最高等级 / highest: 无 none → 无 none\n\n无变化 / no change');
  });

  it('an inspection whose pack is missing from a version says so, and is not diffed', () => {
    const report = replayInspections([demo], [], [{ name: 'hose.yaml', inspection: hose }]);
    expect(report.entries[0]!.issues.to.map((i) => i.code)).toEqual(['PACK_NOT_FOUND']);
    expect(report.entries[0]!.changes).toEqual([]);
    expect(report.entries[0]!.highest).toEqual({ from: 'general' });
  });
});
