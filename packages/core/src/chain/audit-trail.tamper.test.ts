import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Signer, Verifier } from '../ports/signer.js';
import { createHarness } from './chain-harness.test-util.js';
import { createCheckpoint, openCheckpoint, verifyAgainstCheckpoint } from './checkpoint.js';
import { computeEventHash } from './hash-event.js';
import { verifyChain } from './verify-chain.js';
import { evidence, reportCommand } from '../testing/chain-fixtures.js';
import type { StoredEvent } from './types.js';

function ed25519(keyName: string): { signer: Signer; verifier: Verifier } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const keyId = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-4));
  return {
    signer: { keyName, keyId, sign: (m) => new Uint8Array(sign(null, m, privateKey)) },
    verifier: { keyName, keyId, verify: (m, s) => verify(null, m, publicKey, s) },
  };
}

/** A store with 6 hazards × several steps, interleaved. */
async function buildLog() {
  const h = createHarness('2026-11-02T01:00:00Z');
  const ids = ['A', 'B', 'C', 'D', 'E', 'F'].map((x) => `H-${x}`);
  for (const id of ids) await h.ok('grid-g1', reportCommand(id));
  for (const id of ids) {
    h.clock.advance(60_000);
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
  }
  h.clock.advance(86_400_000);
  for (const id of ids.slice(0, 4)) {
    await h.ok('owner-e1', {
      type: 'submit_rectification',
      hazardId: id,
      evidence: [...evidence(id, 'photo_before', 1), ...evidence(id, 'photo_after', 2, '2026-11-03T00:00:00Z')],
    });
  }
  for (const id of ids.slice(0, 3)) await h.ok('grid-g1', { type: 'verify', hazardId: id });
  for (const id of ids.slice(0, 2)) await h.ok('grid-g1', { type: 'close', hazardId: id });
  return h;
}

