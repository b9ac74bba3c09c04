import { describe, expect, it } from 'vitest';
import { permitApprovalRefusal } from './permit-approval.js';
import { DEFAULT_PERMIT_RULES } from './permit-rules.js';
import { applicant, applyCommand, attendant, leader, PermitRun, unit } from './permit-harness.test-util.js';

/** A confined-space permit of E-1 waiting for approval (its rule: approved by the workplace unit). */
function confinedSpace(): PermitRun {
  const run = new PermitRun();
  const applied = run.do(applyCommand({ kind: 'confined_space', grade: 'none', premises: 'general', flammableLelPctVol: undefined }), applicant, 0);
  if (!applied.ok) throw new Error(JSON.stringify(applied.rejection));
  return run;
}

describe('who may approve a permit (permitApprovalRefusal, the rule decidePermit applies)', () => {
  it('someone without the approver role is told, in words, which role approves', () => {
    const run = confinedSpace();
    const refusal = permitApprovalRefusal(run.state!, leader, DEFAULT_PERMIT_RULES);
    expect(refusal?.code).toBe('APPROVER_ROLE');
    expect(refusal?.message['zh-CN']).toContain('所在基层单位');
    expect(refusal?.message.en).toContain('Workplace unit');
    expect(refusal?.message['zh-CN']).not.toContain('须由 unit');
    expect(refusal?.message.en).not.toContain('approved by unit');
    // decidePermit refuses with the very same words.
    const decided = run.do({ type: 'approve' }, leader, 1);
    expect(decided.ok ? null : decided.rejection).toEqual(refusal);
  });

  it('the holder of the role may approve; the attendant may not, even with the role', () => {
    const run = confinedSpace();
    expect(permitApprovalRefusal(run.state!, unit, DEFAULT_PERMIT_RULES)).toBeNull();
    expect(permitApprovalRefusal(run.state!, { id: attendant.id, roles: ['unit'] }, DEFAULT_PERMIT_RULES)?.code).toBe('SEPARATION_OF_DUTIES');
    expect(run.do({ type: 'approve' }, unit, 1).ok).toBe(true);
  });
});
