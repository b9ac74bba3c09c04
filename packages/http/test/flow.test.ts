import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, type Store } from '@anjian/core';
import { verifyChain } from '@anjian/core/audit';
import { treatmentPlan } from '@anjian/core/testing';
import { createSqliteStore } from '../../store-sqlite/src/index.js';
import { toNodeHandler } from '../src/index.js';
import { basementLpgInspection, createHarness, noAlarmInspection, type Harness, type Transport } from './harness.js';

const reason = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real `http.createServer` on an ephemeral port, reached with `fetch`. */
const overNodeServer: Transport = (api) => {
  let server: Server | undefined;
  let base: Promise<string> | undefined;
  return async (request) => {
    base ??= new Promise((resolve) => {
      server = createServer(toNodeHandler(api)).listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`));
      cleanups.push(() => new Promise<void>((done) => server!.close(() => done())));
    });
    const url = new URL(request.url);
    const body = request.method === 'GET' ? undefined : new Uint8Array(await request.arrayBuffer());
    return fetch(`${await base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body === undefined ? {} : { body }) });
  };
};

const STORES: [string, () => Store, Transport | undefined][] = [
  ['memory store, in process', () => createMemoryStore(), undefined],
  [
    'SQLite file, through node:http and toNodeHandler',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'anjian-http-'));
      const store = createSqliteStore({ path: join(dir, 'anjian.db') });
      cleanups.push(() => {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      });
      return store;
    },
    overNodeServer,
  ],
];

async function send(h: Harness, actor: string, id: string, key: string, body: Record<string, unknown>, version?: number) {
  const headers: Record<string, string> = { 'idempotency-key': key };
  if (version !== undefined) headers['if-match'] = `"${version}"`;
  const r = await h.call(actor, 'POST', `/hazards/${id}/commands`, { body, headers });
  expect(r.status, `${actor} ${String(body.type)}: ${JSON.stringify(r.body)}`).toBe(200);
  return r;
}

