import { describe, expect, it } from 'vitest';
import { permitApprovalRefusal, permitApproverRole } from './permit-approval.js';
import { DEFAULT_PERMIT_RULES } from './permit-rules.js';
import { HOT_WORK_SHUTDOWN_CONDITIONS } from './hot-work-grade.js';
import { applicant, applyCommand, at, attendant, iso, leader, PermitRun, safety, unit } from './permit-harness.test-util.js';
import { permitNotifications } from './permit-service.js';
import { permitApprovalDue } from './tick-permit.js';
import type { ApplyPermitCommand, PermitActor } from './permit-types.js';

const head: PermitActor = { id: 'head', roles: ['production_safety_head'] };
const ALL_CLEAR = HOT_WORK_SHUTDOWN_CONDITIONS.map((c) => c.id);

/** A hot-work permit applied for with what the applicant observed (no grade: the server derives it). */
function hot(observed: Record<string, unknown>): ApplyPermitCommand {
  const { hotWork: _facts, ...base } = applyCommand();
  return { ...base, hotWork: { situations: [], openAir: false, shutDown: [], ...observed } } as unknown as ApplyPermitCommand;
}

function applied(observed: Record<string, unknown>): PermitRun {
  const run = new PermitRun();
  run.ok(hot(observed), applicant, -60);
  return run;
}