describe('audit trail: tampering with stored events', () => {
  let pristine: StoredEvent[] = [];
  beforeAll(async () => {
    pristine = await (await buildLog()).store.readLog(1, 10_000);
  });

  it('the untouched log verifies', () => {
    expect(pristine).toHaveLength(21);
    expect(verifyChain(pristine)).toMatchObject({ ok: true, size: 21 });
    // A native SHA-256 gives the same verdict and head.
    const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    expect(verifyChain(pristine, { sha256Hex: native })).toEqual(verifyChain(pristine));
  });

  it('editing any event (any field) is detected at its position', () => {
    for (let i = 0; i < pristine.length; i++) {
      for (const edit of [
        (e: StoredEvent) => ({ ...e, recordedAt: '2026-11-01T00:00:00.000Z' }),
        (e: StoredEvent) => ({ ...e, actor: { ...e.actor, id: 'someone-else' } }),
        (e: StoredEvent) => ({ ...e, data: { ...(e.data as object), forged: true } }) as StoredEvent,
        (e: StoredEvent) => ({ ...e, pack: { ...e.pack, version: '0.9.0' } }),
      ]) {
        const log = pristine.map((e, j) => (j === i ? edit(e) : e));
        expect(verifyChain(log)).toMatchObject({ ok: false, brokenAt: i, reason: 'HASH_MISMATCH' });
      }
    }
  });

  it('deleting any event but the newest is detected at its position', async () => {
    for (let i = 0; i < pristine.length - 1; i++) {
      const h = await buildLog();
      h.store.unsafeLog.splice(i, 1);
      const result = verifyChain(await h.store.readLog(1, 10_000));
      expect(result).toMatchObject({ ok: false, brokenAt: i });
    }
  });

  it('an edit with a recomputed hash breaks the link to the next event of that hazard', () => {
    const i = 3; // H-D reported; its next event is its notice at index 9
    const forged = { ...(pristine[i] as StoredEvent), occurredAt: '2026-11-01T00:00:00.000Z' };
    forged.hash = computeEventHash(forged);
    const log = pristine.map((e, j) => (j === i ? forged : e));
    expect(verifyChain(log)).toMatchObject({ ok: false, brokenAt: 9, reason: 'PREV_HASH_MISMATCH' });
  });

  it('tail truncation verifies on its own and is detected only against a signed checkpoint', async () => {
    const { signer, verifier } = ed25519('city.example/anjian-witness');
    const h = await buildLog();
    const { text, checkpoint } = await createCheckpoint('city.example/anjian', await h.store.readLog(1, 10_000), signer);
    expect(text.split('\n').slice(0, 2)).toEqual(['city.example/anjian', '21']);
    expect(text).toContain('\n\n\u2014 city.example/anjian-witness ');
    expect(await openCheckpoint(text, verifier)).toEqual(checkpoint);
    expect(await verifyAgainstCheckpoint(await h.store.readLog(1, 10_000), text, verifier)).toMatchObject({ ok: true });

    // The log grows after the checkpoint: still consistent.
    h.clock.advance(60_000);
    await h.ok('grid-g1', { type: 'verify', hazardId: 'H-D' });
    expect(await verifyAgainstCheckpoint(await h.store.readLog(1, 10_000), text, verifier)).toMatchObject({ ok: true });

    // A DBA removes the three newest events: the chain alone still verifies…
    h.store.unsafeLog.splice(-3, 3);
    const truncated = await h.store.readLog(1, 10_000);
    expect(verifyChain(truncated).ok).toBe(true);
    // …the checkpoint does not.
    expect(await verifyAgainstCheckpoint(truncated, text, verifier)).toMatchObject({ ok: false, reason: 'TRUNCATED', brokenAt: 19 });
  });

  it('a rewritten history with recomputed hashes is detected against the checkpoint', async () => {
    const { signer, verifier } = ed25519('witness');
    const h = await buildLog();
    const { text } = await createCheckpoint('city.example/anjian', await h.store.readLog(1, 10_000), signer);
    // Rewrite the newest event of H-F (its notice, index 11 — no later H-F event) with a fresh hash.
    const log = h.store.unsafeLog;
    const target = log.findIndex((e) => e.hazardId === 'H-F' && e.type === 'notice_issued');
    const forged = { ...(log[target] as StoredEvent), data: { deadline: '2027-01-01T00:00:00.000Z', policy: { workingDays: 7 } } } as StoredEvent;
    forged.hash = computeEventHash(forged);
    log[target] = forged;
    expect(verifyChain(await h.store.readLog(1, 10_000)).ok).toBe(true);
    expect(await verifyAgainstCheckpoint(await h.store.readLog(1, 10_000), text, verifier)).toMatchObject({ ok: false, reason: 'HEAD_MISMATCH' });
  });

  it('a checkpoint with a forged signature, another key or a changed size is refused', async () => {
    const { signer, verifier } = ed25519('witness');
    const other = ed25519('witness');
    const h = await buildLog();
    const { text } = await createCheckpoint('city.example/anjian', await h.store.readLog(1, 10_000), signer);
    expect(await openCheckpoint(text, other.verifier)).toBeNull();
    expect(await openCheckpoint(text.replace('\n21\n', '\n20\n'), verifier)).toBeNull();
    expect(await verifyAgainstCheckpoint(await h.store.readLog(1, 10_000), text.replace('\n21\n', '\n20\n'), verifier)).toMatchObject({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(await verifyAgainstCheckpoint(await h.store.readLog(1, 10_000), text, verifier, 'other.example/log')).toMatchObject({
      ok: false,
      reason: 'ORIGIN_MISMATCH',
    });
    // Never sign a broken log.
    const broken = (await h.store.readLog(1, 10_000)).filter((_, i) => i !== 4);
    await expect(createCheckpoint('city.example/anjian', broken, signer)).rejects.toThrow(/refusing to sign/);
  });
});
