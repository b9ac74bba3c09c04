import { describe, expect, it } from 'vitest';
import { DEFAULT_PERMIT_RULES, loadPermitRules, selectPermitRule } from './permit-rules.js';
import { judgeGasReading } from './judge-gas-reading.js';

const clone = <T>(v: T): T => structuredClone(v) as T;

describe('permit rules as data', () => {
  it('the shipped rules load and mark every clause unverified until checked', () => {
    expect(loadPermitRules(clone(DEFAULT_PERMIT_RULES))).toMatchObject({ ok: true });
    const bases = DEFAULT_PERMIT_RULES.kinds.flatMap((k) => [...k.basis, ...(k.gasTest?.limits.map((l) => l.basis) ?? [])]);
    expect(bases.length).toBeGreaterThan(10);
    expect(bases.every((b) => b.verified === false)).toBe(true);
  });

  it('rejects a schema violation with a located, bilingual issue', () => {
    const bad = clone(DEFAULT_PERMIT_RULES) as unknown as { kinds: { validityHours: unknown }[] };
    bad.kinds[0]!.validityHours = -1;
    const loaded = loadPermitRules(bad);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.issues[0]?.path).toBe('/kinds/0/validityHours');
      expect(loaded.issues[0]?.message['zh-CN']).toContain('许可规则');
    }
    expect(loadPermitRules(null).ok).toBe(false);
  });

  it('rejects what the schema cannot say: unknown role, min > max, duplicate rule', () => {
    const bad = clone(DEFAULT_PERMIT_RULES) as unknown as { kinds: Record<string, unknown>[] };
    bad.kinds[0]!.approverRole = 'janitor';
    bad.kinds.push(clone(bad.kinds[1]!));
    const limits = (bad.kinds[3]!.gasTest as { limits: { min?: number; max?: number }[] }).limits;
    limits[0]!.min = 30;
    const loaded = loadPermitRules(bad);
    expect(loaded.ok ? [] : loaded.issues.map((i) => i.path)).toEqual(['/kinds/0/approverRole', '/kinds/3/gasTest/limits/0', `/kinds/${bad.kinds.length - 1}`]);
  });

  it('selects by kind, grade, premises and effective date', () => {
    const d = (s: string) => new Date(s);
    expect(selectPermitRule(DEFAULT_PERMIT_RULES, 'confined_space', 'none', 'general', d('2026-04-30T23:00:00Z'))).toBeNull();
    expect(selectPermitRule(DEFAULT_PERMIT_RULES, 'confined_space', 'none', 'general', d('2026-05-01T00:00:00Z'))?.monitoringIntervalMinutes).toBe(15);
    expect(selectPermitRule(DEFAULT_PERMIT_RULES, 'confined_space', 'none', 'hazchem', d('2026-05-01T00:00:00Z'))?.standard).toBe('gb30871-2022');
    expect(selectPermitRule(DEFAULT_PERMIT_RULES, 'work_at_height', 'i', 'general', d('2026-05-01T00:00:00Z'))?.validityHours).toBe(168);
    // GB 30871-2022 附录B 表B.1: the approver of work at height by its (derived) grade
    expect(['i', 'ii', 'iii', 'iv'].map((g) => selectPermitRule(DEFAULT_PERMIT_RULES, 'work_at_height', g, 'hazchem', d('2026-05-01T00:00:00Z'))?.approverRole)).toEqual([
      'unit',
      'specialist_department',
      'specialist_department',
      'plant_leader',
    ]);
    expect(selectPermitRule(DEFAULT_PERMIT_RULES, 'work_at_height', 'none', 'general', d('2026-05-01T00:00:00Z'))).toBeNull();
    expect(selectPermitRule(DEFAULT_PERMIT_RULES, 'lifting', 'none', 'hazchem', d('2026-05-01T00:00:00Z'))).toBeNull();
  });

  it('judges LEL-dependent limits (GB 30871-2022 §5.3.2, unverified)', () => {
    const hot = selectPermitRule(DEFAULT_PERMIT_RULES, 'hot_work', 'special', 'hazchem', new Date('2026-12-01T00:00:00Z'))!.gasTest!;
    expect(judgeGasReading(hot, 3.9, { flammablePctVol: 0.3 }).pass).toBe(false);
    expect(judgeGasReading(hot, 4, { flammablePctVol: 0.5 }).pass).toBe(true);
    expect(judgeGasReading(hot, 4, { flammablePctVol: 0.51 }).pass).toBe(false);
    expect(judgeGasReading(hot, 4, {})).toEqual({ pass: false, failures: [], missing: ['flammable_pct_vol'] });
  });
});
