/**
 * Hostile requests against the real demo portal (a server process on a free port, a
 * temporary data folder, no browser) aimed at the features added last: hazardous-work
 * hazardous-work permits. Each case is a defect found by attacking the
 * running portal over HTTP; the test replays the attack and checks the answer and that a
 * refusal wrote nothing (docs/security.md T19).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal({ browser: false });
});
afterAll(async () => {
  await portal?.stop();
});

let keys = 0;
const key = () => `attack-recent-${keys++}`;

/** Permit ids the owner of 绿园餐厅 can list: what a refused request must leave as it was. */
async function permitIds(): Promise<string[]> {
  const list = await portal.api('owner-lvyuan', 'GET', '/permits?enterpriseId=ent-lvyuan');
  expect(list.status).toBe(200);
  return (list.body.items as { permitId: string; version: number }[]).map((p) => `${p.permitId}@${p.version}`).sort();
}

describe('permit times are instants, never guessed (T19)', () => {
  const apply = (validFrom: string) => ({
    kind: 'confined_space',
    grade: 'none',
    premises: 'general',
    enterpriseId: 'ent-lvyuan',
    workerIds: ['赵师傅'],
    attendantId: 'attendant-lvyuan',
    validFrom,
  });
  // In ten minutes, written as the server's UTC wall clock without an offset: before the fix the
  // server read it as its own local time (on a UTC host ten minutes from now, in 北京时间 eight
  // hours earlier), so one string named two instants.
  const inTen = () => new Date(Date.now() + 10 * 60_000).toISOString();

  it('validFrom without an offset, or on a day that does not exist: 422 at /validFrom, no permit', async () => {
    const before = await permitIds();
    const noOffset = inTen().slice(0, 19);
    const feb30 = `${new Date().getUTCFullYear() + 1}-02-30T09:00:00Z`;
    for (const validFrom of [noOffset, `${noOffset.slice(0, 16)}`, feb30, `${inTen().slice(0, 10)}`]) {
      const r = await portal.api('owner-lvyuan', 'POST', '/permits', apply(validFrom), key());
      expect([r.status, r.body.code, r.body.issues?.[0]?.pointer], validFrom).toEqual([422, 'INVALID_COMMAND', '/validFrom']);
      expect(r.body.issues[0].message.en).toMatch(/offset/);
      expect(r.body.issues[0].message['zh-CN']).toMatch(/时区/);
    }
    expect(await permitIds()).toEqual(before);
    // With an offset it is a permit, the same instant whichever offset names it.
    const at = new Date(Date.now() + 20 * 60_000);
    at.setUTCSeconds(0, 0);
    const beijing = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const ok = await portal.api('owner-lvyuan', 'POST', '/permits', apply(beijing), key());
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(201);
    expect(ok.body.permit.validFrom).toBe(at.toISOString());
  });

  it('a gas test sampled at a time without an offset: 422 at /sampledAt, the permit unchanged', async () => {
    const applied = await portal.api('owner-lvyuan', 'POST', '/permits', apply(new Date(Date.now() + 60_000).toISOString()), key());
    expect(applied.status).toBe(201);
    const id: string = applied.body.permit.permitId;
    expect((await portal.api('safety-lvyuan', 'POST', `/permits/${id}/approve`, undefined, key())).status).toBe(200);
    const before = await permitIds();
    const reading = { instrument: '四合一气体检测仪', place: '井口下1米', o2PctVol: 20.9, flammablePctLel: 0 };
    for (const sampledAt of [new Date(Date.now() - 60_000).toISOString().slice(0, 19), `${new Date().getUTCFullYear()}-02-30T00:00:00Z`]) {
      const r = await portal.api('owner-lvyuan', 'POST', `/permits/${id}/gas-tests`, { ...reading, sampledAt }, key());
      expect([r.status, r.body.code, r.body.issues?.[0]?.pointer], sampledAt).toEqual([422, 'INVALID_COMMAND', '/sampledAt']);
    }
    expect(await permitIds()).toEqual(before);
    const ok = await portal.api('owner-lvyuan', 'POST', `/permits/${id}/gas-tests`, { ...reading, sampledAt: new Date(Date.now() - 60_000).toISOString() }, key());
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(200);
  });
});
