import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectSha256, sha256Hex } from './hash-event.js';
import { hexEqualsDigest, writeHexAscii } from './hex-digest.js';
import { nextLogHead } from './verify-chain.js';

const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const noble = (text: string) => Buffer.from(sha256(new TextEncoder().encode(text))).toString('hex');
const digestOf = (text: string) => Uint8Array.from(Buffer.from(native(text), 'hex'));

describe('selectSha256', () => {
  it('uses node:crypto on Node, @noble/hashes where the runtime has no process.getBuiltinModule (browsers)', () => {
    const { getBuiltinModule } = process;
    try {
      Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true, writable: true });
      expect(selectSha256('native')).toBe('noble');
      expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    } finally {
      Object.defineProperty(process, 'getBuiltinModule', { value: getBuiltinModule, configurable: true, writable: true });
    }
    expect(selectSha256('noble')).toBe('noble');
    expect(selectSha256('native')).toBe('native');
  });

  it('uses createHash where node:crypto has no one-shot hash (Node before 20.12), with the same bytes', () => {
    const { getBuiltinModule } = process;
    try {
      const lookup = (id: string) => (id === 'node:crypto' ? { createHash } : undefined);
      Object.defineProperty(process, 'getBuiltinModule', { value: lookup, configurable: true, writable: true });
      expect(selectSha256('native')).toBe('native');
      for (const text of ['', 'abc', 'x中😀é"\n'.repeat(40), '\ud800 lone']) expect(sha256Hex(text)).toBe(native(text));
      expect(nextLogHead('0'.repeat(64), native('abc'))).toBe(native(`${'0'.repeat(64)}${native('abc')}`));
    } finally {
      Object.defineProperty(process, 'getBuiltinModule', { value: getBuiltinModule, configurable: true, writable: true });
      selectSha256('native');
    }
  });
});

describe.each(['noble', 'native'] as const)('sha256Hex (%s)', (implementation) => {
  beforeAll(() => {
    expect(selectSha256(implementation)).toBe(implementation);
  });
  afterAll(() => {
    selectSha256('native');
  });

  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
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

  it('folds hex pairs like H(hex(left) ‖ hex(right)) (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const left = native(a);
        const right = native(b);
        expect(nextLogHead(left, right)).toBe(native(`${left}${right}`));
        const ascii = new Uint8Array(128);
        writeHexAscii(digestOf(a), ascii, 0);
        writeHexAscii(digestOf(b), ascii, 64);
        expect(Buffer.from(ascii).toString('latin1')).toBe(`${left}${right}`);
      }),
      { seed: 3, numRuns: 300 },
    );
    expect(nextLogHead('0'.repeat(64), '0'.repeat(64))).toBe(native('0'.repeat(128)));
  });

  it('compares a hex string with a digest exactly: lower case, 64 digits, every position', () => {
    const digest = digestOf('event');
    const hex = native('event');
    expect(hexEqualsDigest(hex, digest)).toBe(true);
    expect(hexEqualsDigest(hex.toUpperCase(), digest)).toBe(hex === hex.toUpperCase());
    expect(hexEqualsDigest(`${hex}0`, digest)).toBe(false);
    expect(hexEqualsDigest(hex.slice(1), digest)).toBe(false);
    expect(hexEqualsDigest(undefined as unknown as string, digest)).toBe(false);
    for (let i = 0; i < 64; i++) {
      const flipped = hex.slice(0, i) + (hex[i] === 'a' ? 'b' : 'a') + hex.slice(i + 1);
      expect(hexEqualsDigest(flipped, digest)).toBe(false);
    }
  });
});
