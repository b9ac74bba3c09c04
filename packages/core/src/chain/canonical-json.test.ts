import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { isChainError } from './chain-error.js';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined properties, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, 'x', null], c: undefined, é: { z: 0, y: -0.5 } })).toBe(
      '{"a":[true,"x",null],"b":1,"é":{"y":-0.5,"z":0}}',
    );
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
