import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isChainError } from './chain-error.js';
import { canonicalEventBodyJson } from './canonical-json.js';
import { eventBodyDigest, eventBodyUtf8 } from './event-digest.js';
import { wordsToHex } from './sha256.js';

const encoder = new TextEncoder();

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

describe('eventBodyDigest (the byte writer verifyChain hashes with)', () => {
  it('writes the UTF-8 of canonicalEventBodyJson and hashes it like node:crypto (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, jsonish, { maxKeys: 12 }), (event) => {
        const json = outcome(() => canonicalEventBodyJson(event));
        expect(outcome(() => Buffer.from(eventBodyUtf8(event)).toString('hex'))).toEqual(
          typeof json === 'string' ? Buffer.from(encoder.encode(json)).toString('hex') : json,
        );
        if (typeof json === 'string') {
          const digest = new Int32Array(8);
          eventBodyDigest(event, digest);
          expect(wordsToHex(digest)).toBe(createHash('sha256').update(json, 'utf8').digest('hex'));
        }
      }),
      { seed: 4242, numRuns: 2000 },
    );
  });

  it('grows its buffer for large events and keeps working for small ones after', () => {
    for (const event of [{ id: 'x', data: { big: 'é'.repeat(40_000), list: Array.from({ length: 5000 }, (_, i) => `item-${i}`) } }, { id: 'y', hash: 'h', seq: 1 }]) {
      const digest = new Int32Array(8);
      eventBodyDigest(event, digest);
      expect(wordsToHex(digest)).toBe(createHash('sha256').update(canonicalEventBodyJson(event), 'utf8').digest('hex'));
    }
  });

  it('throws NON_CANONICAL_VALUE with the same message as canonicalEventBodyJson', () => {
    for (const event of [{ id: 'x', data: { n: NaN } }, { id: 'x', data: [1, undefined] }, { id: 'x', at: new Date(0) }, { id: 'x', f: () => 1 }]) {
      const expected = outcome(() => canonicalEventBodyJson(event));
      expect(expected).toMatchObject({ code: 'NON_CANONICAL_VALUE' });
      expect(outcome(() => eventBodyDigest(event, new Int32Array(8)))).toEqual(expected);
    }
  });
});
