import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainError, isChainError } from './chain-error.js';
import { canonicalEventBodyJson, canonicalJson, canonicalJsonCopy } from './canonical-json.js';

// The implementation canonicalJson had before the one-pass writer (validate, then
// JSON.stringify with a key-sorting replacer, or a hand-written writer for index-like keys),
// kept verbatim as the reference: stored events were hashed with it, so the new writer
// must give the same text for every value and the same error for every rejected one.
function referenceCanonicalJson(value: unknown): string {
  // Validate first (cheap type checks), then let the native serializer do the work with keys
  // re-inserted in sorted order. Engines list integer-like keys first whatever the
  // insertion order, so objects with such keys take the slower hand-written path.
  if (validate(value, [])) return JSON.stringify(value, sortKeys);
  return write(value, []);
}

const INDEX_LIKE = /^(0|[1-9]\d*)$/;

function sortKeys(this: unknown, _key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const sorted = Object.create(null) as Record<string, unknown>; // so a "__proto__" key stays an own property
  for (const k of Object.keys(record).sort()) sorted[k] = record[k];
  return sorted;
}

/** Throws like `write` on values without a canonical form; returns false when an object has index-like keys. */
function validate(value: unknown, path: (string | number)[]): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      if (!Number.isFinite(value)) fail(path, String(value));
      return true;
    case 'object': {
      if (path.length > 256) fail(path, 'nested deeper than 256 levels (or cyclic)');
      let fast = true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          path.push(i);
          if (item === undefined) fail(path, 'undefined in an array');
          if (!validate(item, path)) fast = false;
          path.pop();
        }
        return fast;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) fail(path, 'not a plain object');
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        if (INDEX_LIKE.test(key)) fast = false;
        if (item === undefined) continue;
        path.push(key);
        if (!validate(item, path)) fast = false;
        path.pop();
      }
      return fast;
    }
    default:
      return fail(path, typeof value);
  }
}

// The path is kept as a stack and joined only when an error is thrown: building a path
// string for every node would double the cost of hashing.
function fail(trail: readonly (string | number)[], what: string): never {
  const path = trail.map((p) => `/${p}`).join('');
  throw new ChainError('NON_CANONICAL_VALUE', {
    'zh-CN': `值 ${path || '/'} 无法规范化为 JSON：${what}`,
    en: `value at ${path || '/'} has no canonical JSON: ${what}`,
  });
}