describe.each(STORES)('full flow over HTTP — %s', (_name, makeStore, transport) => {
  it('general: self-inspection → hazard → grid notice → enterprise evidence → grid verify → close; queues and stats follow', async () => {
    const h = await createHarness('2026-11-02T01:00:00Z', makeStore(), '/api', transport);
    // The enterprise inspects itself: no gas alarm, a general hazard.
    const inspection = await h.call('owner-e1', 'POST', '/inspections?report=true', { body: noAlarmInspection(), headers: { 'idempotency-key': 'self-check-2026-11-02' } });
    expect(inspection.status).toBe(200);
    expect(inspection.body.classification.summary.highest).toBe('general');
    const [{ hazardId: id, version }] = inspection.body.reports;
    expect(version).toBe(1);

    expect((await h.call('owner-e1', 'GET', '/queues/enterprise')).body.items.map((i: { hazardId: string }) => i.hazardId)).toEqual([id]);
    const notice = await send(h, 'grid-g1', id, 'notice-1', { type: 'issue_notice' }, 1);
    const deadline = notice.body.events[0].data.deadline;
    expect(deadline).toBe('2026-11-11T15:59:59.999Z'); // 7 working days from Mon 2 Nov, end of day in Beijing

    h.clock.set('2026-11-04T01:30:00Z');
    // Photos are uploaded first (the server records when it received them), then referenced by id.
    const photos = [...(await h.upload('owner-e1', id, 'photo_before')), ...(await h.upload('owner-e1', id, 'photo_after', 2))];
    h.clock.set('2026-11-04T02:00:00Z');
    await send(h, 'owner-e1', id, 'rectify-1', { type: 'submit_rectification', evidence: photos, note: reason('已安装报警器', 'alarm installed') }, 2);
    expect((await h.call('grid-g1', 'GET', '/queues/grid')).body.items.map((i: { hazardId: string }) => i.hazardId)).toEqual([id]);

    h.clock.set('2026-11-05T02:00:00Z');
    // The owner cannot verify its own work.
    expect((await h.call('owner-e1', 'POST', `/hazards/${id}/commands`, { body: { type: 'verify' }, headers: { 'idempotency-key': 'self-verify' } })).status).toBe(403);
    await send(h, 'grid-g1', id, 'verify-1', { type: 'verify', note: reason('现场复查合格', 'checked on site') }, 3);
    const closed = await send(h, 'grid-g1', id, 'close-1', { type: 'close' }, 4);
    expect(closed.headers.get('etag')).toBe('"5"');

    const detail = await h.call('owner-e1', 'GET', `/hazards/${id}`);
    expect(detail.body.state).toMatchObject({ status: 'closed', closedBy: 'grid-g1', rectifierIds: ['owner-e1'], source: 'self_check' });
    expect(detail.body.history.map((e: { type: string }) => e.type)).toEqual(['reported', 'notice_issued', 'rectification_submitted', 'verified', 'closed']);
    expect(detail.body.history[0].data.findings[0].rule).toBe('DEMO-002-H1');
    expect((await h.call('grid-g1', 'GET', '/queues/grid')).body.items).toEqual([]);
    expect((await h.call('owner-e1', 'GET', '/queues/enterprise')).body.items).toEqual([]);
    const stats = await h.call('admin-gas', 'GET', '/stats');
    expect(stats.body).toMatchObject({ total: 1, closed: 1, closureRate: 1, overdue: 0, byStatus: { closed: 1 } });
    expect(verifyChain(await h.store.readLog(1, 100)).ok).toBe(true);
  });

  it('major: file case, plan, stop-work, rectification, accept and close by an officer who is neither reporter nor rectifier', async () => {
    const h = await createHarness('2026-11-02T01:00:00Z', makeStore(), '/api', transport);
    // An enforcement officer finds LPG used in a basement kitchen.
    const found = await h.call('officer-gas-d1', 'POST', '/inspections?report=true', {
      body: basementLpgInspection(),
      headers: { 'idempotency-key': 'patrol-b1' },
    });
    expect(found.status).toBe(200);
    const [{ hazardId: id, rule }] = found.body.reports;
    expect(rule).toBe('DEMO-001-H1');
    expect((await h.call('officer-gas-d1', 'GET', '/queues/enforcement')).body.items.map((i: { hazardId: string }) => i.hazardId)).toEqual([id]);

    // Enforcement acts are done by two officers (执法人员不得少于两人).
    await send(h, 'officer-gas-d1', id, 'case-1', { type: 'file_case', coOfficerId: 'officer2-gas-d1' }, 1);
    await send(h, 'officer-gas-d1', id, 'stop-1', { type: 'order_stop_work', scope: 'whole', reason: reason('立即停止使用液化气', 'stop using LPG at once'), coOfficerId: 'officer2-gas-d1' }, 2);
    h.clock.advance(86_400_000);
    await send(h, 'owner-e1', id, 'plan-1', { type: 'submit_plan', plan: treatmentPlan('2026-11-20T09:00:00.000Z') }, 3);
    // The plan's date becomes the deadline only when an officer approves the plan.
    expect((await h.call('officer2-gas-d1', 'GET', `/hazards/${id}`)).body.state.deadline).toBeNull();
    await send(h, 'officer2-gas-d1', id, 'approve-1', { type: 'approve_plan' }, 4);
    expect((await h.call('officer2-gas-d1', 'GET', `/hazards/${id}`)).body.state.deadline).toBe('2026-11-20T09:00:00.000Z');
    h.clock.set('2026-11-10T01:00:00Z');
    const ev = [...(await h.upload('owner-e1', id, 'photo_before')), ...(await h.upload('owner-e1', id, 'photo_after', 3)), ...(await h.upload('owner-e1', id, 'document'))];
    h.clock.set('2026-11-10T02:00:00Z');
    await send(h, 'owner-e1', id, 'rectify-m', { type: 'submit_rectification', evidence: ev }, 5);

    h.clock.set('2026-11-12T02:00:00Z');
    const accept = { type: 'accept', note: reason('现场验收合格', 'accepted on site'), coOfficerId: 'officer3-gas-d1' };
    // The reporting officer may not accept; neither may the enterprise nor a grid inspector.
    for (const actor of ['officer-gas-d1', 'owner-e1', 'grid-g1']) {
      const refused = await h.call(actor, 'POST', `/hazards/${id}/commands`, { body: accept, headers: { 'idempotency-key': `accept-by-${actor}`, 'if-match': '"6"' } });
      expect(refused.status, actor).toBe(403);
    }
    await send(h, 'officer2-gas-d1', id, 'accept-1', accept, 6);
    // 销号 by an officer other than the one who accepted.
    const close = { type: 'close', note: reason('销号', 'written off'), coOfficerId: 'officer2-gas-d1' };
    const alone = await h.call('officer2-gas-d1', 'POST', `/hazards/${id}/commands`, {
      body: { ...close, coOfficerId: 'officer3-gas-d1' },
      headers: { 'idempotency-key': 'close-by-acceptor', 'if-match': '"7"' },
    });
    expect(alone.status).toBe(403);
    const closedTwice = await send(h, 'officer3-gas-d1', id, 'close-m', close, 7);
    const replay = await h.call('officer3-gas-d1', 'POST', `/hazards/${id}/commands`, { body: close, headers: { 'idempotency-key': 'close-m', 'if-match': '"7"' } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(closedTwice.body);

    // 复产: two officers lift the stop-work order after review; 摘牌 needs a listing first.
    await send(h, 'officer2-gas-d1', id, 'lift-1', { type: 'lift_stop_work', note: reason('经审查同意复产', 'production may resume'), coOfficerId: 'officer3-gas-d1' }, 8);
    const delist = await h.call('officer2-gas-d1', 'POST', `/hazards/${id}/commands`, {
      body: { type: 'delist', note: reason('摘牌', 'end the listing'), coOfficerId: 'officer3-gas-d1' },
      headers: { 'idempotency-key': 'delist-1', 'if-match': '"9"' },
    });
    expect([delist.status, delist.body.code]).toEqual([422, 'NOT_LISTED']);

    const detail = await h.call('officer2-gas-d1', 'GET', `/hazards/${id}`);
    expect(detail.body.state).toMatchObject({ status: 'closed', level: 'major', acceptedBy: 'officer2-gas-d1', closedBy: 'officer3-gas-d1', reporterId: 'officer-gas-d1', stopWork: null });
    expect(detail.body.history.map((e: { type: string }) => e.type)).toEqual([
      'reported',
      'case_filed',
      'stop_work_ordered',
      'plan_submitted',
      'plan_approved',
      'rectification_submitted',
      'accepted',
      'closed',
      'stop_work_lifted',
    ]);
    expect((await h.call('officer-gas-d1', 'GET', '/queues/enforcement')).body.items).toEqual([]);
    expect((await h.call('admin-gas', 'GET', '/stats?level=major')).body).toMatchObject({ total: 1, closed: 1, closureRate: 1 });
    const log = await h.store.readLog(1, 100);
    expect(log).toHaveLength(9);
    expect(verifyChain(log).ok).toBe(true);
    // The refusals were recorded as denials, never as events.
    expect((await h.store.readDenials(1, 100)).map((d) => d.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'SEPARATION_OF_DUTIES', 'NOT_LISTED']);
  });
});
