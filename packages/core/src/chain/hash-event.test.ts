import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash-event.js';
import { hexEqualsWords, sha256HexPairWords, sha256Utf8Words, wordsToHex } from './sha256.js';

const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const noble = (text: string) => Buffer.from(sha256(new TextEncoder().encode(text))).toString('hex');
const words = (text: string) => {
  const out = new Int32Array(8);
  sha256Utf8Words(text, out);
  return out;
};

describe('sha256 (the chain’s own)', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('equals node:crypto and @noble/hashes on every length around the block boundaries', () => {
    for (let n = 0; n <= 300; n++) {
      const text = 'x中😀é"\n'.repeat(n).slice(0, n);
      expect(sha256Hex(text)).toBe(native(text));
      expect(sha256Hex(text)).toBe(noble(text));
    }
  });

  it('equals node:crypto on random unicode text, lone surrogates included (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 2000 })), (text) => {
        expect(sha256Hex(text)).toBe(native(text));
      }),
      { seed: 256, numRuns: 1000 },
    );
  });

  it('hashes text longer than its initial buffer, then shorter text again', () => {
    for (const text of ['é'.repeat(5000), 'short', '中'.repeat(40_000), '']) expect(sha256Hex(text)).toBe(native(text));
  });

  it('folds hex pairs like H(hex(left) ‖ hex(right)), also in place (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const left = words(a);
        const right = words(b);
        const expected = native(`${wordsToHex(left)}${wordsToHex(right)}`);
        const out = new Int32Array(8);
        sha256HexPairWords(left, right, out);
        expect(wordsToHex(out)).toBe(expected);
        sha256HexPairWords(left, right, left);
        expect(wordsToHex(left)).toBe(expected);
      }),
      { seed: 3, numRuns: 300 },
    );
    const zeros = new Int32Array(8);
    sha256HexPairWords(zeros, zeros, zeros);
    expect(wordsToHex(zeros)).toBe(native('0'.repeat(128)));
  });

  it('compares a hex string with a digest exactly: lower case, 64 digits, every position', () => {
    const digest = words('event');
    const hex = wordsToHex(digest);
    expect(hexEqualsWords(hex, digest)).toBe(true);
    expect(hexEqualsWords(hex.toUpperCase(), digest)).toBe(hex === hex.toUpperCase());
    expect(hexEqualsWords(`${hex}0`, digest)).toBe(false);
    expect(hexEqualsWords(hex.slice(1), digest)).toBe(false);
    expect(hexEqualsWords(undefined as unknown as string, digest)).toBe(false);
    for (let i = 0; i < 64; i++) {
      const flipped = hex.slice(0, i) + (hex[i] === 'a' ? 'b' : 'a') + hex.slice(i + 1);
      expect(hexEqualsWords(flipped, digest)).toBe(false);
    }
  });
});
