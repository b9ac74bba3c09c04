// The daily early warning end to end: runDailyWarning enqueues, the outbox relay delivers
// through the SMS notifier to a real HTTP gateway on 127.0.0.1 — one SMS per enterprise per day.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createOutboxRelay, createStaticDirectory, toOutboxEnvelope } from '@anjian/core';
import { createMemoryDeviceRegistry, runDailyWarning, type DeviceWarning } from '@anjian/core/monitoring';
import { createFixedClock, TEST_ENTERPRISES, testDevice } from '@anjian/core/testing';
import { createSmsNotifier } from '../src/index.js';

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
      // A gateway that deduplicates by the idempotency key, as the notifier's contract expects.
      if (!received.some((r) => r.key === key)) received.push({ key, mobile, content });
      res.writeHead(200).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const PHONES: Record<string, string> = { E1: '13800138001', E2: '13800138002' };

function openWarning(enterpriseId: string, deviceId: string, item: string): DeviceWarning {
  return {
    key: `${deviceId}/${item}/1`,
    deviceId,
    enterpriseId,
    item,
    rule: `${item}-H1`,
    level: 'general',
    title: { 'zh-CN': item },
    status: 'open',
    openedAt: '2026-12-06T00:00:00.000Z',
    updatedAt: '2026-12-06T00:00:00.000Z',
    clearedAt: null,
    messages: 3,
    occurrence: 1,
    escalated: false,
    hazardIds: [],
  };
}

describe('daily early warning by SMS', () => {
  it('run twice and after a crash half-way: exactly one SMS to the enterprise with something to say, none to the other', async () => {
    const clock = createFixedClock('2026-12-06T00:30:00.000Z'); // 08:30 China time
    const registry = createMemoryDeviceRegistry();
    const store = createMemoryStore();
    const directory = createStaticDirectory([], TEST_ENTERPRISES);
    // The warning names the devices by place and kind.
    await registry.putDevice(testDevice('D-1'));
    await registry.putDevice(testDevice('D-2', { kind: 'smoke_alarm', place: { id: 'P2', name: '后厨', listed: false } }));
    await registry.commit({
      deviceId: 'D-1',
      expectedVersion: 0,
      state: {
        deviceId: 'D-1',
        version: 0,
        since: clock.now().toISOString(),
        lastMessageAt: null,
        alarm: true,
        fault: false,
        batteryLow: false,
        disabled: false,
        reading: null,
        open: {},
        occurrences: {},
        recentClears: {},
      },
      warnings: [openWarning('E1', 'D-1', 'SEN-01'), openWarning('E1', 'D-2', 'SEN-02')],
      now: clock.now().toISOString(),
    });
    const sms = createSmsNotifier({
      endpoint,
      signature: '某区应急管理局',
      toRequest: ({ phone, text, idempotencyKey }) => ({ headers: { 'content-type': 'application/json', 'x-request-id': idempotencyKey }, body: JSON.stringify({ mobile: phone, content: text }) }),
    });
    const relay = createOutboxRelay({
      store: registry,
      owner: 'sms-1',
      clock,
      deliver: async (m) => {
        const e = toOutboxEnvelope(m); // narrowed by kind: no cast of the payload
        if (e.kind !== 'monitoring.daily_warning') return { ok: false, retryable: false, error: `unexpected ${e.kind}` };
        return sms.deliver({ id: e.id, kind: e.kind, to: PHONES[e.payload.enterpriseId] ?? '', params: { enterprise: e.payload.enterprise, summary: e.payload.summary } });
      },
    });
    const deps = { registry, store, directory };
    // Crash half-way: E1 enqueued, then the process died before E2.
    await runDailyWarning(deps, { enterpriseIds: ['E1'], now: clock.now() });
    // The scheduler runs again, twice, the same day; the relay runs in between and after.
    await runDailyWarning(deps, { enterpriseIds: ['E1', 'E2'], now: clock.now() });
    await relay.runOnce();
    clock.advance(3_600_000);
    const again = await runDailyWarning(deps, { enterpriseIds: ['E1', 'E2'], now: clock.now() });
    await relay.runOnce();
    expect(again).toMatchObject({ enqueued: [], alreadySent: ['E1'], nothing: ['E2'] });
    expect(received).toEqual([
      { key: 'daily-warning/E1/2026-12-06', mobile: '13800138001', content: '【某区应急管理局】测试餐馆一今日安全提醒：燃气间可燃气体探测器报警，后厨烟感报警器离线。请及时处理。' },
    ]);
    expect(received[0]!.content.length).toBeLessThanOrEqual(70); // one SMS
    expect((await registry.readNotifications()).map((n) => [n.id, n.status])).toEqual([['daily-warning/E1/2026-12-06', 'done']]);
  });
});
