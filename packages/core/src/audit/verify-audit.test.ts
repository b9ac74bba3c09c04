import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../chain/memory-store.js';
import { computeEventHash } from '../chain/hash-event.js';
import type { StoredEvent } from '../chain/types.js';
import { createFixedClock } from '../testing/fixed-clock.js';
import { seedAuditTrail } from '../testing/audit-fixtures.js';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '../node/ed25519-keys.js';
import { createCheckpointScheduler } from './create-checkpoint-scheduler.js';
import { signStoreCheckpoint } from './sign-store-checkpoint.js';
import { verifyAudit } from './verify-audit.js';
import { verifyHazardTrail } from './verify-hazard-trail.js';

const keys = generateEd25519KeyPair();
const signer = createEd25519Signer(keys.privateKeyPem);
const verifier = createEd25519Verifier(keys.publicKeyPem);
const NOW = '2026-12-01T00:00:00.000Z';

async function seeded(checkpoint = true) {
  const store = createMemoryStore();
  await seedAuditTrail(store);
  if (checkpoint) expect((await signStoreCheckpoint(store, signer, { now: NOW })).kind).toBe('signed');
  return store;
}

const kinds = (r: Awaited<ReturnType<typeof verifyAudit>>) => r.problems.map((p) => `${p.kind}:${p.code}`);

describe('verifyAudit', () => {
  it('a clean store verifies, with counts', async () => {
    const store = await seeded();
    const r = await verifyAudit(store, { verifier, now: NOW });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, verifiedAt: NOW, checked: { events: 18, hazards: 6, projectionRows: 6, outboxMessages: 18, denials: 3, checkpoints: 1, signatures: true } });
  });

  it('without a key nothing is signature-checked; with a key a store without checkpoint is a problem', async () => {
    const store = await seeded(false);
    expect((await verifyAudit(store)).ok).toBe(true);
    expect(kinds(await verifyAudit(store, { verifier }))).toEqual(['checkpoint:NO_CHECKPOINT']);
  });

  it('an edit of a middle event is caught at its position (hash)', async () => {
    const store = await seeded();
    const e = store.unsafeLog[7] as StoredEvent;
    store.unsafeLog[7] = { ...e, occurredAt: '2026-11-01T00:00:00.000Z' };
    const r = await verifyAudit(store, { verifier });
    expect(r.problems[0]).toMatchObject({ kind: 'event_hash', position: { seq: 8, hazardId: e.hazardId, version: e.version } });
    // The stored hash is unchanged, so the log head (and any checkpoint) still matches.
    expect(kinds(r)).toEqual(['event_hash:HASH_MISMATCH']);
  });

  it('an edit of the newest event with a recomputed hash: caught by the checkpoint, the projection and the outbox', async () => {
    const store = await seeded();
    const last = store.unsafeLog.length - 1;
    const forged = { ...(store.unsafeLog[last] as StoredEvent), data: { from: 'x', to: '2027-06-01T00:00:00.000Z' } } as StoredEvent;
    forged.hash = computeEventHash(forged);
    store.unsafeLog[last] = forged;
    const r = await verifyAudit(store, { verifier });
    expect(kinds(r)).toEqual(['checkpoint:HEAD_MISMATCH', 'projection:ROW_DIFFERS', 'outbox:MESSAGE_DIFFERS']);
    // H-F's last command wrote two events; both messages carry the state after it, so the
    // first message that differs is the one of the command's first event.
    expect(r.problems.find((p) => p.kind === 'outbox')?.position).toEqual({ seq: 17, hazardId: forged.hazardId, version: 3 });
  });

  it('a deleted stream, the newest event deleted, a cut tail', async () => {
    const stream = await seeded();
    stream.unsafeLog.splice(0, stream.unsafeLog.length, ...stream.unsafeLog.filter((e) => e.hazardId !== 'H-C'));
    const r1 = await verifyAudit(stream, { verifier });
    expect(r1.problems[0]).toMatchObject({ kind: 'log_order', code: 'SEQ_GAP', position: { seq: 3 } });
    expect(kinds(r1)).toEqual(['log_order:SEQ_GAP', 'checkpoint:EVENTS_MISSING', 'projection:ROW_WITHOUT_EVENTS', 'outbox:MESSAGE_WITHOUT_EVENT']);

    const newest = await seeded();
    newest.unsafeLog.pop();
    const r2 = await verifyAudit(newest, { verifier });
    expect(kinds(r2)).toEqual(['checkpoint:TRUNCATED', 'projection:ROW_DIFFERS', 'outbox:MESSAGE_DIFFERS']);
    expect(r2.problems[0]?.position).toMatchObject({ seq: 18, toSeq: 18, checkpoint: 1 });
  });

  it('events of two hazards swapped: caught by the checkpoint, as a range', async () => {
    const store = await seeded();
    const [a, b] = [store.unsafeLog[0] as StoredEvent, store.unsafeLog[1] as StoredEvent];
    store.unsafeLog[0] = { ...b, seq: 1 };
    store.unsafeLog[1] = { ...a, seq: 2 };
    const r = await verifyAudit(store, { verifier });
    expect(kinds(r)).toEqual(['checkpoint:HEAD_MISMATCH']);
    expect(r.problems[0]?.position).toMatchObject({ seq: 1, toSeq: 18 });
  });

  it('a projection row edited (major → simple) and an outbox payload edited are named', async () => {
    const store = await seeded();
    const row = store.unsafeSummaries.get('H-A');
    store.unsafeSummaries.set('H-A', { ...row!, level: 'simple' });
    const message = store.unsafeOutbox.get('H-B/2');
    (message as { payload: Record<string, unknown> }).payload.level = 'simple';
    const r = await verifyAudit(store, { verifier });
    expect(kinds(r)).toEqual(['projection:ROW_DIFFERS', 'outbox:MESSAGE_DIFFERS']);
    expect(r.problems[0]).toMatchObject({ position: { hazardId: 'H-A', version: 2, seq: 1 } });
    expect(r.problems[0]?.message.en).toContain('level: "simple" ≠ "major"');
    expect(r.problems[1]).toMatchObject({ position: { hazardId: 'H-B', version: 2, seq: 8 } });
    expect(r.problems[1]?.message.en).toContain('payload.level');
  });

  it('a forged checkpoint, or one from another key, is refused', async () => {
    const store = await seeded();
    const other = generateEd25519KeyPair();
    expect(kinds(await verifyAudit(store, { verifier: createEd25519Verifier(other.publicKeyPem) }))).toEqual(['checkpoint:BAD_SIGNATURE']);
    const text = (await store.latestCheckpoint())!.text;
    expect(kinds(await verifyAudit(store, { verifier, checkpoints: [text.replace('\n18\n', '\n17\n')] }))).toEqual(['checkpoint:BAD_SIGNATURE']);
  });

  it('an external (witness) checkpoint catches a tail cut after the stored checkpoints were deleted too', async () => {
    const store = await seeded();
    const witness = (await store.latestCheckpoint())!.text;
    store.unsafeLog.splice(-3, 3);
    const blank = { ...store, readCheckpoints: async () => [], latestCheckpoint: async () => null };
    const r = await verifyAudit(blank, { verifier, checkpoints: [witness] });
    expect(r.problems[0]).toMatchObject({ kind: 'checkpoint', code: 'TRUNCATED', position: { seq: 16, toSeq: 18 } });
  });

  it('a denial edited after a checkpoint is caught', async () => {
    const store = await seeded();
    const denials = await store.readDenials(1, 10);
    const edited = { ...store, readDenials: async () => denials.map((d, i) => (i === 1 ? { ...d, actorId: 'someone-else' } : d)) };
    expect(kinds(await verifyAudit(edited, { verifier }))).toEqual(['denials:DENIALS_CHANGED']);
    const cut = { ...store, readDenials: async () => denials.slice(0, 2) };
    expect(kinds(await verifyAudit(cut, { verifier }))).toEqual(['denials:DENIALS_TRUNCATED']);
  });
});

