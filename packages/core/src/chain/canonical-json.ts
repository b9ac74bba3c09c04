import { ChainError } from './chain-error.js';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, properties whose
 * value is `undefined` omitted, numbers in ECMAScript shortest form (as RFC 8785 / JCS).
 * Throws `ChainError` `NON_CANONICAL_VALUE` for non-finite numbers, `undefined` in arrays,
 * functions, symbols, bigints and objects that are not plain (Date, Map, class instances),
 * so two hosts can never hash the same event differently.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, 'x'], c: undefined }); // '{"a":[true,"x"],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
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
