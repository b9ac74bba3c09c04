/**
 * Bounds of rounds and 双随机 draws on a real `node:http` server: a draw's count is 1 up to the
 * round's population (`count: 1e9` was recorded as asked and selected everyone), and a round's
 * days start no earlier than 2000-01-01 and last at most 1,096 days (1000-01-01 … 9999-12-31
 * was accepted, and coverage then read every inspection of the area on each GET /rounds); a
 * round's coverage reads the inspections of its days only, not those before or after them.
 * Refusals are 422, located, in both languages, and append nothing to the round log.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory } from '@anjian/core';
import { createMemoryInspectionLog, createMemoryRentalDirectory, createMemoryRoundStore, type RoundStore } from '@anjian/core/internal';
import type { InspectionLog } from '@anjian/core/ports';
import { createFixedClock, TEST_CALENDAR_2026, testInspectionRecord } from '@anjian/core/testing';
import { createAnjianApi, toNodeHandler } from '../src/index.js';
import { demoKitchen } from './harness.js';

const ENTERPRISES = [
  { id: 'E1', name: '老王饭店', area: 'D1/G1' },
  { id: 'E2', name: '红星厂房', area: 'D1/G1' },
  { id: 'E3', name: '如意宾馆', area: 'D1/G2' },
];
const ROUND = { id: 'R-1', kind: 'special_campaign', title: { 'zh-CN': '十一月专项' }, packId: 'demo-kitchen', scope: { area: 'D1' }, startsOn: '2026-11-01', endsOn: '2026-11-30' };

let server: Server;
let base: string;
let rounds: RoundStore;
const clock = createFixedClock('2026-11-02T01:00:00Z');
// The inspection log, counting the records it hands out: the work a coverage does.
const log = createMemoryInspectionLog();
let rowsRead = 0;
const counted: InspectionLog = {
  recordInspection: (r) => log.recordInspection(r),
  readInspection: (id) => log.readInspection(id),
  listInspections: async (q) => {
    const page = await log.listInspections(q);
    rowsRead += page.length;
    return page;
  },
};

beforeAll(async () => {
  rounds = createMemoryRoundStore();
  const api = createAnjianApi({
    store: createMemoryStore(),
    directory: createStaticDirectory([{ id: 'admin', roles: ['department_admin'] }], ENTERPRISES),
    calendar: TEST_CALENDAR_2026,
    clock,
    packs: [await demoKitchen()],
    inspections: counted,
    relations: { rental: createMemoryRentalDirectory({ premises: [], tenancies: [] }), rounds, enterprises: () => ENTERPRISES, roundSeedKey: new Uint8Array(32).fill(5) },
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
  });
  server = createServer(toNodeHandler(api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

type Problem = { code: string; detail: string; issues: Array<{ code: string; pointer: string; message: { 'zh-CN': string; en: string } }> };
async function post(path: string, body: unknown, key?: string): Promise<{ status: number; body: Problem & Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'x-actor': 'admin', 'content-type': 'application/json', 'accept-language': 'zh-CN', ...(key === undefined ? {} : { 'idempotency-key': key }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Problem & Record<string, unknown> };
}

describe('round and draw bounds over HTTP', () => {
  it('a round from 1000-01-01 to 9999-12-31, or longer than three years, is refused, located and bilingual; a three-year campaign opens', async () => {
    for (const [dates, pointer] of [
      [{ startsOn: '1000-01-01', endsOn: '9999-12-31' }, '/startsOn'],
      [{ startsOn: '2026-11-01', endsOn: '9999-12-31' }, '/endsOn'],
      [{ startsOn: '2026-01-01', endsOn: '2029-01-01' }, '/endsOn'],
    ] as const) {
      const refused = await post('/rounds', { ...ROUND, id: `bad-${dates.startsOn}-${dates.endsOn}`, ...dates });
      expect([refused.status, refused.body.code, refused.body.issues[0]!.code, refused.body.issues[0]!.pointer]).toEqual([422, 'INVALID_ROUND', 'DATE_RANGE', pointer]);
      expect(refused.body.issues[0]!.message['zh-CN']).toMatch(/2000-01-01|1096 天/);
      expect(refused.body.issues[0]!.message.en).toMatch(/2000-01-01|1096-day/);
    }
    // What the server derives, declared by the client: refused at its pointer, not silently dropped (201 before).
    for (const [extra, pointer] of [
      [{ seeds: { commitment: 'a'.repeat(64) } }, '/seeds'],
      [{ openedBy: 'someone-else' }, '/openedBy'],
      [{ openedAt: '2020-01-01T00:00:00Z' }, '/openedAt'],
    ] as const) {
      const refused = await post('/rounds', { ...ROUND, id: `declared${pointer.replace('/', '-')}`, ...extra });
      expect([refused.status, refused.body.code, refused.body.issues[0]!.code, refused.body.issues[0]!.pointer]).toEqual([422, 'INVALID_ROUND', 'UNKNOWN_FIELD', pointer]);
      expect(refused.body.issues[0]!.message['zh-CN']).toContain('轮次中没有字段');
      expect(refused.body.issues[0]!.message.en).toContain('a round has no field');
    }
    expect(await rounds.readRoundLog(1, 10)).toEqual([]);
    expect((await post('/rounds', { ...ROUND, id: 'three-years', startsOn: '2026-01-01', endsOn: '2028-12-31' })).status).toBe(201);
  });

  it('count 1e9 (and 0, 4, -1, 1.5) is refused at /count, nothing appended; the whole population can be drawn', async () => {
    expect((await post('/rounds', ROUND)).status).toBe(201);
    const before = (await rounds.readRoundLog(1, 100)).length;
    for (const [count, code] of [
      [1e9, 'COUNT_ABOVE_POPULATION'],
      [4, 'COUNT_ABOVE_POPULATION'],
      [0, 'INVALID_DRAW'],
      [-1, 'INVALID_DRAW'],
      [1.5, 'INVALID_DRAW'],
    ] as const) {
      const refused = await post('/rounds/R-1/draws', { count }, `k-${count}`);
      expect([refused.status, refused.body.code, refused.body.issues[0]!.code, refused.body.issues[0]!.pointer], String(count)).toEqual([422, 'INVALID_ROUND', code, '/count']);
      expect(refused.body.issues[0]!.message['zh-CN']).toContain('抽取数量');
      expect(refused.body.issues[0]!.message.en).toContain('count');
    }
    expect(await rounds.readRoundLog(1, 100)).toHaveLength(before);
    const all = await post('/rounds/R-1/draws', { count: 3 }, 'k-all');
    expect([all.status, (all.body.data as { selected: string[] }).selected.length]).toEqual([201, 3]);
  });

  it('coverage reads the round’s window only: a year of later inspections is not read on GET /rounds/{id}', async () => {
    const record = (id: string, recordedAt: string) => testInspectionRecord(id, { enterpriseId: 'E1', pack: { id: 'demo-kitchen', version: '1.0.0' }, source: 'grid_patrol', recordedAt });
    // R-1 runs 2026-11-01 … 2026-11-30 (China time): one patrol inside it, then 600 after it (a busy year).
    await log.recordInspection(record('in-window', '2026-11-10T02:00:00.000Z'));
    await log.recordInspection(record('in-last-hour', '2026-11-30T15:59:59.000Z')); // 23:59:59 on the last day
    await log.recordInspection(record('in-after', '2026-11-30T16:00:00.000Z')); // 00:00 on 12-01
    for (let i = 0; i < 600; i++) await log.recordInspection(record(`in-later-${i}`, new Date(Date.parse('2026-12-01T00:00:00Z') + i * 12 * 3_600_000).toISOString()));
    clock.set('2027-03-01T00:00:00Z');
    rowsRead = 0;
    const res = await fetch(`${base}/rounds/R-1`, { headers: { 'x-actor': 'admin' } });
    const body = (await res.json()) as { coverage: { entries: Array<{ enterpriseId: string; status: string; inspectionId?: string }> } };
    expect(body.coverage.entries.find((e) => e.enterpriseId === 'E1')).toMatchObject({ status: 'done', inspectionId: 'in-window' });
    expect(rowsRead).toBe(2); // the two in its days, not the 601 after
  });

  it('coverage reads the round’s window only: the inspections before its first day are not read either', async () => {
    const record = (id: string, recordedAt: string) => testInspectionRecord(id, { enterpriseId: 'E2', pack: { id: 'demo-kitchen', version: '1.0.0' }, source: 'grid_patrol', recordedAt });
    // E2 was patrolled every 12 hours for 300 days before R-1 (2026-11-01 … 11-30, China time), then once in it.
    for (let i = 0; i < 600; i++) await log.recordInspection(record(`in-earlier-${i}`, new Date(Date.parse('2026-01-05T00:00:00Z') + i * 12 * 3_600_000).toISOString()));
    await log.recordInspection(record('in-last-before', '2026-10-31T15:59:59.000Z')); // 23:59:59 on 10-31
    await log.recordInspection(record('in-first-hour', '2026-10-31T16:00:00.000Z')); // 00:00 on 11-01
    rowsRead = 0;
    const res = await fetch(`${base}/rounds/R-1`, { headers: { 'x-actor': 'admin' } });
    const body = (await res.json()) as { coverage: { entries: Array<{ enterpriseId: string; status: string; inspectionId?: string }> } };
    expect(body.coverage.entries.find((e) => e.enterpriseId === 'E2')).toMatchObject({ status: 'done', inspectionId: 'in-first-hour' });
    expect(rowsRead).toBe(3); // E1's two and E2's one in its days, not a page of 500 of E2's earlier ones
  });
});
