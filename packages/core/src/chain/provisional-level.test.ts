import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { reportCommand } from '../testing/chain-fixtures.js';

const reason = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// A provisional level (疑似: every citation superseded or unverified) is a suggestion. An
// enforcement act that rests on the level — filing a case — waits for an officer's confirm_level.
describe('a provisional level holds back the acts that rest on it', () => {
  it('a provisional general hazard is not filed as a case from reported until its level is confirmed; the refusal says what to do', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-PROV-GEN';
    await h.ok('grid-g1', reportCommand(id, { level: 'general', provisional: true }));
    const fileCase = { type: 'file_case' as const, hazardId: id, coOfficerId: 'officer2-gas-d1' };
    await h.refused('officer-gas-d1', fileCase, 'PROVISIONAL_UNCONFIRMED');
    const refusal = await h.send('officer-gas-d1', { ...fileCase, commandId: 'c-prov-msg' });
    // In words a user of any UI reads, not the command's id.
    expect(JSON.stringify('rejection' in refusal && refusal.rejection.message)).not.toContain('confirm_level');
    expect('rejection' in refusal && refusal.rejection.message).toMatchObject({
      'zh-CN': expect.stringContaining('请先由有管辖权的执法人员“确认等级”'),
      en: expect.stringContaining('first confirms the level ("confirm level"'),
    });
    // The ordinary general path does not rest on an officer's confirmation: the grid still issues its notice.
    await h.ok('officer-gas-d1', { type: 'confirm_level', hazardId: id, level: 'general', reason: reason('依据已核实', 'basis verified') });
    await h.ok('officer-gas-d1', fileCase);
    expect((await h.state(id)).status).toBe('case_filed');
  });

  it('an escalated provisional simple hazard is not filed as a case either', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-PROV-SIMPLE';
    await h.ok('grid-g1', reportCommand(id, { level: 'simple', deadline: 'immediate', provisional: true }));
    await h.ok('grid-g1', { type: 'escalate', hazardId: id, reason: reason('拒不整改', 'refuses to fix') });
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'officer2-gas-d1' }, 'PROVISIONAL_UNCONFIRMED');
  });

  it('a provisional general hazard still follows the notice path (the notice does not rest on an officer’s determination)', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-PROV-NOTICE';
    await h.ok('grid-g1', reportCommand(id, { level: 'general', provisional: true }));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
    expect((await h.state(id)).status).toBe('rectifying');
  });
});