describe('hot work: the grade and its approver are derived (GB 30871-2022 5.1, 5.2.15, 附录B 表B.1)', () => {
  it.each([
    [['in_service_equipment'], 'special', 'principal_leader', 8],
    [['hot_tap_no_purge'], 'special', 'principal_leader', 8],
    [['major_hazard_tank_dike'], 'special', 'principal_leader', 8],
    [['hazardous_area'], 'first', 'safety_department', 8],
    [['pipe_rack'], 'first', 'safety_department', 8],
    [['hazardous_area', 'in_service_equipment'], 'special', 'principal_leader', 8],
    [[], 'second', 'unit', 72],
  ] as const)('situations %j: grade %s, approved by %s, valid %s h', (situations, grade, role, hours) => {
    const run = applied({ situations: [...situations] });
    expect(run.state?.rule.grade).toBe(grade);
    expect(run.state?.rule.approverRole).toBe(role);
    expect(Date.parse(run.state!.validUntil) - Date.parse(run.state!.validFrom)).toBe(hours * 3_600_000);
    expect(run.state?.hotWork).toMatchObject({ siteGrade: grade, grade, downgraded: false, windRaised: false });
  });

  it.each([
    [[], 5, 'first', true],
    [['hazardous_area'], 6, 'special', true],
    [['in_service_equipment'], 7, 'special', false],
    [['hazardous_area'], 4, 'first', false],
  ] as const)('open air, situations %j in wind force %s: grade %s (5.2.15: one grade up at force 5 or more; raised: %s)', (situations, windForce, grade, raised) => {
    const run = applied({ situations: [...situations], openAir: true, windForce });
    expect(run.state?.rule.grade).toBe(grade);
    expect(run.state?.hotWork?.windRaised).toBe(raised);
  });

  it('wind points the refusal at the wind force; a situation at the situation', () => {
    const windy = applied({ situations: ['pipe_rack'], openAir: true, windForce: 5 });
    const refusal = permitApprovalRefusal(windy.state!, safety, DEFAULT_PERMIT_RULES);
    expect(refusal?.code).toBe('APPROVER_ROLE');
    expect(refusal?.pointer).toBe('/hotWork/windForce');
    expect(refusal?.message['zh-CN']).toContain('特级动火');
    expect(refusal?.message['zh-CN']).toContain('五级');
    expect(refusal?.message.en).toContain('force 5');
    const tank = applied({ situations: ['hazardous_area', 'in_service_equipment'] });
    const r2 = permitApprovalRefusal(tank.state!, safety, DEFAULT_PERMIT_RULES);
    expect(r2?.pointer).toBe('/hotWork/situations/1');
    expect(r2?.message['zh-CN']).toContain('主管领导');
    expect(r2?.message['zh-CN']).toContain('运行');
    expect(r2?.message.en).toContain('in service');
    const plain = applied({});
    expect(permitApprovalRefusal(plain.state!, safety, DEFAULT_PERMIT_RULES)?.pointer).toBe('/hotWork/situations');
  });

  it('a running tank in a fire/explosion area is special grade: the unit and the safety department are refused, the principal leader approves', () => {
    const run = applied({ situations: ['in_service_equipment'] });
    for (const below of [unit, safety]) {
      const d = run.do({ type: 'approve' }, below, -30);
      expect(d.ok ? null : d.rejection).toEqual(permitApprovalRefusal(run.state!, below, DEFAULT_PERMIT_RULES));
      expect(d.ok ? null : d.rejection.code).toBe('APPROVER_ROLE');
    }
    run.ok({ type: 'approve' }, leader, -30);
    expect(run.log.at(-1)?.data).toEqual({ role: 'principal_leader' });
  });

  it('a shut-down, cleaned, purged, tested and isolated unit is second grade once the head of production or safety approved the downgrade', () => {
    const run = applied({ situations: ['in_service_equipment'], shutDown: ALL_CLEAR });
    expect(run.state?.rule.grade).toBe('second');
    expect(run.state?.hotWork).toMatchObject({ siteGrade: 'special', downgraded: true, grade: 'second' });
    expect(permitApproverRole(run.state!)).toBe('production_safety_head');
    // The unit may not approve before the downgrade is approved.
    const early = run.do({ type: 'approve' }, unit, -40);
    expect(early.ok ? null : [early.rejection.code, early.rejection.pointer]).toEqual(['APPROVER_ROLE', '/hotWork/shutDown']);
    expect(early.ok ? '' : early.rejection.message['zh-CN']).toContain('生产负责人或安全管理负责人');
    run.ok({ type: 'approve' }, head, -35);
    expect(run.log.at(-1)).toMatchObject({ type: 'downgrade_approved', data: { role: 'production_safety_head' } });
    expect(run.status).toBe('applied');
    expect(run.state?.downgradeApproverId).toBe('head');
    expect(permitApproverRole(run.state!)).toBe('unit');
    // The one who approved the downgrade does not also approve the permit.
    const twice = run.do({ type: 'approve' }, { id: 'head', roles: ['production_safety_head', 'unit'] }, -34);
    expect(twice.ok ? null : twice.rejection.code).toBe('SEPARATION_OF_DUTIES');
    run.ok({ type: 'approve' }, unit, -30);
    expect(run.status).toBe('approved');
    run.ok({ type: 'attendant_present' }, attendant, -20);
  });

  it('the approval-due text of a downgraded permit goes to the downgrade’s approver first, then to the unit once the downgrade is approved', () => {
    const run = new PermitRun();
    run.ok({ ...hot({ situations: ['in_service_equipment'], shutDown: ALL_CLEAR }), validFrom: iso(120) }, applicant, -60);
    const before = run.state!;
    const warning = permitApprovalDue(before, at(60));
    expect(warning.map((e) => e.type)).toEqual(['approval_due']);
    expect(permitNotifications(before, warning).map((n) => n.payload.approverRole)).toEqual(['production_safety_head']);
    run.record(warning);
    expect(permitApprovalDue(run.state!, at(65))).toEqual([]);
    run.ok({ type: 'approve' }, head, 70);
    expect(permitApproverRole(run.state!)).toBe('unit');
    // The unit, who approves next, is warned in turn (once), still before the start.
    const afterDowngrade = run.state!;
    const next = permitApprovalDue(afterDowngrade, at(71));
    expect(permitNotifications(afterDowngrade, next).map((n) => n.payload.approverRole)).toEqual(['unit']);
    run.record(next);
    expect(permitApprovalDue(run.state!, at(80))).toEqual([]);
  });

  it('the request never declares the grade, and fails closed on what it must observe', () => {
    const run = new PermitRun();
    const declared = run.do({ ...hot({ situations: ['in_service_equipment'] }), grade: 'second' }, applicant, -60);
    expect(declared.ok ? null : [declared.rejection.code, declared.rejection.pointer, declared.rejection.message.en]).toEqual(['INVALID_COMMAND', '/grade', expect.stringContaining('derived')]);
    const cases: [Record<string, unknown> | undefined, string][] = [
      [undefined, '/hotWork'],
      [{ openAir: false, shutDown: [] }, '/hotWork/situations'],
      [{ situations: ['near_tank'], openAir: false, shutDown: [] }, '/hotWork/situations/0'],
      [{ situations: ['pipe_rack', 'pipe_rack'], openAir: false, shutDown: [] }, '/hotWork/situations/1'],
      [{ situations: [], shutDown: [] }, '/hotWork/openAir'],
      [{ situations: [], openAir: 'yes', shutDown: [] }, '/hotWork/openAir'],
      [{ situations: [], openAir: true, shutDown: [] }, '/hotWork/windForce'],
      [{ situations: [], openAir: true, windForce: 13, shutDown: [] }, '/hotWork/windForce'],
      [{ situations: [], openAir: true, windForce: 2.5, shutDown: [] }, '/hotWork/windForce'],
      [{ situations: [], openAir: false, windForce: 3, shutDown: [] }, '/hotWork/windForce'],
      [{ situations: [], openAir: false }, '/hotWork/shutDown'],
      [{ situations: ['in_service_equipment'], openAir: false, shutDown: ['shut_down', 'cleaned'] }, '/hotWork/shutDown'],
      [{ situations: [], openAir: false, shutDown: ALL_CLEAR }, '/hotWork/shutDown'],
      [{ situations: [], openAir: false, shutDown: ['drained'] }, '/hotWork/shutDown/0'],
      [{ situations: [], openAir: false, shutDown: [], grade: 'second' }, '/hotWork/grade'],
    ];
    for (const [observed, pointer] of cases) {
      const { hotWork: _h, ...rest } = hot({});
      const command = observed === undefined ? rest : { ...rest, hotWork: observed };
      const d = run.do(command as ApplyPermitCommand, applicant, -60);
      expect(d.ok ? null : [d.rejection.code, d.rejection.pointer, /[\u4e00-\u9fff]/.test(d.rejection.message['zh-CN']), d.rejection.message.en.length > 0]).toEqual([
        'INVALID_COMMAND',
        pointer,
        true,
        true,
      ]);
    }
    expect(run.state).toBeNull();
    // Hot-work facts on another kind of work are refused too (nothing would read them).
    const { grade: _g, ...confined } = applyCommand({ kind: 'confined_space' });
    const other = run.do({ ...confined, grade: 'none', hotWork: { situations: [], openAir: false, shutDown: [] } } as ApplyPermitCommand, applicant, -60);
    expect(other.ok ? null : other.rejection.pointer).toBe('/hotWork');
  });

  it('the applied event records what was observed and what was derived', () => {
    const run = applied({ situations: ['major_hazard_tank_dike'], openAir: true, windForce: 3 });
    expect(run.log[0]?.data).toMatchObject({
      kind: 'hot_work',
      grade: 'special',
      hotWork: { situations: ['major_hazard_tank_dike'], openAir: true, windForce: 3, shutDown: [], siteGrade: 'special', downgraded: false, windRaised: false, grade: 'special' },
      rule: { id: 'gb30871.hot_work.special', approverRole: 'principal_leader' },
    });
  });
});
