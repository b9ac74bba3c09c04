import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { computeEventHash, GENESIS_HASH } from './hash-event.js';
import { nextLogHead, verifyChain } from './verify-chain.js';
import { evidence, reportCommand } from '../testing/chain-fixtures.js';
import type { StoredEvent } from './types.js';

const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The canonical JSON of a plain JSON value, written the simplest way (no cache, no fast path). */
const plainCanonical = (v: unknown): string =>
  v !== null && typeof v === 'object'
    ? Array.isArray(v)
      ? `[${v.map(plainCanonical).join(',')}]`
      : `{${Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => `${JSON.stringify(k)}:${plainCanonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
    : JSON.stringify(v);

async function smallLog(): Promise<StoredEvent[]> {
  const h = createHarness('2026-11-02T01:00:00Z');
  for (const id of ['H-1', 'H-二', 'H-3']) {
    await h.ok('grid-g1', reportCommand(id, { title: { 'zh-CN': `隐患 "${id}"\n`, en: `hazard \\ ${id} 😀` } }));
    h.clock.advance(60_000);
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
  }
  h.clock.advance(86_400_000);
  await h.ok('owner-e1', {
    type: 'submit_rectification',
    hazardId: 'H-1',
    evidence: [...evidence('H-1', 'photo_before', 1), ...evidence('H-1', 'photo_after', 2, '2026-11-03T00:00:00Z')],
  });
  return h.store.readLog(1, 1000);
}

describe('verifyChain on the default (word) path', () => {
  it('hashes events exactly like SHA-256 over the plain canonical JSON of the body', async () => {
    const log = await smallLog();
    for (const e of log) {
      const { hash, seq: _seq, ...body } = e;
      expect(hash).toBe(native(plainCanonical(body)));
      expect(computeEventHash(e)).toBe(hash);
    }
  });

  it('returns the same head as folding with strings and node:crypto, for every prefix of the log', async () => {
    const log = await smallLog();
    let head = GENESIS_HASH;
    expect(verifyChain([])).toEqual({ ok: true, size: 0, head: GENESIS_HASH });
    for (let n = 1; n <= log.length; n++) {
      head = native(`${head}${(log[n - 1] as StoredEvent).hash}`);
      expect(verifyChain(log.slice(0, n))).toEqual({ ok: true, size: n, head });
      expect(verifyChain(log.slice(0, n), { sha256Hex: native })).toEqual({ ok: true, size: n, head });
      expect(nextLogHead(GENESIS_HASH, (log[0] as StoredEvent).hash)).toBe(native(`${GENESIS_HASH}${(log[0] as StoredEvent).hash}`));
    }
  });

  it('rejects a stored hash in upper case or of the wrong length, as the string comparison did', async () => {
    const log = await smallLog();
    for (const hash of [(log[2] as StoredEvent).hash.toUpperCase(), `${(log[2] as StoredEvent).hash}0`, (log[2] as StoredEvent).hash.slice(0, 63)]) {
      const edited = log.map((e, i) => (i === 2 ? { ...e, hash } : e));
      expect(verifyChain(edited)).toMatchObject({ ok: false, brokenAt: 2, reason: 'HASH_MISMATCH' });
      expect(verifyChain(edited, { sha256Hex: native })).toMatchObject({ ok: false, brokenAt: 2, reason: 'HASH_MISMATCH' });
    }
  });
});
