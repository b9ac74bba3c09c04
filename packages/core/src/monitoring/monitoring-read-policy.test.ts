import { describe, expect, it } from 'vitest';
import { foldEvents, handleCommand } from '../chain/handle-command.js';
import { canRead, readScopes } from '../chain/read-policy.js';
import { createStaticDirectory } from '../chain/static-directory.js';
import type { ActorProfile } from '../ports/directory.js';
import { TEST_ACTORS, TEST_ENTERPRISES } from '../testing/chain-fixtures.js';
import { ingestSensorMessage } from './ingest-sensor-message.js';
import { monitoringFixture } from './monitoring.test-util.js';

// Device warnings and sensor hazards are in the `sensors` pack's domain, `monitoring`: an
// enforcement officer reads them when a department of theirs covers `monitoring` in the area.
const officer = (id: string, domains: string[], areas = ['D1']): ActorProfile => ({ id, roles: ['enforcement'], certificateNo: `C-${id}`, departments: [{ id: `dept-${id}`, domains, areas }] });
const MON_1 = officer('officer-mon-1', ['gas', 'monitoring']);
const MON_2 = officer('officer-mon-2', ['monitoring']);
const MON_D2 = officer('officer-mon-d2', ['monitoring'], ['D2']);

describe('monitoring: who reads device warnings and sensor hazards, and the off-site case (非现场执法)', () => {
  it('the read-policy matrix for a sensor hazard of E1 (area D1/G1, domain monitoring)', () => {
    const hazard = { enterpriseId: 'E1', area: 'D1/G1', domain: 'monitoring' };
    const matrix = Object.fromEntries(
      [
        TEST_ACTORS['owner-e1']!,
        TEST_ACTORS['owner-e2']!,
        TEST_ACTORS['grid-g1']!,
        TEST_ACTORS['grid-g2']!,
        MON_1,
        MON_2,
        MON_D2,
        TEST_ACTORS['officer-gas-d1']!,
        TEST_ACTORS['officer-fire-d1']!,
        TEST_ACTORS['admin-gas']!,
        TEST_ACTORS.nobody!,
      ].map((a) => [a.id, canRead(readScopes(a), hazard)]),
    );
    expect(matrix).toEqual({
      'owner-e1': true,
      'owner-e2': false,
      'grid-g1': true,
      'grid-g2': false,
      'officer-mon-1': true,
      'officer-mon-2': true,
      'officer-mon-d2': false,
      'officer-gas-d1': false,
      'officer-fire-d1': false,
      'admin-gas': true,
      nobody: false,
    });
  });

  it('two monitoring officers file a case from a major sensor hazard through the chain; one without the domain cannot', async () => {
    const f = await monitoringFixture();
    const directory = createStaticDirectory([...f.devices.map((d) => ({ id: d.principalId, roles: ['system' as const] })), ...Object.values(TEST_ACTORS), MON_1, MON_2], TEST_ENTERPRISES);
    f.deps.chain = { ...f.chain, directory };
    const r = await ingestSensorMessage(f.deps, f.msg('D-listed', 'fault'));
    if (r.kind !== 'processed') throw new Error(r.detail);
    const hazardId = r.opened[0]!.hazardIds[0]!;
    expect(foldEvents(await f.store.load(hazardId))).toMatchObject({ level: 'major', source: 'sensor', status: 'reported' });
    const fileCase = (actor: string, co: string, n: string) => handleCommand(f.deps.chain, { type: 'file_case', commandId: `case-${n}`, hazardId, coOfficerId: co }, actor, { coSignerId: co });
    const refused = await fileCase('officer-gas-d1', 'officer2-gas-d1', '0');
    expect('rejection' in refused && refused.rejection.code).toBe('FORBIDDEN');
    const filed = await fileCase('officer-mon-1', 'officer-mon-2', '1');
    expect('rejection' in filed ? filed.rejection.code : 'ok').toBe('ok');
    expect(foldEvents(await f.store.load(hazardId))).toMatchObject({ status: 'case_filed' });
  });

  it('a general sensor hazard (a detector switched off, not at a listed place) is filed as a case at once too; a simple one (an alarm) is not', async () => {
    const f = await monitoringFixture();
    const directory = createStaticDirectory([...f.devices.map((d) => ({ id: d.principalId, roles: ['system' as const] })), ...Object.values(TEST_ACTORS), MON_1, MON_2], TEST_ENTERPRISES);
    f.deps.chain = { ...f.chain, directory };
    const opened = async (device: string, type: 'disabled' | 'alarm') => {
      const r = await ingestSensorMessage(f.deps, f.msg(device, type));
      if (r.kind !== 'processed') throw new Error(r.detail);
      return r.opened[0]!.hazardIds[0]!;
    };
    const fileCase = (hazardId: string, n: string) =>
      handleCommand(f.deps.chain, { type: 'file_case', commandId: `case-${n}`, hazardId, coOfficerId: 'officer-mon-2' }, 'officer-mon-1', {
        coSignerId: 'officer-mon-2',
      });
    const general = await opened('D-plain', 'disabled');
    expect(foldEvents(await f.store.load(general))).toMatchObject({ level: 'general', source: 'sensor', status: 'reported' });
    const filed = await fileCase(general, '7');
    expect('rejection' in filed ? filed.rejection.code : 'ok').toBe('ok');
    expect(foldEvents(await f.store.load(general))).toMatchObject({ status: 'case_filed' });
    // The case then orders the rectification (责令限期整改) as on the escalated path.
    const notice = await handleCommand(f.deps.chain, { type: 'issue_notice', commandId: 'notice-7', hazardId: general }, 'officer-mon-1');
    expect('rejection' in notice ? notice.rejection.code : 'ok').toBe('ok');
    expect(foldEvents(await f.store.load(general))?.status).toBe('rectifying');
    const simple = await opened('D-chem', 'alarm');
    expect(foldEvents(await f.store.load(simple))).toMatchObject({ level: 'simple', status: 'reported' });
    const refused = await fileCase(simple, '8');
    expect('rejection' in refused && refused.rejection.code).toBe('INVALID_TRANSITION');
    expect(foldEvents(await f.store.load(simple))?.status).toBe('reported');
  });
});
