import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { runScenarios } from '../scenarios/run-scenarios.js';
import type { ScenarioFile } from '../scenarios/types.js';
import { applyOverlay } from './overlay.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const loaded = await loadPackFromPath(`${repo}checklists/gas`);
if (!loaded.ok) throw new Error('the gas pack does not load');
const gas = loaded.pack;
const dir = `${repo}examples/overlays/example-city-gas/`;
const OVERLAY = readFileSync(`${dir}overlay.yaml`, 'utf8');
const inspection = parse(readFileSync(`${dir}inspection-80kg.yaml`, 'utf8')) as Inspection;

/** The example overlay plus some lines; returns the text and the 1-based line where `extra` starts. */
const withExtra = (extra: string) => ({ text: `${OVERLAY}${extra}`, line: OVERLAY.split('\n').length });
const located = (text: string) => {
  const result = applyOverlay(gas, text, 'overlay.yaml');
  if (result.ok) throw new Error('expected a refusal');
  return result.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code} ${i.message.en}`);
};

describe('tighten-only overlays', () => {
  it('the example overlay (LPG stored above 50 kg) makes 80 kg without a cylinder room general; the national pack finds nothing', () => {
    expect(compilePack(gas).evaluate(inspection).hazards).toEqual([]);
    const result = applyOverlay(gas, OVERLAY, 'overlay.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.id).toBe('gas');
    expect(result.pack.version).toBe(`${gas.version}+example-city-gas.1.0.0`);
    const hazards = compilePack(result.pack).evaluate(inspection).hazards;
    expect(hazards.map((h) => [h.rule, h.level, h.deadline])).toEqual([['GAS-U08-H1', 'general', { workingDays: 3 }]]);
    expect(hazards[0]!.basis.map((c) => c.number)).toContain('示例市政府令第1号');
    expect(Object.isFrozen(result.pack)).toBe(true);
    expect(gas.sections.flatMap((s) => s.items).find((i) => i.id === 'GAS-U08')!.hazards[0]!.deadline).toEqual({ workingDays: 5 }); // the national pack is untouched
  });

  it('is tested with scenarios like a pack (its tests/ folder)', () => {
    const result = applyOverlay(gas, OVERLAY, 'overlay.yaml');
    if (!result.ok) throw new Error('refused');
    const content = parse(readFileSync(`${dir}tests/lpg-50kg.yaml`, 'utf8')) as ScenarioFile;
    const run = runScenarios(result.pack, compilePack(result.pack).evaluate, [{ file: 'tests/lpg-50kg.yaml', content }]);
    expect(run.summary).toMatchObject({ scenarios: 3, passed: 3, failed: 0 });
    expect(run.coverage.find((c) => c.rule === 'GAS-U08-H1')?.covered).toBe(true);
  });

  it('refuses a looser threshold at file:line:col', () => {
    const loose = OVERLAY.replace('    value: 50\n', '    value: 150\n');
    const at = OVERLAY.split('\n').findIndex((l) => l === '    value: 50') + 1;
    expect(located(loose)).toEqual([
      `overlay.yaml:${at}:12 OVERLAY_LOOSENS 150 loosens the national threshold 100 of GAS-U08-H1 (greaterThan): the hazard would hold in fewer cases; local rules may only be stricter`,
    ]);
  });

  it('refuses lowering a national major, removing an item and a longer deadline, each located', () => {
    const { text, line } = withExtra('levels:\n  - rule: GAS-F01-H1\n    level: general\nremove: [GAS-U08]\n');
    const longer = text.replace('deadline: { workingDays: 3 }', 'deadline: { workingDays: 10 }');
    const deadlineLine = text.split('\n').findIndex((l) => l.includes('deadline: { workingDays: 3 }')) + 1;
    expect(located(longer)).toEqual([
      `overlay.yaml:${line + 3}:10 OVERLAY_LOOSENS an overlay cannot remove the national item "GAS-U08": local rules may only be stricter`,
      `overlay.yaml:${line + 2}:12 OVERLAY_LOOSENS cannot lower GAS-F01-H1 from the national major to general: local rules may only be stricter`,
      `overlay.yaml:${deadlineLine}:15 OVERLAY_LOOSENS the deadline {"workingDays":10} of GAS-U08-H1 is longer than the national {"workingDays":5}: local rules may only be stricter`,
    ]);
  });

  it('refuses unknown rules (did you mean), a wrong base pack and unknown keys', () => {
    expect(located(OVERLAY.replace('  - rule: GAS-U08-H1\n    fact', '  - rule: GAS-U8-H1\n    fact'))[0]).toMatch(
      /^overlay\.yaml:\d+:\d+ UNKNOWN_RULE pack "gas" has no hazard rule "GAS-U8-H1" \(did you mean "GAS-U08-H1"\?\)$/,
    );
    expect(located(OVERLAY.replace('extends: gas', 'extends: fire'))).toEqual([expect.stringMatching(/^overlay\.yaml:\d+:10 OVERLAY_BASE_MISMATCH the overlay extends pack "fire", not "gas"$/)]);
    expect(located(`${OVERLAY}threshold: []\n`)).toEqual([expect.stringMatching(/^overlay\.yaml:\d+:1 OVERLAY_INVALID an overlay has no key "threshold" \(did you mean "thresholds"\?\)$/)]);
  });

  it('adds a new item that compiles like pack items; one asking an undeclared fact is refused inside the overlay', () => {
    const item = (fact: string) =>
      `items:\n  - section: user-lpg\n    item:\n      id: CITY-001\n      title: { zh-CN: 气瓶登记, en: Cylinder register }\n      asks: [${fact}]\n      hazards:\n        - id: CITY-001-H1\n          level: general\n          title: { zh-CN: 未登记气瓶, en: Cylinders not registered }\n          when: { fact: ${fact}, operator: equal, value: false }\n          basis: [{ regulation: example-city-gas-rules, clause: 第十二条 }]\nfacts:\n  - id: cylinders_registered\n    type: boolean\n    label: { zh-CN: 气瓶已登记, en: Cylinders registered }\n`;
    const ok = applyOverlay(gas, OVERLAY + item('cylinders_registered'), 'overlay.yaml');
    if (!ok.ok) throw new Error(JSON.stringify(ok.issues));
    const hazards = compilePack(ok.pack)
      .evaluate({ ...inspection, findings: { ...inspection.findings, cylinders_registered: false } })
      .hazards.map((h) => h.rule);
    expect(hazards).toContain('CITY-001-H1');
    const bad = located(OVERLAY + item('cylinders_registred'));
    expect(bad[0]).toMatch(/^overlay\.yaml:\d+:\d+ UNKNOWN_FACT /);
  });
});
