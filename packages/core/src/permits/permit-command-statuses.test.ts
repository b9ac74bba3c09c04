import { describe, expect, it } from 'vitest';
import { decidePermit } from './decide-permit.js';
import { OPEN_PERMIT_STATUSES, PERMIT_COMMAND_STATUSES, permitStatusAllows, type PermitStepType } from './permit-command-statuses.js';
import { DEFAULT_PERMIT_RULES } from './permit-rules.js';
import { applicant, applyCommand, at, attendant, PermitRun, reading, safety, tester } from './permit-harness.test-util.js';
import type { PermitCommand, PermitState } from './permit-types.js';

/** A first-grade hot-work permit in each status (approved at -30, tested at -5, started at 0). */
function permitsByStatus(): Map<string, { state: PermitState; minute: number }> {
  const out = new Map<string, { state: PermitState; minute: number }>();
  const run = new PermitRun();
  run.ok(applyCommand(), applicant, -60);
  out.set('applied', { state: run.state!, minute: -50 });
  const cancelled = new PermitRun();
  cancelled.record(run.log);
  cancelled.ok({ type: 'cancel', reason: 'rain' }, applicant, -50);
  out.set('cancelled', { state: cancelled.state!, minute: -40 });
  run.ok({ type: 'approve' }, safety, -30);
  run.ok({ type: 'record_gas_test', reading: reading(-5, { flammablePctVol: 0.1 }) }, tester, -5);
  run.ok({ type: 'attendant_present' }, attendant, -2);
  out.set('approved', { state: run.state!, minute: -1 });
  const expired = new PermitRun();
  expired.record(run.log);
  expired.tick(9 * 60);
  out.set('expired', { state: expired.state!, minute: 9 * 60 + 1 });
  run.ok({ type: 'start' }, applicant, 0);
  out.set('in_progress', { state: run.state!, minute: 1 });
  run.ok({ type: 'attendant_absent' }, applicant, 2);
  out.set('suspended', { state: run.state!, minute: 3 });
  const closed = new PermitRun();
  closed.record(run.log);
  closed.ok({ type: 'close' }, applicant, 4);
  out.set('closed', { state: closed.state!, minute: 5 });
  return out;
}

const COMMANDS: Record<PermitStepType, PermitCommand> = {
  approve: { type: 'approve' },
  record_gas_test: { type: 'record_gas_test', reading: reading(0, { flammablePctVol: 0.1 }) },
  start: { type: 'start' },
  record_reading: { type: 'record_reading', reading: reading(0, { flammablePctVol: 0.1 }) },
  attendant_present: { type: 'attendant_present' },
  attendant_absent: { type: 'attendant_absent' },
  resume: { type: 'resume' },
  close: { type: 'close' },
  cancel: { type: 'cancel', reason: 'rain' },
};

describe('PERMIT_COMMAND_STATUSES (which command each status takes)', () => {
  it('is the lifecycle decidePermit applies: WRONG_STATUS exactly outside the table, for every command in every status', () => {
    const permits = permitsByStatus();
    expect([...permits.keys()].sort()).toEqual(['applied', 'approved', 'cancelled', 'closed', 'expired', 'in_progress', 'suspended']);
    for (const [status, { state, minute }] of permits) {
      for (const type of Object.keys(COMMANDS) as PermitStepType[]) {
        const command = type.startsWith('record_') ? { ...COMMANDS[type], reading: reading(minute, { flammablePctVol: 0.1 }) } : COMMANDS[type];
        const actor = type === 'attendant_present' ? attendant : type === 'approve' ? safety : applicant;
        const d = decidePermit(state, command as PermitCommand, actor, at(minute), { rules: DEFAULT_PERMIT_RULES });
        const wrong = !d.ok && d.rejection.code === 'WRONG_STATUS';
        expect(wrong, `${type} in ${status}: ${d.ok ? 'ok' : d.rejection.code}`).toBe(!permitStatusAllows(type, status as PermitState['status']));
      }
    }
  });

  it('names the lifecycle of docs/permits.md', () => {
    expect(PERMIT_COMMAND_STATUSES).toEqual({
      approve: ['applied'],
      record_gas_test: ['applied', 'approved', 'suspended'],
      start: ['approved'],
      record_reading: ['in_progress', 'suspended'],
      attendant_present: OPEN_PERMIT_STATUSES,
      attendant_absent: OPEN_PERMIT_STATUSES,
      resume: ['suspended'],
      close: ['in_progress', 'suspended', 'expired'],
      cancel: ['applied', 'approved', 'suspended'],
    });
    expect(permitStatusAllows('start', 'approved')).toBe(true);
    expect(permitStatusAllows('record_gas_test', 'in_progress')).toBe(false);
    expect(permitStatusAllows('no_such' as PermitStepType, 'applied')).toBe(false);
  });
});
