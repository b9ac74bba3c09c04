// 非现场执法 (off-site enforcement) over HTTP: a device reports a major hazard with its readings
// as evidence; officers whose department covers monitoring read it and the readings, and file a
// case from it with a second officer; an officer without the monitoring domain reads nothing.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePack, createMemoryEvidenceStore, createMemoryStore, createStaticDirectory, type ActorProfile } from '@anjian/core';
import { createDeviceTracker, createMemoryDeviceRegistry, ingestSensorMessage } from '@anjian/core/monitoring';
import { loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES, testDevice } from '@anjian/core/testing';
import { createAnjianApi } from '../src/index.js';

const monitoringOfficer = (id: string, certificateNo: string): ActorProfile => ({
  id,
  roles: ['enforcement'],
  certificateNo,
  departments: [{ id: 'yjj-d1', domains: ['gas', 'monitoring'], areas: ['D1'] }],
});

describe('off-site enforcement (非现场执法) from sensor evidence, over HTTP', () => {
  it('a switched-off detector at a listed place: the officers read the hazard and its readings, and file a case with two officers', async () => {
    const loaded = await loadPackFromPath(fileURLToPath(new URL('../../../checklists/sensors', import.meta.url)));
    if (!loaded.ok) throw new Error('the sensors pack does not load');
    const pack = compilePack(loaded.pack);
    const clock = createFixedClock('2026-12-07T01:00:00.000Z');
    const store = createMemoryStore();
    const evidence = createMemoryEvidenceStore();
    const device = testDevice('GD-0001');
    const directory = createStaticDirectory(
      [...Object.values(TEST_ACTORS), monitoringOfficer('officer-mon-1', 'YJJ-D1-0001'), monitoringOfficer('officer-mon-2', 'YJJ-D1-0002'), { id: device.principalId, roles: ['system'] }],
      TEST_ENTERPRISES,
    );
    const registry = createMemoryDeviceRegistry();
    await registry.putDevice(device);
    const chain = { store, clock, directory, calendar: TEST_CALENDAR_2026, evidence, packs: new Map([['sensors', pack]]) };
    const r = await ingestSensorMessage({ registry, clock, chain, tracker: createDeviceTracker({ pack }) }, JSON.stringify({ v: 1, device: 'GD-0001', id: 'g-1', type: 'disabled' }));
    if (r.kind !== 'processed') throw new Error(r.detail);
    const hazardId = r.opened[0]!.hazardIds[0]!;

    const api = createAnjianApi({
      store,
      directory,
      calendar: TEST_CALENDAR_2026,
      clock,
      packs: [loaded.pack],
      evidence,
      authenticate: async (req) => req.headers.get('x-actor'),
    });
    const call = (actor: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      api.fetch(
        new Request(`http://test.local${path}`, {
          method,
          headers: { 'x-actor': actor, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );

    const read = await call('officer-mon-1', 'GET', `/hazards/${hazardId}`);
    expect(read.status).toBe(200);
    const hazard = (await read.json()) as { state: { level: string; source: string; status: string; domain: string; reportEvidence: Array<{ id: string; kind: string; sha256: string }> } };
    expect(hazard.state).toMatchObject({ level: 'major', source: 'sensor', status: 'reported', domain: 'monitoring' });
    const [doc] = hazard.state.reportEvidence;
    expect(doc?.kind).toBe('document');
    const file = await call('officer-mon-1', 'GET', `/evidence/${doc!.id}`);
    expect([file.status, file.headers.get('etag'), file.headers.get('content-type')]).toEqual([200, `"${doc!.sha256}"`, 'application/json']);
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="${doc!.id}.json"`);
    const readings = JSON.parse(await file.text()) as { device: { id: string; place: { name: string; listed: boolean } }; readings: Array<{ type: string; messageId: string }> };
    expect([readings.device.id, readings.device.place.listed, readings.readings.map((x) => [x.type, x.messageId])]).toEqual(['GD-0001', true, [['disabled', 'g-1']]]);

    // An officer whose department does not cover monitoring sees neither the hazard nor its readings.
    expect((await call('officer-gas-d1', 'GET', `/hazards/${hazardId}`)).status).toBe(404);
    expect((await call('officer-gas-d1', 'GET', `/evidence/${doc!.id}`)).status).toBe(404);
    expect((await call('officer-gas-d1', 'POST', `/hazards/${hazardId}/commands`, { type: 'file_case' }, { 'idempotency-key': 'c-0' })).status).not.toBe(200);
    expect((await call('officer2-gas-d1', 'POST', `/hazards/${hazardId}/co-sign-codes`, { act: 'file_case' })).status).toBe(404);

    // Two officers file the case from the sensor evidence (立案), no site visit first: the second gives his co-sign code.
    const issued = await call('officer-mon-2', 'POST', `/hazards/${hazardId}/co-sign-codes`, { act: 'file_case' });
    expect(issued.status, await issued.clone().text()).toBe(201);
    const { code } = (await issued.json()) as { code: string };
    const filed = await call('officer-mon-1', 'POST', `/hazards/${hazardId}/commands`, { type: 'file_case' }, { 'idempotency-key': 'c-1', 'if-match': '"1"', 'co-sign-code': code });
    expect(filed.status, await filed.clone().text()).toBe(200);
    const after = (await (await call('officer-mon-2', 'GET', `/hazards/${hazardId}`)).json()) as {
      state: { status: string; caseNo: string | null; caseFiledAt: string | null };
      history: Array<{ type: string; actor: { id: string }; data: { officers?: Array<{ id: string }> } }>;
    };
    // No typed number: the case's number is its 立案审批表's 文号 in the document register.
    expect([after.state.status, after.state.caseNo, typeof after.state.caseFiledAt]).toEqual(['case_filed', null, 'string']);
    const caseEvent = after.history.find((e) => e.type === 'case_filed')!;
    expect([caseEvent.actor.id, caseEvent.data.officers?.map((o) => o.id)]).toEqual(['officer-mon-1', ['officer-mon-1', 'officer-mon-2']]);
    // The enterprise reads its hazard and the case; the other enterprise nothing.
    expect((await call('owner-e1', 'GET', `/hazards/${hazardId}`)).status).toBe(200);
    expect((await call('owner-e2', 'GET', `/hazards/${hazardId}`)).status).toBe(404);
  });
});
