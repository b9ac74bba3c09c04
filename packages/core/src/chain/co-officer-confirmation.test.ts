import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { reportCommand } from '../testing/chain-fixtures.js';

const why = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// 《行政处罚法》第四十二条: two officers, both present. The first officer naming a colleague is not
// enough: the named officer authenticates on the act with his own credential (the host passes who
// it authenticated as coSignerId), or the act is refused and nothing is written.
describe('the second officer confirms, he is not only named', () => {
  it('a case named with a colleague who did not authenticate is refused, says what to do, and writes nothing; his own confirmation files it', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-CO-1';
    await h.ok('grid-g1', reportCommand(id));
    const fileCase = { type: 'file_case' as const, hazardId: id, coOfficerId: 'officer2-gas-d1' };
    // Named only: the first officer alone sends it.
    const alone = await h.send('officer-gas-d1', { ...fileCase, commandId: 'c-alone' }, { coSignerId: null });
    expect('rejection' in alone && alone.rejection.code).toBe('SEPARATION_OF_DUTIES');
    const message = 'rejection' in alone ? alone.rejection.message : { 'zh-CN': '', en: '' };
    expect(message['zh-CN']).toContain('officer2-gas-d1');
    expect(message['zh-CN']).toContain('本人');
    expect(message.en).toContain('own session');
    // Someone else authenticated (the first officer's own second login, a third colleague): refused too.
    for (const coSignerId of ['officer-gas-d1', 'officer3-gas-d1']) {
      const other = await h.send('officer-gas-d1', { ...fileCase, commandId: `c-${coSignerId}` }, { coSignerId });
      expect('rejection' in other && other.rejection.code).toBe('SEPARATION_OF_DUTIES');
    }
    expect((await h.store.load(id))!.length).toBe(1);
    // The named officer authenticates on the act: both are recorded.
    const [filed] = await h.ok('officer-gas-d1', fileCase, { coSignerId: 'officer2-gas-d1' });
    expect((filed?.data as unknown as { officers: { id: string }[] }).officers.map((o) => o.id)).toEqual(['officer-gas-d1', 'officer2-gas-d1']);
  });

  it('an optional second officer (an officer’s notice) is confirmed the same way; without one the officer acts alone', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-CO-2';
    await h.ok('grid-g1', reportCommand(id));
    const notice = { type: 'issue_notice' as const, hazardId: id, coOfficerId: 'officer2-gas-d1' };
    const alone = await h.send('officer-gas-d1', { ...notice, commandId: 'c-n1' }, { coSignerId: null });
    expect('rejection' in alone && alone.rejection.code).toBe('SEPARATION_OF_DUTIES');
    // Without a confirmation the officer acts alone; a confirmation without a name derives the second officer from it.
    const [alone2] = await h.ok('officer-gas-d1', { type: 'issue_notice', hazardId: id }, { coSignerId: null });
    expect(alone2?.data).not.toHaveProperty('officers');
    await h.ok('grid-g1', reportCommand(`${id}b`));
    const [derived] = await h.ok('officer-gas-d1', { type: 'issue_notice', hazardId: `${id}b` }, { coSignerId: 'officer2-gas-d1' });
    expect((derived?.data as unknown as { officers: { id: string }[] }).officers.map((o) => o.id)).toEqual(['officer-gas-d1', 'officer2-gas-d1']);
  });

  it('a downgrade from major needs the second officer’s own confirmation as well', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-CO-3';
    await h.ok('grid-g1', reportCommand(id, { level: 'major' }));
    const lower = { type: 'reclassify' as const, hazardId: id, level: 'general' as const, reason: why('复核为一般隐患', 'reviewed: general'), coOfficerId: 'officer2-gas-d1' };
    const alone = await h.send('officer-gas-d1', { ...lower, commandId: 'c-l1' }, { coSignerId: null });
    expect('rejection' in alone && alone.rejection.code).toBe('SEPARATION_OF_DUTIES');
    await h.ok('officer-gas-d1', lower, { coSignerId: 'officer2-gas-d1' });
    expect((await h.state(id)).level).toBe('general');
  });
});