function write(value: unknown, path: (string | number)[]): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(path, String(value));
      return JSON.stringify(value);
    case 'object': {
      if (path.length > 256) fail(path, 'nested deeper than 256 levels (or cyclic)');
      if (Array.isArray(value)) {
        const parts: string[] = [];
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          path.push(i);
          if (item === undefined) fail(path, 'undefined in an array');
          parts.push(write(item, path));
          path.pop();
        }
        return `[${parts.join(',')}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) fail(path, 'not a plain object');
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      const parts: string[] = [];
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        path.push(key);
        parts.push(`${JSON.stringify(key)}:${write(item, path)}`);
        path.pop();
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return fail(path, typeof value);
  }
}

/** The text, or the error code and message. */
function outcome(f: (v: unknown) => string, value: unknown): { text: string } | { code: string; message: string } {
  try {
    return { text: f(value) };
  } catch (e) {
    if (!isChainError(e)) throw e;
    return { code: e.code, message: e.localized.en };
  }
}

// JSON-like values stressing the writer: unicode (astral, lone surrogates), characters JSON
// escapes, -0, huge and tiny numbers, index-like and "__proto__" keys, deep nesting.
const key = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.nat().map(String),
  fc.constantFrom('__proto__', 'hash', 'seq', 'a"b', 'a\\b', '\u0000', '\u2028', '\ud800', 'é', '😀', '10', '2', '01', ''),
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(-0, 0, 1e21, 1e-7, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 123456789012345680000),
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\t', '\u0001', '\u001f', '\u007f', '\u2028', '\ud83d', '\ude00', 'a', '中') }),
);
const { value: jsonish } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), number, text, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 6 }),
  object: fc.dictionary(key, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 6 }),
}));
// Values without a canonical form, to be planted somewhere in a value.
const bad = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, undefined, new Date(0), new Map(), () => 1, 1n, Symbol('s'), Object.create({ x: 1 }) as object);

/** `value` with `poison` put at a random place (array item, object property, or the value itself). */
function plant(value: unknown, poison: unknown, path: number[]): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return path.length % 3 === 0 ? poison : [value, poison];
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value)) {
    const copy = [...value] as unknown[];
    copy[step % (copy.length + 1)] = plant(copy[step % (copy.length + 1)], poison, rest);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const k = keys.length === 0 || step % 4 === 0 ? `p${step}` : (keys[step % keys.length] as string);
  copy[k] = plant(copy[k], poison, rest);
  return copy;
}

describe('canonicalJson equals the previous implementation', () => {
  it('gives the same text for random JSON-like values (property, fixed seed)', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
      }),
      { seed: 20261128, numRuns: 3000 },
    );
  });

  it('gives the same text for fast-check JSON values, with and without index-like keys (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.oneof(fc.string(), fc.nat().map(String)), fc.jsonValue()), (a, b) => {
        expect(canonicalJson(a)).toBe(referenceCanonicalJson(a));
        expect(canonicalJson({ a, b })).toBe(referenceCanonicalJson({ a, b }));
        expect(canonicalJson([b, a, b])).toBe(referenceCanonicalJson([b, a, b]));
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('rejects the same values with the same error and path (property, fixed seed)', () => {
    fc.assert(
      fc.property(jsonish, bad, fc.array(fc.nat(), { maxLength: 5 }), (value, poison, path) => {
        const planted = plant(value, poison, path);
        expect(outcome(canonicalJson, planted)).toEqual(outcome(referenceCanonicalJson, planted));
      }),
      { seed: 1128, numRuns: 2000 },
    );
  });

  it('agrees on nesting limits and cycles', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 1 : depth % 2 ? [nest(depth - 1)] : { k: nest(depth - 1) });
    for (const depth of [255, 256, 257, 258, 400]) {
      expect(outcome(canonicalJson, nest(depth))).toEqual(outcome(referenceCanonicalJson, nest(depth)));
    }
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(outcome(canonicalJson, cyclic)).toEqual(outcome(referenceCanonicalJson, cyclic));
    expect(outcome(canonicalJson, cyclic)).toMatchObject({ code: 'NON_CANONICAL_VALUE' });
  });

  it('many object shapes (more than the shape cache holds) still sort correctly', () => {
    for (let i = 0; i < 3000; i++) {
      const value = { [`z${i}`]: i, [`a${i % 7}`]: [i], m: { [`k${i}`]: true, b: null } };
      expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
    }
  });
});

describe('canonicalEventBodyJson', () => {
  it('is the canonical JSON of the event without hash and seq (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, jsonish, { maxKeys: 12 }), fc.option(fc.string()), fc.option(fc.nat()), (record, hash, seq) => {
        const event: Record<string, unknown> = { ...record };
        if (hash !== null) event.hash = hash;
        if (seq !== null) event.seq = seq;
        const { hash: _h, seq: _s, ...body } = event;
        expect(outcome(() => canonicalEventBodyJson(event), null)).toEqual(outcome(referenceCanonicalJson, body));
      }),
      { seed: 99, numRuns: 1000 },
    );
  });

  it('reports a bad value inside the event like canonicalJson does on the body', () => {
    const event = { id: 'H/1', hash: 'x', seq: 3, data: { when: new Date(0) } };
    expect(() => canonicalEventBodyJson(event)).toThrow(ChainError);
    expect(outcome(() => canonicalEventBodyJson(event), null)).toEqual(outcome(referenceCanonicalJson, { id: 'H/1', data: { when: new Date(0) } }));
  });
});

/**
 * Whether `a` and `b` are the same JSON data down to what a store could observe: own keys in
 * the same order, the same prototypes, numbers equal by Object.is (so -0 differs from 0).
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => k === 'length' || sameData((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

/** Every object and array inside `value`. */
function objectsOf(value: unknown, into = new Set<object>()): Set<object> {
  if (value !== null && typeof value === 'object') {
    into.add(value);
    for (const item of Object.values(value)) objectsOf(item, into);
  }
  return into;
}

// decide seals event data with canonicalJsonCopy where it took JSON.parse(canonicalJson(data)):
// the copy must be exactly what the round trip gave (stores write and hash that object).
describe('canonicalJsonCopy equals the JSON.parse round trip of canonicalJson', () => {
  it('gives the same text and an exactly equal copy that shares nothing with the value (property, fixed seed)', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        const { json, copy } = canonicalJsonCopy(value);
        expect(json).toBe(canonicalJson(value));
        expect(sameData(copy, JSON.parse(json))).toBe(true);
        const inside = objectsOf(value);
        for (const o of objectsOf(copy)) expect(inside.has(o)).toBe(false);
      }),
      { seed: 20261206, numRuns: 3000 },
    );
  });

  it('keeps -0 as 0, an own "__proto__", index-like keys first, lone surrogates, and drops undefined properties', () => {
    const value = JSON.parse('{"__proto__":{"x":-0},"b":"\\ud800","10":1,"2":[-0]}') as Record<string, unknown>;
    value.u = undefined;
    const { json, copy } = canonicalJsonCopy(value);
    expect(json).toBe('{"10":1,"2":[0],"__proto__":{"x":0},"b":"\\ud800"}');
    expect(sameData(copy, JSON.parse(json))).toBe(true);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy as object)).toEqual(['2', '10', '__proto__', 'b']);
    expect(Object.is((copy as { 2: number[] })[2][0], 0)).toBe(true);
  });

  it('copies a null-prototype object as a plain one, and drops array extras and symbol keys', () => {
    const bare = Object.assign(Object.create(null) as object, { k: 1 });
    const list = Object.assign([1, 2], { extra: 3 });
    const { copy } = canonicalJsonCopy({ bare, list, [Symbol('s')]: 1 });
    expect(sameData(copy, { bare: { k: 1 }, list: [1, 2] })).toBe(true);
  });

  it('reads each getter once: the copy holds the values the text was written from', () => {
    let reads = 0;
    const value = {
      get n() {
        reads += 1;
        return reads;
      },
    };
    const { json, copy } = canonicalJsonCopy(value);
    expect(reads).toBe(1);
    expect(sameData(copy, JSON.parse(json))).toBe(true);
  });

  it('rejects the same values with the same error and path (property, fixed seed)', () => {
    fc.assert(
      fc.property(jsonish, bad, fc.array(fc.nat(), { maxLength: 5 }), (value, poison, path) => {
        const planted = plant(value, poison, path);
        expect(outcome((v) => canonicalJsonCopy(v).json, planted)).toEqual(outcome(canonicalJson, planted));
      }),
      { seed: 1206, numRuns: 2000 },
    );
    const nest = (depth: number): unknown => (depth === 0 ? 1 : depth % 2 ? [nest(depth - 1)] : { k: nest(depth - 1) });
    for (const depth of [256, 257, 400]) expect(outcome((v) => canonicalJsonCopy(v).json, nest(depth))).toEqual(outcome(canonicalJson, nest(depth)));
  });

  it('its text, given to canonicalEventBodyJson for the data, gives the body text the copy gives (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, jsonish, { maxKeys: 8 }), jsonish, (record, data) => {
        const { json, copy } = canonicalJsonCopy(data);
        const event = { ...record, data: copy, hash: 'h' };
        expect(canonicalEventBodyJson(event, json)).toBe(canonicalEventBodyJson(event));
      }),
      { seed: 61206, numRuns: 1000 },
    );
  });
});
