import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../scripts/test-utils/seeded-random.js';
import { appendInput } from '../../../../scripts/test-utils/store-fixtures.js';
import { createMemoryStore } from '../chain/memory-store.js';
import type { ClaimedOutboxMessage } from '../ports/store.js';
import { PermanentDeliveryError } from '../ports/notifier.js';
import { createOutboxRelay, type RelayDelivery } from './create-outbox-relay.js';
import { OutboxKindError, toOutboxEnvelope } from './to-outbox-envelope.js';

function steppingClock(start = Date.parse('2026-11-28T02:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

async function storeWith(n: number) {
  const store = createMemoryStore();
  for (let i = 0; i < n; i++) await store.append(appendInput(`H-${i}`, 0, `c-${i}`));
  return store;
}

describe('createOutboxRelay', () => {
  it('delivers every message at least once through a receiver that fails 30% of calls; dedup by id sees each once', async () => {
    const store = await storeWith(200);
    const clock = steppingClock();
    const random = seededRandom(7);
    const raw: string[] = [];
    const deliver = async (m: ClaimedOutboxMessage): Promise<RelayDelivery> => {
      if (random() < 0.3) return { ok: false, retryable: true, error: 'HTTP 503' };
      raw.push(m.id);
      return { ok: true };
    };
    const relays = ['a', 'b'].map((owner) => createOutboxRelay({ store, deliver, owner, clock, batchSize: 17, backoffBaseMs: 1000, random }));
    for (let round = 0; round < 200; round++) {
      await Promise.all(relays.map((r) => r.runOnce()));
      clock.advance(60_000);
    }
    const unique = new Set(raw);
    expect(unique.size).toBe(200);
    expect(raw.length).toBe(200); // leases: no message was delivered by both relays
    expect(await store.readDeadLetters(10)).toEqual([]);
  });

  it('dead-letters a permanent failure at once and a retryable one after maxAttempts', async () => {
    const store = await storeWith(2);
    const clock = steppingClock();
    const deliver = async (m: ClaimedOutboxMessage): Promise<RelayDelivery> =>
      m.id === 'out-c-0' ? { ok: false, retryable: false, error: 'HTTP 400 bad number' } : { ok: false, retryable: true, error: 'timeout' };
    const relay = createOutboxRelay({ store, deliver, owner: 'r', clock, maxAttempts: 3, backoffBaseMs: 10 });
    const passes = [];
    for (let i = 0; i < 5; i++) {
      passes.push(await relay.runOnce());
      clock.advance(3_600_000);
    }
    expect(passes[0]).toMatchObject({ claimed: 2, dead: 1, retried: 1 });
    const dead = await store.readDeadLetters(10);
    expect(dead.map((d) => [d.id, d.attempts, d.lastError])).toEqual([
      ['out-c-0', 1, 'HTTP 400 bad number'],
      ['out-c-1', 3, 'timeout'],
    ]);
  });

  it('backs off exponentially and honours Retry-After', async () => {
    const store = await storeWith(1);
    const clock = steppingClock();
    let calls = 0;
    const relay = createOutboxRelay({
      store,
      owner: 'r',
      clock,
      backoffBaseMs: 1000,
      random: () => 1,
      deliver: async () => (++calls, { ok: false, retryable: true, error: 'busy', retryAfter: calls === 3 ? 120 : undefined }),
    });
    const offsets: number[] = [];
    const start = clock.now().getTime();
    for (let ms = 0; ms <= 300_000; ms += 500) {
      const before = calls;
      await relay.runOnce();
      if (calls > before) offsets.push(clock.now().getTime() - start);
      clock.advance(500);
    }
    // Delays of 1 s, 2 s, then the receiver's 120 s, then 8 s.
    expect(offsets.slice(0, 5)).toEqual([0, 1000, 3000, 123_000, 131_000]);
  });

  it('treats a throwing deliver as a retryable failure and keeps running', async () => {
    const store = await storeWith(1);
    const relay = createOutboxRelay({
      store,
      owner: 'r',
      deliver: async () => {
        throw new Error('socket hang up');
      },
    });
    expect(await relay.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
  });

  it('dead-letters a message of an unknown kind at its first attempt, says why in both languages and reports it to onError', async () => {
    const store = createMemoryStore();
    const kinds: Array<[string, Record<string, unknown>]> = [
      ['hazard.reported', { hazardId: 'H-0', type: 'reported' }],
      ['billing.invoice_sent', { hazardId: 'H-1' }],
      ['hazard.closed', { hazardId: 'H-2', type: 'reported' }],
    ];
    for (const [i, [topic, payload]] of kinds.entries()) {
      const input = appendInput(`H-${i}`, 0, `c-${i}`);
      await store.append({ ...input, outbox: input.outbox.map((m) => ({ ...m, topic, payload })) });
    }
    const clock = steppingClock();
    const errors: unknown[] = [];
    const delivered: string[] = [];
    const relay = createOutboxRelay({
      store,
      owner: 'r',
      clock,
      onError: (error) => errors.push(error),
      deliver: async (m) => {
        const e = toOutboxEnvelope(m);
        delivered.push(e.kind);
        return { ok: true };
      },
    });
    expect(await relay.runOnce()).toMatchObject({ claimed: 3, delivered: 1, dead: 2, retried: 0 });
    expect(delivered).toEqual(['hazard.reported']);
    const dead = await store.readDeadLetters(10);
    expect(dead.map((d) => [d.id, d.attempts])).toEqual([
      ['out-c-1', 1],
      ['out-c-2', 1],
    ]);
    for (const d of dead) expect(d.lastError).toMatch(/^permanent failure, not retried \/ 永久性失败，不再重试: outbox message .*外发消息/);
    expect(dead[0]?.lastError).toContain('unknown kind "billing.invoice_sent"');
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => OutboxKindError.is(e) && PermanentDeliveryError.is(e))).toBe(true);
    clock.advance(86_400_000);
    expect(await relay.runOnce()).toMatchObject({ claimed: 0 });
  });

  it('dead-letters a host’s PermanentDeliveryError at once; another throw is retried and reported only when its last attempt fails', async () => {
    const store = await storeWith(2);
    const clock = steppingClock();
    const errors: unknown[] = [];
    const relay = createOutboxRelay({
      store,
      owner: 'r',
      clock,
      maxAttempts: 3,
      backoffBaseMs: 10,
      onError: (error) => errors.push(error),
      deliver: async (m) => {
        if (m.id === 'out-c-0') throw new PermanentDeliveryError({ en: 'no phone number for E1', 'zh-CN': '企业 E1 没有手机号码' });
        throw new Error('socket hang up');
      },
    });
    expect(await relay.runOnce()).toMatchObject({ dead: 1, retried: 1 });
    expect(errors).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      clock.advance(3_600_000);
      await relay.runOnce();
    }
    const dead = await store.readDeadLetters(10);
    expect(dead.map((d) => [d.id, d.attempts, d.lastError])).toEqual([
      ['out-c-0', 1, 'permanent failure, not retried / 永久性失败，不再重试: no phone number for E1 / 企业 E1 没有手机号码'],
      ['out-c-1', 3, 'socket hang up'],
    ]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['no phone number for E1 / 企业 E1 没有手机号码', 'socket hang up']);
  });

  it('stop() ends an idle relay at once, not after its idle wait; a message written meanwhile waits for the next start', async () => {
    const store = await storeWith(0);
    const delivered: string[] = [];
    const relay = createOutboxRelay({ store, owner: 'r', deliver: async (m) => (delivered.push(m.id), { ok: true }) });
    relay.start(60_000); // nothing to claim: the loop sleeps
    await new Promise((r) => setTimeout(r, 50));
    const stopped = await Promise.race([relay.stop().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('still waiting after 2 s'), 2_000))]);
    expect(stopped).toBe('stopped');
    await store.append(appendInput('H-late', 0, 'c-late'));
    await new Promise((r) => setTimeout(r, 50));
    expect(delivered).toEqual([]);
    // started again, it delivers, and stops again while idle
    relay.start(60_000);
    await expect.poll(() => delivered, { timeout: 2_000 }).toEqual(['out-c-late']);
    expect(await Promise.race([relay.stop().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('still waiting after 2 s'), 2_000))])).toBe('stopped');
  });
});
