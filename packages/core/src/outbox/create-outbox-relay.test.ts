import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../scripts/test-utils/seeded-random.js';
import { appendInput } from '../../../../scripts/test-utils/store-fixtures.js';
import { createMemoryStore } from '../chain/memory-store.js';
import type { ClaimedOutboxMessage } from '../ports/store.js';
import { createOutboxRelay, type RelayDelivery } from './create-outbox-relay.js';

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
});
