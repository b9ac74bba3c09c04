import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { reportCommand } from '../testing/chain-fixtures.js';

// A command sent at the wrong step used to be refused with only "not possible in the hazard’s
// current state": the developer (or the officer) could not tell which step the hazard is at
// nor when the command becomes possible.
describe('INVALID_TRANSITION names the command, the status and where the command is possible', () => {
  it('verify before the rectification is submitted', async () => {
    const h = createHarness('2026-11-03T02:00:00Z');
    await h.ok('grid-g1', reportCommand('H-T1'));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-T1' });
    const r = await h.send('grid-g1', { type: 'verify', hazardId: 'H-T1' });
    expect('rejection' in r && r.rejection.code).toBe('INVALID_TRANSITION');
    const message = 'rejection' in r ? r.rejection.message : { 'zh-CN': '', en: '' };
    expect(message.en).toBe('not possible in the hazard’s current state: "verify" is not possible on a general hazard in status "rectifying" (possible in: "submitted")');
    expect(message['zh-CN']).toBe('隐患当前状态下不能执行此操作：一般事故隐患（general）处于 “rectifying” 状态，不能执行 “verify”（可执行的状态：“submitted”）');
  });

  it('a command that does not apply to the level says which levels it applies to', async () => {
    const h = createHarness('2026-11-03T02:00:00Z');
    await h.ok('grid-g1', reportCommand('H-T2'));
    const r = await h.send('officer-gas-d1', { type: 'approve_plan', hazardId: 'H-T2' });
    expect('rejection' in r && r.rejection.code).toBe('INVALID_TRANSITION');
    const message = 'rejection' in r ? r.rejection.message : { 'zh-CN': '', en: '' };
    expect(message.en).toBe('not possible in the hazard’s current state: "approve_plan" does not apply to a general hazard (only to: major)');
    expect(message['zh-CN']).toBe('隐患当前状态下不能执行此操作：“approve_plan” 不适用于一般事故隐患（general），仅适用于：重大事故隐患（major）');
  });
});
