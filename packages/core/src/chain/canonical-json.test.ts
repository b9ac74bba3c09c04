import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { isChainError } from './chain-error.js';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined properties, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, 'x', null], c: undefined, é: { z: 0, y: -0.5 } })).toBe('{"a":[true,"x",null],"b":1,"é":{"y":-0.5,"z":0}}');
  });

  it('rejects values without a canonical form', () => {
    for (const bad of [NaN, Infinity, [undefined], new Date(0), new Map(), () => 1, 1n, Symbol('s')]) {
      let code: string | undefined;
      try {
        canonicalJson({ v: bad });
      } catch (e) {
        code = isChainError(e) ? e.code : 'other';
      }
      expect(code).toBe('NON_CANONICAL_VALUE');
    }
  });

  it('is independent of key order and round-trips through JSON.parse (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          const reversed = Object.fromEntries(Object.entries(value).reverse());
          expect(canonicalJson(reversed)).toBe(text);
        }
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });
});

describe('canonicalJson with index-like keys', () => {
  it('orders "10" before "2" (UTF-16 order), unlike the engine’s own key order', () => {
    expect(canonicalJson({ 2: 'b', 10: 'a', x: { 1: true, '01': false } })).toBe('{"10":"a","2":"b","x":{"01":false,"1":true}}');
  });

  it('gives the same text as the reference writer on objects with arbitrary keys (property, fixed seed)', () => {
    const reference = (v: unknown): string =>
      v !== null && typeof v === 'object'
        ? Array.isArray(v)
          ? `[${v.map(reference).join(',')}]`
          : `{${Object.keys(v)
              .sort()
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`)
              .join(',')}}`
        : JSON.stringify(v);
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.oneof(fc.string(), fc.nat().map(String)), fc.jsonValue()), (a, b) => {
        expect(canonicalJson({ a, b })).toBe(reference({ a, b }));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('canonicalJson and "__proto__"', () => {
  it('keeps an own "__proto__" key', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
  });
});
