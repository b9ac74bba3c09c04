// Permit texts end to end: a job suspended (attendant gone) and a started job past its
// validity queue outbox rows with the events; the outbox relay delivers them through the
// SMS notifier to a real HTTP gateway on 127.0.0.1 — once each, also when run again.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRelay, toOutboxEnvelope } from '@anjian/core';
import { createMemoryPermitStore, DEFAULT_PERMIT_RULES, handlePermitCommand, PERMIT_APPROVAL_DUE_TOPIC, tickPermits, type PermitActor, type PermitCommand } from '@anjian/core/internal';
import { createFixedClock } from '@anjian/core/testing';
import { createSmsNotifier } from '../src/index.js';

// Everyone named on the permits is a person of E1 (the apply checks the attendant and the workers against the directory).
const staff = {
  resolve: async (id: string) => ({ id, roles: ['enterprise' as const], enterpriseIds: ['E1'] }),
  enterprise: async (id: string) => (id === 'E1' ? { id, name: 'E1', area: 'D1/G1', regime: 'hazchem' as const } : null),
};
const received: Array<{ key: string; mobile: string; content: string }> = [];
let server: Server;
let endpoint: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const { mobile, content } = JSON.parse(body) as { mobile: string; content: string };
      const key = String(req.headers['x-request-id']);
      if (!received.some((r) => r.key === key)) received.push({ key, mobile, content });
      res.writeHead(200).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('permit texts by SMS', () => {
  it('suspension and overdue-to-close reach the enterprise once each', async () => {
    const clock = createFixedClock('2026-12-07T00:00:00.000Z');
    const store = createMemoryPermitStore();
    const deps = { store, rules: DEFAULT_PERMIT_RULES, directory: staff };
    const run = async (command: PermitCommand, actor: PermitActor, minutes: number) => {
      clock.set(new Date(Date.parse('2026-12-07T00:00:00.000Z') + minutes * 60_000).toISOString());
      const r = await handlePermitCommand(deps, { permitId: 'pm-0000000000000000003f9a2c', command, actor, now: clock.now() });
      if (!r.ok) throw new Error(r.rejection.code);
    };
    const at = (m: number) => new Date(Date.parse('2026-12-07T00:00:00.000Z') + m * 60_000).toISOString();
    await run(
      {
        type: 'apply',
        permitId: 'pm-0000000000000000003f9a2c',
        kind: 'hot_work',
        hotWork: { situations: ['hazardous_area'], openAir: false, shutDown: [] },
        enterpriseId: 'E1',
        area: 'D1/G1',
        workerIds: ['w1'],
        attendantId: 'att',
        validFrom: at(0),
        flammableLelPctVol: 5,
      },
      { id: 'foreman', roles: [] },
      0,
    );
    await run({ type: 'approve' }, { id: 'safety', roles: ['safety_department'] }, 1);
    await run({ type: 'record_gas_test', reading: { sampledAt: at(2), instrument: 'PID', place: 'inlet', flammablePctVol: 0.1 } }, { id: 'tester', roles: [] }, 2);
    await run({ type: 'attendant_present' }, { id: 'att', roles: [] }, 3);
    await run({ type: 'start' }, { id: 'foreman', roles: [] }, 4);
    await run({ type: 'attendant_absent' }, { id: 'grid', roles: [] }, 30);
    clock.set(at(8 * 60 + 1));
    await tickPermits({ store }, clock.now());

    const sms = createSmsNotifier({
      endpoint,
      signature: '某区应急管理局',
      toRequest: ({ phone, text, idempotencyKey }) => ({ headers: { 'content-type': 'application/json', 'x-request-id': idempotencyKey }, body: JSON.stringify({ mobile: phone, content: text }) }),
    });
    const relay = createOutboxRelay({
      store,
      owner: 'sms-1',
      clock,
      deliver: async (m) => {
        const e = toOutboxEnvelope(m); // switch on e.kind narrows the payload: no cast
        if (e.kind !== 'permit.suspended' && e.kind !== 'permit.overdue_to_close') return { ok: false, retryable: false, error: `unexpected ${e.kind}` };
        const p = e.payload;
        return sms.deliver({ id: e.id, kind: e.kind, to: '13800138001', params: { enterprise: '东方化工', title: p.title, permitNo: p.permitNo, ...(p.reasonText ? { reason: p.reasonText } : {}) } });
      },
    });
    await relay.runOnce();
    await relay.runOnce();
    expect(received.map((r) => [r.key, r.content])).toEqual([
      ['permit/pm-0000000000000000003f9a2c/7/permit.suspended', '【某区应急管理局】东方化工：一级动火作业（XK-3F9A2C）已暂停：监护人离开现场。须复测合格、监护人到位方可恢复。'],
      ['permit/pm-0000000000000000003f9a2c/8/permit.overdue_to_close', '【某区应急管理局】东方化工：一级动火作业（XK-3F9A2C）已超过有效期仍未关闭，请立即停止作业并关闭作业票。'],
    ]);
    for (const r of received) expect(r.content.length).toBeLessThanOrEqual(70);
    expect((await store.readNotifications()).map((n) => n.status)).toEqual(['done', 'done']);
  });

  it('a permit still waiting for approval near its start texts the approver once', async () => {
    const clock = createFixedClock('2026-12-07T00:00:00.000Z');
    const store = createMemoryPermitStore();
    const r = await handlePermitCommand(
      { store, rules: DEFAULT_PERMIT_RULES, directory: staff },
      {
        permitId: 'pm-00000000000000000000ad01',
        command: {
          type: 'apply',
          permitId: 'pm-00000000000000000000ad01',
          kind: 'hot_work',
          hotWork: { situations: ['in_service_equipment'], openAir: false, shutDown: [] },
          enterpriseId: 'E1',
          area: 'D1/G1',
          workerIds: ['w1'],
          attendantId: 'att',
          validFrom: '2026-12-07T02:00:00.000Z',
          flammableLelPctVol: 5,
        },
        actor: { id: 'foreman', roles: [] },
        now: clock.now(),
      },
    );
    if (!r.ok) throw new Error(r.rejection.code);
    clock.set('2026-12-07T01:00:00.000Z');
    expect((await tickPermits({ store }, clock.now())).approvalDue).toEqual(['pm-00000000000000000000ad01']);
    expect((await tickPermits({ store }, clock.now())).approvalDue).toEqual([]);
    const sms = createSmsNotifier({
      endpoint,
      signature: '某区应急管理局',
      toRequest: ({ phone, text, idempotencyKey }) => ({ headers: { 'content-type': 'application/json', 'x-request-id': idempotencyKey }, body: JSON.stringify({ mobile: phone, content: text }) }),
    });
    const relay = createOutboxRelay({
      store,
      owner: 'sms-2',
      clock,
      deliver: async (m) => {
        const e = toOutboxEnvelope(m);
        if (e.kind !== PERMIT_APPROVAL_DUE_TOPIC) return { ok: false, retryable: false, error: `unexpected ${e.kind}` };
        // The host picks the approver by approverRole (特级: principal_leader) in the enterprise.
        expect(e.payload.approverRole).toBe('principal_leader');
        return sms.deliver({
          id: e.id,
          kind: e.kind,
          to: '13800138002',
          params: { enterprise: '东方化工', title: e.payload.title, permitNo: e.payload.permitNo, start: String(e.payload.validFromText) },
        });
      },
    });
    await relay.runOnce();
    await relay.runOnce();
    const texts = received.filter((x) => x.key.includes('ad01'));
    expect(texts.map((x) => [x.key, x.mobile, x.content])).toEqual([
      ['permit/pm-00000000000000000000ad01/2/permit.approval_due', '13800138002', '【某区应急管理局】东方化工：特级动火作业（XK-00AD01）计划2026-12-07 10:00开始，尚未审批，请审批或取消作业票。'],
    ]);
    expect(texts[0]!.content.length).toBeLessThanOrEqual(70);
  });
});