describe('checkpoints on a schedule', () => {
  it('signs when due, skips when not, never signs a log that no longer extends the last checkpoint', async () => {
    const store = createMemoryStore();
    await seedAuditTrail(store, { hazardIds: ['H-1', 'H-2'] });
    const clock = createFixedClock('2026-12-01T00:00:00Z');
    const scheduler = createCheckpointScheduler({ store, signer, clock, everyMs: 60_000 });
    expect((await scheduler.tick())?.kind).toBe('signed');
    clock.advance(30_000);
    expect(await scheduler.tick()).toBeNull();
    clock.advance(30_000);
    expect((await scheduler.tick())?.kind).toBe('unchanged');
    await seedAuditTrail(store, { hazardIds: ['H-3'], start: '2026-11-20T00:00:00.000Z', denials: 0 });
    clock.advance(60_000);
    expect(await scheduler.tick()).toMatchObject({ kind: 'signed', checkpoint: { seq: 2 } });
    store.unsafeLog.pop();
    clock.advance(60_000);
    expect(await scheduler.tick()).toMatchObject({ kind: 'refused', reason: 'NOT_AN_EXTENSION' });
    expect((await store.readCheckpoints(1, 10)).map((c) => c.size)).toEqual([6, 6 + 2]);
  });
});

describe('verifyHazardTrail', () => {
  it('reports chain, projection and checkpoint coverage of one hazard', async () => {
    const store = await seeded();
    expect(await verifyHazardTrail(store, 'H-B', { now: NOW, verifier })).toEqual({
      hazardId: 'H-B',
      version: 4,
      verifiedAt: NOW,
      ok: true,
      chain: { ok: true },
      projection: { ok: true },
      checkpoint: { seq: 1, createdAt: NOW, size: 18, coversVersion: 4, signed: true },
      documents: [],
    });
    store.unsafeSummaries.set('H-B', { ...store.unsafeSummaries.get('H-B')!, level: 'simple' });
    expect(await verifyHazardTrail(store, 'H-B', { now: NOW })).toMatchObject({ ok: false, projection: { ok: false }, checkpoint: { signed: false } });
    expect(await verifyHazardTrail(store, 'nope', { now: NOW })).toBeNull();
  });
});

describe('a store whose list row and log disagree refuses to build on them', () => {
  it('memory store: after the newest event is deleted, the next append throws TRAIL_MISMATCH and writes nothing', async () => {
    const store = createMemoryStore();
    await seedAuditTrail(store);
    const newest = store.unsafeLog.pop() as StoredEvent;
    const { seq: _seq, ...event } = newest;
    const summary = store.unsafeSummaries.get(newest.hazardId)!;
    const input = { hazardId: newest.hazardId, expectedVersion: newest.version - 1, events: [event], outbox: [], commandId: 'again', commandFingerprint: 'fp', summary };
    await expect(store.append(input)).rejects.toMatchObject({ code: 'TRAIL_MISMATCH' });
    expect(store.unsafeLog).toHaveLength(17);
    expect(await store.findCommand('again')).toBeNull();
  });
});
