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
  return write(value, '');
}

function fail(path: string, what: string): never {
  throw new ChainError('NON_CANONICAL_VALUE', {
    'zh-CN': `值 ${path || '/'} 无法规范化为 JSON：${what}`,
    en: `value at ${path || '/'} has no canonical JSON: ${what}`,
  });
}

function write(value: unknown, path: string): string {
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
      if (Array.isArray(value)) {
        const parts: string[] = [];
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) fail(`${path}/${i}`, 'undefined in an array');
          parts.push(write(item, `${path}/${i}`));
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
        parts.push(`${JSON.stringify(key)}:${write(item, `${path}/${key}`)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return fail(path, typeof value);
  }
}
