// Decision 010, update — content binding over HTTP, against a real server (node:http, SQLite
// file for the hazards and the co-sign codes): the second officer confirms a ¥20 000 fine when
// he generates his code; the first officer (here the attacker) submits a ¥50 000 notice, or
// another legal basis, with it. Refused at the field, the act not recorded, the audit unchanged;
// the co-signed notice still goes through with the same code.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteCoSignCodeStore, createSqliteStore } from '@anjian/store-sqlite';
import { toNodeHandler } from '../src/index.js';
import { createHarness, MISMATCHES, type Transport } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-co-sign-content-'));
const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise<void>((done) => s.close(() => done()));
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

const why = { 'zh-CN': '逾期未整改', en: 'not rectified in time' };
const fine = (fineAmount: number, article = 'work-safety-law-2021/102') => ({ article, kind: 'fine', fineAmount });

let n = 0;
async function caseFiled() {
  const path = join(dir, `content-${++n}.db`);
  const h = await createHarness('2026-11-02T01:00:00Z', createSqliteStore({ path }), '/api', overNodeServer, { coSignCodes: createSqliteCoSignCodeStore({ path }) });
  const id = await h.seed(`H-CC-${n}`, 'grid-g1', { level: 'general' });
  expect((await h.call('grid-g1', 'POST', `/hazards/${id}/commands`, { body: { type: 'escalate', reason: why }, headers: { 'idempotency-key': `esc-${n}` } })).status).toBe(200);
  // The case is filed with the second officer's code (the harness has him generate it).
  expect((await h.call('officer-gas-d1', 'POST', `/hazards/${id}/commands`, { body: { type: 'file_case', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': `fc-${n}` } })).status).toBe(
    200,
  );
  const notify = (penalty: unknown, code: string, key: string) =>
    h.call('officer-gas-d1', 'POST', `/hazards/${id}/commands`, { body: { type: 'notify_penalty', penalty }, headers: { 'idempotency-key': key, 'co-sign-code': code } });
  const record = async () => ({
    events: (await h.store.readLog(1, 1000)).length,
    audit: (await h.call('officer-gas-d1', 'GET', `/hazards/${id}/audit`)).body,
    version: (await h.call('officer-gas-d1', 'GET', `/hazards/${id}`)).body.version,
  });
  return { h, id, notify, record };
}

describe('co-sign codes bind what the second officer co-signs (real server, SQLite)', () => {
  it('a code co-signed for a ¥20 000 fine does not confirm ¥50 000 or another article: 422 CO_SIGN_CONTENT_MISMATCH at the field, nothing recorded, the audit unchanged', async () => {
    const { h, id, notify, record } = await caseFiled();
    const issued = await h.call('officer2-gas-d1', 'POST', `/hazards/${id}/co-sign-codes`, { body: { act: 'notify_penalty', content: { penalty: fine(20_000) } } });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    // What he co-signs, as the server binds it: the fine he confirmed and the case's facts.
    expect(issued.body.content).toMatchObject({ penalty: fine(20_000), facts: { enterpriseId: 'E1', level: 'general', domain: 'gas' } });
    const before = await record();

    const more = await notify(fine(50_000), issued.body.code, 'attack-1');
    expect([more.status, more.body.code]).toEqual([422, 'CO_SIGN_CONTENT_MISMATCH']);
    expect(more.body.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/penalty/fineAmount']);
    expect(more.body.detail).toContain('/penalty/fineAmount');
    expect(more.body.detail).toMatch(/第二名执法人员确认/);
    const inEnglish = await h.call('officer-gas-d1', 'POST', `/hazards/${id}/commands`, {
      body: { type: 'notify_penalty', penalty: fine(20_000, 'work-safety-law-2021/101') },
      headers: { 'idempotency-key': 'attack-2', 'co-sign-code': issued.body.code, 'accept-language': 'en' },
    });
    expect([inEnglish.status, inEnglish.body.issues?.[0]?.pointer, inEnglish.body.detail]).toEqual([422, '/penalty/article', expect.stringContaining('not what the second officer co-signed')]);
    expect(await record()).toEqual(before);

    // The code was not burnt by the refusals: the notice he co-signed goes through with it, once.
    const right = await notify(fine(20_000), issued.body.code, 'right-1');
    expect(right.status, JSON.stringify(right.body)).toBe(200);
    const notified = right.body.events.find((e: { type: string }) => e.type === 'penalty_notified');
    expect([notified.data.penalty.fineAmount, notified.data.officers.map((o: { id: string }) => o.id)]).toEqual([20_000, ['officer-gas-d1', 'officer2-gas-d1']]);
    expect((await notify(fine(20_000), issued.body.code, 'right-2')).body.code).toBe('CO_SIGN_CODE_INVALID');
    expect(MISMATCHES).toEqual([]);
  });

  it('the content is required for an act that binds fields, and located when wrong (422 at /content/...)', async () => {
    const { h, id } = await caseFiled();
    const none = await h.call('officer2-gas-d1', 'POST', `/hazards/${id}/co-sign-codes`, { body: { act: 'notify_penalty' } });
    expect([none.status, none.body.issues?.[0]?.pointer]).toEqual([422, '/content']);
    const bad = await h.call('officer2-gas-d1', 'POST', `/hazards/${id}/co-sign-codes`, { body: { act: 'notify_penalty', content: { penalty: { ...fine(1), fineAmount: -5 } } } });
    expect([bad.status, bad.body.issues?.[0]?.pointer]).toEqual([422, '/content/penalty/fineAmount']);
    const filing = await h.call('officer2-gas-d1', 'POST', `/hazards/${id}/co-sign-codes`, { body: { act: 'issue_notice' } });
    expect([filing.status, Object.keys(filing.body.content)]).toEqual([201, ['facts']]);
  });
});
