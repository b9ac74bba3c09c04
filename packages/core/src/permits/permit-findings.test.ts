import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack, type PackEvaluator } from '../classify/compile-pack.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { judgeGasReading } from './judge-gas-reading.js';
import { verifyPermitChain } from './permit-chain.js';
import { permitFindings, permitObservations } from './permit-findings.js';
import { applicant, applyCommand, attendant, iso, PermitRun, reading, safety, tester, unit } from './permit-harness.test-util.js';
import { DEFAULT_PERMIT_RULES, type PermitRules } from './permit-rules.js';

let pack: PackEvaluator;
beforeAll(async () => {
  const r = await loadPackFromPath(fileURLToPath(new URL('../../../../checklists/hazardous-work', import.meta.url)));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  pack = compilePack(r.pack);
});

function started(overrides: Parameters<typeof applyCommand>[0] = {}, rules: PermitRules = DEFAULT_PERMIT_RULES, testAt = -5, approver = safety) {
  const run = new PermitRun(rules);
  run.ok(applyCommand(overrides), applicant, -60);
  run.ok({ type: 'approve' }, approver, -30);
  run.ok({ type: 'record_gas_test', reading: reading(testAt, { flammablePctVol: 0.1, o2PctVol: 20.5, flammablePctLel: 1 }) }, tester, testAt);
  run.ok({ type: 'attendant_present' }, attendant, -1);
  run.ok({ type: 'start' }, applicant, 0);
  return run;
}

