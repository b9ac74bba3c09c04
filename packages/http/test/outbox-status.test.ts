import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxRelay, type RelayDelivery } from '@anjian/core';
import type { ClaimedOutboxMessage } from '@anjian/core/ports';
import { ROUTES } from '../src/index.js';
import { createHarness, MISMATCHES, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
// Every 200 and problem body of this file matches the schema the route documents.
afterEach(() => {
  expect(MISMATCHES).toEqual([]);
});

const iso = (ms: number) => new Date(ms).toISOString();
const now = () => h.clock.now().toISOString();

/** Report a hazard (the trusted way): one `hazard.reported` message, created now. */
async function report(id: string): Promise<string> {
  await h.seed(id);
  return now();
}

async function outbox(): Promise<{ status: Record<string, unknown>; deadLetters: Array<{ id: string }> }> {
  const r = await h.call('admin-gas', 'GET', '/outbox');
  expect(r.status).toBe(200);
  return r.body;
}

const idle = { pending: 0, retrying: 0, leased: 0, delivered: 0, dead: 0, oldestPendingAt: null, nextRetryAt: null };

describe('GET /outbox status', () => {
  it('is all zeros and nulls before any message', async () => {
    expect(await outbox()).toEqual({ status: idle, deadLetters: [] });
  });

  it('counts move as messages are written, claimed, acknowledged and failed', async () => {
    const first = await report('H-1');
    h.clock.advance(60_000);
    const second = await report('H-2');
    h.clock.advance(60_000);
    await report('H-3');
    expect((await outbox()).status).toEqual({ ...idle, pending: 3, oldestPendingAt: first });

    // A relay leases two for 30 s: still pending, and leased while the lease runs.
    const claimed = await h.store.claimOutbox({ owner: 'relay', now: now(), leaseMs: 30_000, limit: 2 });
    expect(claimed.map((m) => m.hazardId)).toEqual(['H-1', 'H-2']);
    expect((await outbox()).status).toEqual({ ...idle, pending: 3, leased: 2, oldestPendingAt: first });

    // The oldest is delivered: the queue's age now starts at the second message.
    expect(await h.store.ackOutbox('relay', [claimed[0]!.id], new Date().toISOString())).toBe(1);
    expect((await outbox()).status).toEqual({ ...idle, pending: 2, leased: 1, delivered: 1, oldestPendingAt: second });

    // The second fails and waits for a retry in 5 minutes.
    const retryAt = iso(h.clock.now().getTime() + 300_000);
    expect(await h.store.failOutbox({ id: claimed[1]!.id, owner: 'relay', error: 'SMS gateway 503', retryAt })).toBe(true);
    expect((await outbox()).status).toEqual({ ...idle, pending: 2, retrying: 1, delivered: 1, oldestPendingAt: second, nextRetryAt: retryAt });

    // At the retry it is claimed again and fails for good: a dead letter, out of the queue.
    h.clock.advance(300_000);
    const again = await h.store.claimOutbox({ owner: 'relay', now: now(), leaseMs: 30_000, limit: 10 });
    expect(again.map((m) => [m.hazardId, m.attempts])).toEqual([
      ['H-2', 1],
      ['H-3', 0],
    ]);
    expect((await outbox()).status).toEqual({ ...idle, pending: 2, retrying: 1, leased: 2, delivered: 1, oldestPendingAt: second });
    expect(await h.store.failOutbox({ id: again[0]!.id, owner: 'relay', error: 'number does not exist', retryAt: null })).toBe(true);
    const body = await outbox();
    expect(body.status).toEqual({ ...idle, pending: 1, leased: 1, delivered: 1, dead: 1, oldestPendingAt: iso(Date.parse(first) + 120_000) });
    expect(body.deadLetters.map((m) => m.id)).toEqual([again[0]!.id]);

    // A lease that ran out leaves the message pending but no longer leased.
    h.clock.advance(30_000);
    expect((await outbox()).status).toEqual({ ...idle, pending: 1, delivered: 1, dead: 1, oldestPendingAt: iso(Date.parse(first) + 120_000) });
  });

  it('shows what a relay did: delivered, retrying with its next retry, dead', async () => {
    const outcomes: Record<string, RelayDelivery> = {
      'H-ok': { ok: true },
      'H-busy': { ok: false, retryable: true, error: 'gateway 503' },
      'H-bad': { ok: false, retryable: false, error: 'gateway 400: bad number' },
    };
    const delivered: string[] = [];
    const relay = createOutboxRelay({
      store: h.store,
      owner: 'portal-1',
      clock: h.clock,
      backoffBaseMs: 5_000,
      random: () => 1, // no jitter: the first retry is exactly 5 s later
      deliver: async (m: ClaimedOutboxMessage) => {
        const outcome = outcomes[m.hazardId] ?? { ok: true };
        if (outcome.ok) delivered.push(m.hazardId);
        return outcome;
      },
    });
    await report('H-ok');
    h.clock.advance(1000);
    const busy = await report('H-busy');
    h.clock.advance(1000);
    await report('H-bad');
    expect(await relay.runOnce()).toEqual({ claimed: 3, delivered: 1, retried: 1, dead: 1, lost: 0 });
    const nextRetryAt = iso(h.clock.now().getTime() + 5_000);
    expect((await outbox()).status).toEqual({ ...idle, pending: 1, retrying: 1, delivered: 1, dead: 1, oldestPendingAt: busy, nextRetryAt });

    // The gateway recovers; the next pass after the retry time delivers the waiting message.
    outcomes['H-busy'] = { ok: true };
    h.clock.advance(5_000);
    expect(await relay.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, lost: 0 });
    expect(delivered).toEqual(['H-ok', 'H-busy']);
    const body = await outbox();
    expect(body.status).toEqual({ ...idle, delivered: 2, dead: 1 });
    expect(body.deadLetters).toHaveLength(body.status.dead as number);
  });

  it('documents the status in the route schema and the OpenAPI document', async () => {
    const route = ROUTES.find((r) => r.path === '/outbox');
    expect((route?.response.schema as { required: string[] }).required).toEqual(['status', 'deadLetters']);
    const doc = await h.call(null, 'GET', '/openapi.json');
    expect(doc.status).toBe(200);
    const schema = doc.body.paths['/api/outbox'].get.responses['200'].content['application/json'].schema;
    expect(schema.properties.status.required).toEqual(['pending', 'retrying', 'leased', 'delivered', 'dead', 'oldestPendingAt', 'nextRetryAt']);
  });
});
