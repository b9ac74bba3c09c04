import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isChainError } from './chain-error.js';
import { canonicalEventBodyJson } from './canonical-json.js';
import { computeEventHash } from './hash-event.js';
import { verifyChain } from './verify-chain.js';

const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** verifyChain's default hash path on one event: HASH_MISMATCH unless `hash` is right. */
function defaultPathAccepts(event: Record<string, unknown>, hash: string): boolean {
  const e = { ...event, hazardId: 'H', version: 1, id: 'H/1', prevHash: '0'.repeat(64), recordedAt: '2026-01-01T00:00:00.000Z' };
  const body = { ...e, hash, seq: 1 };
  const expected = native(canonicalEventBodyJson(e));
  const r = verifyChain([{ ...body, hash: hash === 'right' ? expected : hash } as never]);
  return r.ok;
}

const key = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.nat().map(String), fc.constantFrom('__proto__', 'hash', 'seq', 'a"b', '\u0000', 'é', '😀'));
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0001', '\u007f', '\u0080', '\u2028', '\ud83d', '\ude00', 'a', '中') }),
);
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(-0, 1e21, 1e-7, 5e-324));
const { value: jsonish } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), number, text, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 6 }),
  object: fc.dictionary(key, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 6 }),
}));

function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (!isChainError(e)) throw e;
    return { code: e.code, message: e.localized.en };
  }
}

describe('verifyChain default hash path (@noble/hashes over canonicalEventBodyJson)', () => {
  it('hashes the canonical body like node:crypto (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, jsonish, { maxKeys: 12 }), (event) => {
        const json = outcome(() => canonicalEventBodyJson(event));
        expect(outcome(() => computeEventHash(event as never))).toEqual(typeof json === 'string' ? native(json) : json);
      }),
      { seed: 4242, numRuns: 2000 },
    );
  });

  it('accepts the right hash and refuses any other, for large events and small ones after', () => {
    for (const event of [{ data: { big: 'é'.repeat(40_000), list: Array.from({ length: 5000 }, (_, i) => `item-${i}`) } }, { data: 'y' }]) {
      expect(defaultPathAccepts(event, 'right')).toBe(true);
      expect(defaultPathAccepts(event, 'f'.repeat(64))).toBe(false);
    }
  });

  it('throws NON_CANONICAL_VALUE with the same message as canonicalEventBodyJson', () => {
    for (const event of [
      { id: 'x', data: { n: NaN } },
      { id: 'x', data: [1, undefined] },
      { id: 'x', at: new Date(0) },
      { id: 'x', f: () => 1 },
    ]) {
      const expected = outcome(() => canonicalEventBodyJson(event));
      expect(expected).toMatchObject({ code: 'NON_CANONICAL_VALUE' });
      expect(outcome(() => computeEventHash(event as never))).toEqual(expected);
      expect(outcome(() => verifyChain([{ ...event, hash: 'x' } as never]))).toEqual(expected);
    }
  });
});