describe('hazards from permit records, classified by the hazardous-work pack', () => {
  it('a clean job finds nothing', () => {
    const run = started();
    run.ok({ type: 'close' }, applicant, 60);
    expect(permitFindings(pack, run.log)).toEqual({ findings: [], unclassified: [] });
  });

  it('a reading over the limit (LEL < 4 %, 0.3 % vol) is HW-010-H1 with the permit’s events as evidence', () => {
    const run = started({ flammableLelPctVol: 2.5 });
    run.ok({ type: 'record_reading', reading: reading(20, { flammablePctVol: 0.3 }) }, tester, 20);
    const { findings, unclassified } = permitFindings(pack, run.log);
    expect(unclassified).toEqual([]);
    expect(findings.map((f) => [f.observation, f.hazard.rule, f.hazard.level])).toEqual([['reading_over_limit', 'HW-010-H1', 'general']]);
    const f = findings[0]!;
    expect(f.inspection).toMatchObject({ pack: 'hazardous-work', premises: 'chemical', source: 'permit', findings: { hot_gas_vol_percent: 0.3, gas_lel_class: 'lel_lt_4', hot_grade: 'grade1' } });
    expect(f.evidence.eventId).toBe('P-1/6');
    expect(f.evidence.events.map((e) => e.type)).toEqual(['applied', 'approved', 'gas_tested', 'attendant_present', 'started', 'reading_recorded']);
    expect(f.evidence.events.map((e) => e.hash)).toEqual(run.log.slice(0, 6).map((e) => e.hash));
    expect(verifyPermitChain(run.log.slice(0, 6))).toEqual({ ok: true });
  });

  it('the attendant leaving during the work is HW-003-H1', () => {
    const run = started();
    run.ok({ type: 'attendant_absent' }, { id: 'officer', roles: [] }, 10);
    expect(permitFindings(pack, run.log).findings.map((f) => [f.observation, f.hazard.rule])).toEqual([['attendant_absent', 'HW-003-H1']]);
  });

  it('an expired permit still open is HW-002-H1 (8 h); an expiry before the start is no hazard', () => {
    const run = started();
    run.tick(8 * 60 + 1);
    expect(permitFindings(pack, run.log).findings.map((f) => [f.observation, f.hazard.rule])).toEqual([['expired_open', 'HW-002-H1']]);
    const unused = new PermitRun();
    unused.ok(applyCommand(), applicant, -60);
    unused.tick(8 * 60 + 1);
    expect(permitFindings(pack, unused.log)).toEqual({ findings: [], unclassified: [] });
  });

  it('work started on a test older than the pack’s 30 minutes is HW-006-H2 even when edited rules allowed it', () => {
    const loose: PermitRules = { ...DEFAULT_PERMIT_RULES, kinds: DEFAULT_PERMIT_RULES.kinds.map((k) => (k.gasTest ? { ...k, gasTest: { ...k.gasTest, windowMinutes: 45 } } : k)) };
    const run = started({}, loose, -40);
    expect(permitFindings(pack, run.log).findings.map((f) => [f.observation, f.hazard.rule])).toEqual([['work_started', 'HW-006-H2']]);
  });

  function confinedStarted(premises: 'general' | 'hazchem') {
    const run = new PermitRun();
    run.ok(applyCommand({ kind: 'confined_space', grade: 'none', premises }), applicant, -60);
    run.ok({ type: 'approve' }, unit, -30);
    run.ok({ type: 'record_gas_test', reading: reading(-5, { o2PctVol: 20.8, flammablePctLel: 2, flammablePctVol: 0.1 }) }, tester, -5);
    run.ok({ type: 'attendant_present' }, attendant, -1);
    run.ok({ type: 'start', attachments: premises === 'general' ? [{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-1' }] : [] }, applicant, 0);
    return run;
  }

  it('a missed 15-minute reading (GB 46768 confined space) is HW-024-H2, with the record up to the suspension as evidence', () => {
    const run = confinedStarted('general');
    run.tick(16);
    const r = permitFindings(pack, run.log);
    expect(r.unclassified).toEqual([]);
    expect(r.findings.map((f) => [f.observation, f.hazard.rule, f.hazard.level, f.evidence.eventId])).toEqual([['reading_missed', 'HW-024-H2', 'general', 'P-1/6']]);
    expect(r.findings[0]!.inspection.findings).toMatchObject({ work_type: 'confined_space', cs_last_monitoring_record_at: iso(0) });
  });

  it('a missed 2-hour record in a hazchem confined space is HW-024-H1; the last reading restarts the interval', () => {
    const run = confinedStarted('hazchem');
    run.ok({ type: 'record_reading', reading: reading(100, { o2PctVol: 20.6, flammablePctVol: 0.1 }) }, tester, 100);
    expect(run.tick(219)).toEqual([]);
    run.tick(221);
    expect(permitFindings(pack, run.log).findings.map((f) => [f.observation, f.hazard.rule])).toEqual([['reading_missed', 'HW-024-H1']]);
  });

  it('the permit rules and the pack agree on the monitoring interval at its edge (suspended 1 ms late, never on time)', () => {
    for (const [premises, minutes, rule] of [
      ['general', 15, 'HW-024-H2'],
      ['hazchem', 120, 'HW-024-H1'],
    ] as const) {
      const onTime = confinedStarted(premises);
      expect(onTime.tick(minutes)).toEqual([]);
      onTime.ok({ type: 'record_reading', reading: reading(minutes, { o2PctVol: 20.6, flammablePctLel: 2, flammablePctVol: 0.1 }) }, tester, minutes);
      expect(permitFindings(pack, onTime.log).findings).toEqual([]);
      const late = confinedStarted(premises);
      expect(late.tick(minutes + 1 / 60_000).map((e) => e.type)).toEqual(['suspended']);
      expect(permitFindings(pack, late.log).findings.map((f) => f.hazard.rule)).toEqual([rule]);
    }
  });

  it('a job expiring while suspended is not asked about its monitoring records (nobody is inside)', () => {
    const run = confinedStarted('hazchem');
    run.ok({ type: 'attendant_absent' }, { id: 'officer', roles: [] }, 10);
    run.tick(24 * 60 + 1);
    const { findings } = permitFindings(pack, run.log);
    expect(findings.map((f) => [f.observation, f.hazard.rule])).toContainEqual(['expired_open', 'HW-002-H3']);
    expect(findings.filter((f) => f.hazard.rule.startsWith('HW-024'))).toEqual([]);
  });

  it('oxygen below 19.5 % in a hazchem confined space is HW-022-H1', () => {
    const run = started({ kind: 'confined_space', grade: 'none' }, DEFAULT_PERMIT_RULES, -5, unit);
    run.ok({ type: 'record_reading', reading: reading(30, { o2PctVol: 18, flammablePctVol: 0.1 }) }, tester, 30);
    expect(permitFindings(pack, run.log).findings.map((f) => f.hazard.rule)).toEqual(['HW-022-H1']);
    expect(permitObservations(run.log).map((o) => o.kind)).toEqual(['work_started', 'reading_over_limit']);
    // Suspended now: another failing reading (people out, ventilating) is no new violation.
    run.ok({ type: 'record_reading', reading: reading(40, { o2PctVol: 18.5, flammablePctVol: 0.1 }) }, tester, 40);
    expect(permitObservations(run.log).map((o) => o.kind)).toEqual(['work_started', 'reading_over_limit']);
  });

  it('the permit rules and the pack agree on the hot-work limits at the edges', () => {
    const rule = DEFAULT_PERMIT_RULES.kinds.find((k) => k.id === 'gb30871.hot_work.first')!.gasTest!;
    for (const lel of [2.5, 3.99, 4, 5]) {
      for (const vol of [0.1, 0.2, 0.21, 0.3, 0.5, 0.51, 1]) {
        const rulesFail = !judgeGasReading(rule, lel, { flammablePctVol: vol }).pass;
        const c = pack.evaluate({
          pack: 'hazardous-work',
          premises: 'chemical',
          inspectedAt: iso(0),
          findings: { work_type: 'hot_work', gas_analysis_done: true, hot_gas_vol_percent: vol, gas_lel_class: lel >= 4 ? 'lel_ge_4' : 'lel_lt_4' },
        });
        expect([lel, vol, c.hazards.some((h) => h.rule === 'HW-010-H1')]).toEqual([lel, vol, rulesFail]);
      }
    }
  });
});

describe('reporting the hazards of a permit record into the review chain', () => {
  it('a grid inspector’s spot check reports HW-003-H1 once, area from the directory, source permit; a second run replays', async () => {
    const { createMemoryStore } = await import('../chain/memory-store.js');
    const { createStaticDirectory } = await import('../chain/static-directory.js');
    const { createFixedClock } = await import('../testing/fixed-clock.js');
    const { TEST_CALENDAR_2026 } = await import('../testing/chain-fixtures.js');
    const { reportPermitFindings } = await import('./report-permit-findings.js');
    const store = createMemoryStore();
    const deps = {
      store,
      directory: createStaticDirectory([{ id: 'grid-1', roles: ['grid'], gridAreas: ['D1/G1'] }], [{ id: 'E-1', name: '东方化工', area: 'D1/G1' }]),
      calendar: TEST_CALENDAR_2026,
      clock: createFixedClock(iso(20)),
      packs: new Map([[pack.pack.id, pack]]),
    };
    const run = started();
    run.ok({ type: 'attendant_absent' }, { id: 'grid-1', roles: [] }, 10);
    const first = await reportPermitFindings(deps, run.log, 'grid-1');
    expect(first.map((r) => [r.rule, r.observation, r.evidence.eventId, r.ok, r.rejection?.code])).toEqual([['HW-003-H1', 'attendant_absent', 'P-1/6', true, undefined]]);
    const hazardId = first[0]!.hazardId;
    const reported = (await store.load(hazardId))?.[0];
    expect(reported).toMatchObject({ type: 'reported', actor: { id: 'grid-1' }, data: { area: 'D1/G1', enterpriseId: 'E-1', source: 'permit', level: 'general', pack: { id: 'hazardous-work' } } });
    expect((reported?.data as { findings: Array<{ observations: Array<{ fact: string; actual: unknown }> }> }).findings[0]!.observations).toEqual([
      expect.objectContaining({ fact: 'attendant_present', actual: false }),
    ]);
    const again = await reportPermitFindings(deps, run.log, 'grid-1');
    expect(again.map((r) => [r.hazardId, r.replayed])).toEqual([[hazardId, true]]);
    // Someone the chain does not allow to report here is refused by the chain.
    const outsider = await reportPermitFindings(deps, run.log, 'nobody');
    expect(outsider.map((r) => r.ok)).toEqual([false]);
  });
});
