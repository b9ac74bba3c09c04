/**
 * Permit texts over a real `node:http` server (docs/security.md T70): a worker id with a bidi
 * override or made only of invisible characters, a gas test's instrument or place with a control
 * character, are 422 INVALID_COMMAND at the field's pointer in both languages, and nothing is stored.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory, type ActorProfile } from '@anjian/core';
import { createMemoryPermitStore, type PermitStore } from '@anjian/core/internal';
import { loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi, toNodeHandler } from '../src/index.js';

const E1 = { id: 'E1', name: '东方化工', area: 'D1/G1', regime: 'hazchem' } as const;
const ent = (id: string): ActorProfile => ({ id, roles: ['enterprise'], enterpriseIds: ['E1'] });
const ACTORS = ['foreman', 'safety', 'attendant', 'worker-1', '赵师\u202e傅', '\u200b'].map(ent);
const clock = createFixedClock('2026-12-07T00:00:00.000Z');
let store: PermitStore;
let server: Server;
let base = '';

beforeAll(async () => {
  const pack = await loadPackFromPath(fileURLToPath(new URL('../../../checklists/hazardous-work', import.meta.url)));
  if (!pack.ok) throw new Error('hazardous-work pack failed to load');
  store = createMemoryPermitStore();
  const api = createAnjianApi({
    store: createMemoryStore(),
    directory: createStaticDirectory(ACTORS, [E1]),
    calendar: TEST_CALENDAR_2026,
    clock,
    packs: [pack.pack],
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
    permits: { store, permitRoles: async (actorId) => (actorId === 'safety' ? ['safety_department'] : []) },
  });
  server = createServer(toNodeHandler(api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let keys = 0;
async function post(actor: string, path: string, body: unknown, lang = 'en'): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'x-actor': actor, 'idempotency-key': `t-${++keys}`, 'content-type': 'application/json', 'accept-language': lang },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const at = (minutes: number) => new Date(Date.parse('2026-12-07T00:00:00.000Z') + minutes * 60_000).toISOString();
const apply = (workerIds: string[]) => ({
  kind: 'hot_work',
  hotWork: { situations: ['hazardous_area'], openAir: false, shutDown: [] },
  enterpriseId: 'E1',
  workerIds,
  attendantId: 'attendant',
  validFrom: at(60),
  flammableLelPctVol: 2.5,
});

describe('permit texts over HTTP go through core checkText (T70)', () => {
  it('a worker id with a bidi override or of invisible characters only is 422 at /workerIds/<i>; a gas test instrument with CR LF or NUL is 422 at its field', async () => {
    for (const bad of ['赵师\u202e傅', '\u200b']) {
      const r = await post('foreman', '/permits', apply(['worker-1', bad]));
      expect([r.status, r.body.code, r.body.issues?.[0]?.pointer]).toEqual([422, 'INVALID_COMMAND', '/workerIds/1']);
    }
    const zh = await post('foreman', '/permits', apply(['赵师\u202e傅']), 'zh-CN');
    expect(JSON.stringify(zh.body)).toContain('双向文本控制字符');
    const ok = await post('foreman', '/permits', apply(['worker-1']));
    expect(ok.status).toBe(201);
    const id = ok.body.permit.permitId as string;
    clock.set(at(20));
    for (const [field, bad] of [
      ['instrument', 'PID\r\n7'],
      ['place', 'inlet\u0000'],
      ['place', '\u3000\u200d'],
    ] as const) {
      const r = await post('foreman', `/permits/${id}/gas-tests`, { sampledAt: at(19), instrument: 'PID-7', place: 'inlet', flammablePctVol: 0.1, [field]: bad });
      expect([r.status, r.body.code, r.body.issues?.[0]?.pointer], field).toEqual([422, 'INVALID_COMMAND', `/${field}`]);
    }
    const good = await post('foreman', `/permits/${id}/gas-tests`, { sampledAt: at(19), instrument: '四合一检测仪', place: '人孔下方 1 m', flammablePctVol: 0.1 });
    expect(good.status).toBe(200);
  });
});
