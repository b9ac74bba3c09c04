import { describe, expect, it } from 'vitest';
import { permitApprovalRefusal } from './permit-approval.js';
import { DEFAULT_PERMIT_RULES } from './permit-rules.js';
import { applicant, applyCommand, attendant, PermitRun, unit } from './permit-harness.test-util.js';
import type { ApplyPermitCommand, PermitActor } from './permit-types.js';

const specialist: PermitActor = { id: 'specialist', roles: ['specialist_department'] };
const chief: PermitActor = { id: 'chief', roles: ['plant_leader'] };

/** A height permit applied for with what the applicant observed (no grade: the server derives it). */
function height(observed: Record<string, unknown>, extra: Partial<ApplyPermitCommand> = {}): ApplyPermitCommand {
  const { grade: _grade, ...base } = applyCommand({ kind: 'work_at_height', premises: 'hazchem', flammableLelPctVol: undefined, ...extra });
  return { ...base, height: { fallFactors: [], situations: [], ...observed } } as unknown as ApplyPermitCommand;
}

function applied(observed: Record<string, unknown>): PermitRun {
  const run = new PermitRun();
  run.ok(height(observed), applicant, -60);
  return run;
}

describe('work at height: the grade and its approver are derived (GB 30871-2022 8.1, 附录B 表B.1)', () => {
  it.each([
    [2, [], 'i', 'unit'],
    [5, [], 'i', 'unit'],
    [5.01, [], 'ii', 'specialist_department'],
    [15, [], 'ii', 'specialist_department'],
    [30, [], 'iii', 'specialist_department'],
    [30.5, [], 'iv', 'plant_leader'],
    // method B (one or more 8.1.2 factors): one grade up per height zone, IV at most
    [4, ['gust_force_5'], 'ii', 'specialist_department'],
    [20, ['slippery_surface', 'poor_light'], 'iv', 'plant_leader'],
    [40, ['cold_air_5c'], 'iv', 'plant_leader'],
  ] as const)('%s m with factors %j: grade %s, approved by %s', (heightM, fallFactors, grade, role) => {
    const run = applied({ heightM, fallFactors: [...fallFactors] });
    expect(run.state?.rule.grade).toBe(grade);
    expect(run.state?.rule.approverRole).toBe(role);
    expect(run.state?.height).toMatchObject({ heightM, grade, method: fallFactors.length > 0 ? 'B' : 'A' });
  });

  it.each([
    [3, ['near_opening'], 'ii', ['near_opening']],
    [3, ['inside_vessel'], 'ii', ['inside_vessel']],
    [20, ['hazardous_area_or_rotating'], 'iii', []],
    [3, ['raining'], 'iv', ['raining']],
    [10, ['night_artificial_light', 'near_opening'], 'iv', ['night_artificial_light']],
    [1.5, ['slope_over_45'], 'i', ['slope_over_45']],
  ] as const)('Note 2 of Table B.1: %s m with %j is grade %s (raised by %j)', (heightM, situations, grade, raisedBy) => {
    const run = applied({ heightM, situations: [...situations] });
    expect(run.state?.rule.grade).toBe(grade);
    expect(run.state?.height?.raisedBy).toEqual([...raisedBy]);
  });

  it('below the required level is refused, in words that name the level and why; the level’s holder approves', () => {
    const run = applied({ heightM: 4, fallFactors: [], situations: ['raining'] });
    for (const below of [unit, specialist]) {
      const refusal = permitApprovalRefusal(run.state!, below, DEFAULT_PERMIT_RULES);
      expect(refusal?.code).toBe('APPROVER_ROLE');
      expect(refusal?.message['zh-CN']).toContain('Ⅳ级高处作业');
      expect(refusal?.message['zh-CN']).toContain('主管厂长或总工程师');
      expect(refusal?.message['zh-CN']).toContain('降雨');
      expect(refusal?.message['zh-CN']).toContain('表B.1');
      expect(refusal?.message.en).toContain('Grade IV');
      expect(refusal?.message.en).toContain('chief engineer');
      expect(refusal?.message.en).toContain('rain');
      expect(refusal?.pointer).toBe('/height/situations/0');
      const decided = run.do({ type: 'approve' }, below, -30);
      expect(decided.ok ? null : decided.rejection).toEqual(refusal);
    }
    expect(permitApprovalRefusal(run.state!, chief, DEFAULT_PERMIT_RULES)).toBeNull();
    run.ok({ type: 'approve' }, chief, -30);
    expect(run.log.at(-1)?.data).toEqual({ role: 'plant_leader' });
  });

  it('a grade raised by height alone points at the height; one raised by a factor, at the factor', () => {
    const tall = applied({ heightM: 31 });
    expect(permitApprovalRefusal(tall.state!, unit, DEFAULT_PERMIT_RULES)?.pointer).toBe('/height/heightM');
    const gust = applied({ heightM: 4, fallFactors: ['gust_force_5'] });
    const refusal = permitApprovalRefusal(gust.state!, unit, DEFAULT_PERMIT_RULES);
    expect(refusal?.pointer).toBe('/height/fallFactors/0');
    expect(refusal?.message['zh-CN']).toContain('B类法');
    expect(refusal?.message.en).toContain('method B');
  });

  it('the applied event records what was observed and what was derived', () => {
    const run = applied({ heightM: 12, fallFactors: ['poor_light'], situations: ['near_vent'] });
    expect(run.log[0]?.data).toMatchObject({
      kind: 'work_at_height',
      grade: 'iii',
      height: { heightM: 12, fallFactors: ['poor_light'], situations: ['near_vent'], method: 'B', grade: 'iii' },
      rule: { id: 'gb30871.work_at_height.iii', approverRole: 'specialist_department' },
    });
    run.ok({ type: 'attendant_present' }, attendant, -50);
    run.ok({ type: 'approve' }, specialist, -30);
    run.ok({ type: 'start' }, applicant, 0);
  });

  it('the request never declares the grade, and fails closed on what it must observe', () => {
    const run = new PermitRun();
    const declared = run.do({ ...height({ heightM: 4 }), grade: 'i' }, applicant, -60);
    expect(declared.ok ? null : [declared.rejection.code, declared.rejection.pointer]).toEqual(['INVALID_COMMAND', '/grade']);
    const cases: [Record<string, unknown> | undefined, string][] = [
      [undefined, '/height'],
      [{ fallFactors: [], situations: [] }, '/height/heightM'],
      [{ heightM: '4', fallFactors: [], situations: [] }, '/height/heightM'],
      [{ heightM: 1.9, fallFactors: [], situations: [] }, '/height/heightM'],
      [{ heightM: 4, situations: [] }, '/height/fallFactors'],
      [{ heightM: 4, fallFactors: ['windy'], situations: [] }, '/height/fallFactors/0'],
      [{ heightM: 4, fallFactors: [], situations: ['raining', 'raining'] }, '/height/situations/1'],
      [{ heightM: 4, fallFactors: [], situations: [], grade: 'i' }, '/height/grade'],
    ];
    for (const [observed, pointer] of cases) {
      const { height: _h, ...rest } = height({});
      const command = observed === undefined ? rest : { ...rest, height: observed };
      const d = run.do(command as ApplyPermitCommand, applicant, -60);
      expect(d.ok ? null : [d.rejection.code, d.rejection.pointer, d.rejection.message['zh-CN'].length > 0, d.rejection.message.en.length > 0]).toEqual(['INVALID_COMMAND', pointer, true, true]);
    }
    expect(run.state).toBeNull();
    // Height facts on another kind of work are refused too (nothing would read them).
    const hot = run.do({ ...applyCommand(), height: { heightM: 4, fallFactors: [], situations: [] } } as ApplyPermitCommand, applicant, -60);
    expect(hot.ok ? null : hot.rejection.pointer).toBe('/height');
  });
});
