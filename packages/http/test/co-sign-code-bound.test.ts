// An officer cannot make co-sign codes without limit (docs/security.md T73), against a real server
// (node:http, SQLite file for the hazards and the codes): at most CO_SIGN_POLICY.maxLiveCodes unused,
// unexpired codes at once; one more is 429 CO_SIGN_CODE_LIMITED saying, in both languages, when the
// earliest lapses, and nothing is kept. Regenerating a code he holds is not limited.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteCoSignCodeStore, createSqliteStore } from '@anjian/store-sqlite';
import { CO_SIGN_POLICY } from '@anjian/core/internal';
import { toNodeHandler } from '../src/index.js';
import { createHarness, MISMATCHES, type Transport } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-co-sign-bound-'));
const servers: Server[] = [];
const closers: (() => void)[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise<void>((done) => s.close(() => done()));
  for (const close of closers) close();
  rmSync(dir, { recursive: true, force: true });
});

const overNodeServer: Transport = (api) => {
  let base: Promise<string> | undefined;
  return async (request) => {
    base ??= new Promise((resolve) => {
      const server = createServer(toNodeHandler(api)).listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      servers.push(server);
    });
    const url = new URL(request.url);
    const body = request.method === 'GET' ? undefined : new Uint8Array(await request.arrayBuffer());
    return fetch(`${await base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body === undefined ? {} : { body }) });
  };
};

describe('co-sign codes over HTTP: a bounded number per officer (real server, SQLite)', () => {
  it('the code beyond maxLiveCodes is 429 CO_SIGN_CODE_LIMITED with when one frees, nothing kept; regenerating one he holds is 201', async () => {
    const coSignCodes = createSqliteCoSignCodeStore({ path: join(dir, 'codes.db') });
    closers.push(() => coSignCodes.close());
    const h = await createHarness('2026-11-02T01:00:00Z', createSqliteStore({ path: join(dir, 'store.db') }), '/api', overNodeServer, { coSignCodes });
    const max = CO_SIGN_POLICY.maxLiveCodes;
    const hazards: string[] = [];
    for (let i = 0; i <= max / 2; i++) hazards.push(await h.seed(`H-B${i}`, 'officer-gas-d1', { level: 'major' }));
    const pairs = hazards.flatMap((id) => ['file_case', 'issue_notice'].map((act) => [id, act] as const));
    const issue = ([id, act]: readonly [string, string], lang = 'zh-CN') => h.call('officer2-gas-d1', 'POST', `/hazards/${id}/co-sign-codes`, { body: { act }, headers: { 'accept-language': lang } });
    for (const pair of pairs.slice(0, max)) expect((await issue(pair)).status).toBe(201);
    const extra = pairs[max] as readonly [string, string];
    const refused = await issue(extra);
    expect([refused.status, refused.body.code]).toEqual([429, 'CO_SIGN_CODE_LIMITED']);
    expect(refused.body.detail).toContain('最早的一个于北京时间 09:05:00');
    const en = await issue(extra, 'en');
    expect([en.status, en.body.detail]).toEqual([429, expect.stringContaining('the earliest lapses at 09:05:00 China time')]);
    expect(await coSignCodes.live(`hazard:${extra[0]}`, extra[1], '2026-11-02T01:00:00.000Z')).toEqual([]);
    // Regenerating a code he holds replaces it: 201. Another officer is not limited by him.
    expect((await issue(pairs[0] as readonly [string, string])).status).toBe(201);
    expect((await h.call('officer-gas-d1', 'POST', `/hazards/${extra[0]}/co-sign-codes`, { body: { act: extra[1] } })).status).toBe(201);
    expect(MISMATCHES).toEqual([]);
  });
});
