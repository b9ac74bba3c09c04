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
  try {
    return writeValue(value, 0);
  } catch (error) {
    if (error === INVALID) reportInvalid(value);
    throw error;
  }
}

/**
 * The canonical JSON of an event's hashed body: `event` without its own `hash` and `seq`
 * properties, as `canonicalJson({ ...event } minus hash and seq)` but without the copy.
 * `dataJson`, when given, is written for `event.data` instead of serialising it again: it
 * must be `canonicalJson` of that very value (what {@link canonicalJsonCopy} returned with
 * it), so the text is the same. Internal to the chain (see `computeEventHash`).
 */
export function canonicalEventBodyJson(event: object, dataJson?: string): string {
  try {
    return writeObject(event as Record<string, unknown>, 0, true, dataJson);
  } catch (error) {
    if (error === INVALID) {
      const { hash: _hash, seq: _seq, ...body } = event as Record<string, unknown>;
      reportInvalid(body);
    }
    throw error;
  }
}

// The writer below builds the text in one pass, in sorted key order. When it meets a value
// without a canonical form it throws INVALID and `validate` walks the value again, in the
// same order as before, to report the exact path: errors are rare, hashing is not.
const INVALID: unique symbol = Symbol('invalid');

function reportInvalid(value: unknown): never {
  validate(value, []);
  // Unreachable unless a getter answers differently the second time.
  return fail([], 'value changed while it was serialized');
}

/** Strings JSON.stringify would escape: `"`, `\`, control characters, and any surrogate (lone ones are escaped). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function writeString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function writeValue(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'number':
      // Rejects NaN and ±Infinity; String() is JSON's number form (and writes -0 as "0").
      if (value - value !== 0) throw INVALID;
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (depth > 256) throw INVALID;
      if (Array.isArray(value)) return writeArray(value, depth);
      return writeObject(value as Record<string, unknown>, depth, false);
    default:
      throw INVALID;
  }
}

function writeArray(array: readonly unknown[], depth: number): string {
  const length = array.length;
  if (length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < length; i++) {
    const item = array[i];
    if (item === undefined) throw INVALID;
    if (i > 0) out += ',';
    out += writeValue(item, depth + 1);
  }
  return `${out}]`;
}

/**
 * `omitHashAndSeq`: the event-body case — skip those two keys and accept any prototype at this
 * level; there `dataJson` (if given) is the text written for the `data` key.
 */
function writeObject(record: Record<string, unknown>, depth: number, omitHashAndSeq: boolean, dataJson?: string): string {
  if (!omitHashAndSeq) {
    const proto: unknown = Object.getPrototypeOf(record);
    if (proto !== Object.prototype && proto !== null) throw INVALID;
  }
  const shape = shapeOf(Object.keys(record));
  const sorted = shape.sorted;
  let out = '{';
  let empty = true;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as string;
    if (omitHashAndSeq && (key === 'hash' || key === 'seq')) continue;
    const item = record[key];
    if (item === undefined) continue;
    out += empty ? shape.prefix[i] : shape.commaPrefix[i];
    out += dataJson !== undefined && key === 'data' ? dataJson : writeValue(item, depth + 1);
    empty = false;
  }
  return `${out}}`;
}

/**
 * `canonicalJson(value)` and, from the same walk, what `JSON.parse` of that text gives: a
 * fresh plain copy (no object shared with `value`) with `undefined` properties dropped, keys
 * inserted in canonical order, `-0` as `0`, prototypes `Object.prototype` (an own
 * `"__proto__"` key stays an own property), only array indices and own enumerable string
 * keys kept, every getter read once (the copy holds the values the text was written from).
 * Rejects what `canonicalJson` rejects, with the same error. Internal to the chain: `decide`
 * seals event data with it and hashes the event with the text (`canonicalEventBodyJson`).
 */
export function canonicalJsonCopy(value: unknown): { json: string; copy: unknown } {
  try {
    const json = copyValue(value, 0);
    const copy = copied;
    copied = undefined;
    return { json, copy };
  } catch (error) {
    copied = undefined;
    if (error === INVALID) reportInvalid(value);
    throw error;
  }
}

// The copy of the value `copyValue` last wrote (one slot rather than a pair per value).
let copied: unknown;

function copyValue(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      copied = value;
      return writeString(value);
    case 'number':
      if (value - value !== 0) throw INVALID;
      // JSON.parse of String(-0), "0", is 0.
      copied = value === 0 ? 0 : value;
      return String(value);
    case 'boolean':
      copied = value;
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) {
        copied = null;
        return 'null';
      }
      if (depth > 256) throw INVALID;
      if (Array.isArray(value)) return copyArray(value, depth);
      return copyObject(value as Record<string, unknown>, depth);
    default:
      throw INVALID;
  }
}

function copyArray(array: readonly unknown[], depth: number): string {
  const length = array.length;
  const target: unknown[] = [];
  let out = '[';
  for (let i = 0; i < length; i++) {
    const item = array[i];
    if (item === undefined) throw INVALID;
    if (i > 0) out += ',';
    out += copyValue(item, depth + 1);
    target.push(copied);
  }
  copied = target;
  return `${out}]`;
}

function copyObject(record: Record<string, unknown>, depth: number): string {
  const proto: unknown = Object.getPrototypeOf(record);
  if (proto !== Object.prototype && proto !== null) throw INVALID;
  const shape = shapeOf(Object.keys(record));
  const sorted = shape.sorted;
  const target: Record<string, unknown> = {};
  let out = '{';
  let empty = true;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as string;
    const item = record[key];
    if (item === undefined) continue;
    out += empty ? shape.prefix[i] : shape.commaPrefix[i];
    out += copyValue(item, depth + 1);
    // As JSON.parse: an own property, also for "__proto__" (assignment would set the prototype).
    if (key === '__proto__') Object.defineProperty(target, key, { value: copied, writable: true, enumerable: true, configurable: true });
    else target[key] = copied;
    empty = false;
  }
  copied = target;
  return `${out}}`;
}

/**
 * The keys of an object in canonical order, with their `"key":` texts: computed once per
 * object shape (same keys in the same order) and cached, so the usual objects (events, actors,
 * payloads) are not sorted again. Shapes are found by their first key and compared key by key.
 */
interface Shape {
  keys: readonly string[];
  sorted: readonly string[];
  prefix: readonly string[];
  commaPrefix: readonly string[];
}

const shapes = new Map<string, Shape[]>();
let cachedShapes = 0;
const MAX_CACHED_SHAPES = 2048;
const EMPTY_SHAPE: Shape = { keys: [], sorted: [], prefix: [], commaPrefix: [] };

function shapeOf(keys: string[]): Shape {
  const length = keys.length;
  if (length === 0) return EMPTY_SHAPE;
  const first = keys[0] as string;
  const candidates = shapes.get(first);
  if (candidates !== undefined) {
    for (let c = 0; c < candidates.length; c++) {
      const shape = candidates[c] as Shape;
      const known = shape.keys;
      if (known.length !== length) continue;
      let same = true;
      for (let i = 1; i < length; i++) {
        if (known[i] !== keys[i]) {
          same = false;
          break;
        }
      }
      if (same) return shape;
    }
  }
  const sorted = keys.slice().sort();
  const prefix = sorted.map((k) => `${JSON.stringify(k)}:`);
  const shape: Shape = { keys, sorted, prefix, commaPrefix: prefix.map((p) => `,${p}`) };
  if (cachedShapes < MAX_CACHED_SHAPES) {
    cachedShapes += 1;
    if (candidates === undefined) shapes.set(first, [shape]);
    else candidates.push(shape);
  }
  return shape;
}

/** Throws `NON_CANONICAL_VALUE` with the path of the first value (in key insertion order) without a canonical form. */
function validate(value: unknown, path: (string | number)[]): void {
  if (value === null) return;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(path, String(value));
      return;
    case 'object': {
      if (path.length > 256) fail(path, 'nested deeper than 256 levels (or cyclic)');
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          path.push(i);
          if (item === undefined) fail(path, 'undefined in an array');
          validate(item, path);
          path.pop();
        }
        return;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) fail(path, 'not a plain object');
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        if (item === undefined) continue;
        path.push(key);
        validate(item, path);
        path.pop();
      }
      return;
    }
    default:
      fail(path, typeof value);
  }
}

// The path is kept as a stack and joined only when an error is thrown.
function fail(trail: readonly (string | number)[], what: string): never {
  const path = trail.map((p) => `/${p}`).join('');
  throw new ChainError('NON_CANONICAL_VALUE', {
    'zh-CN': `值 ${path || '/'} 无法规范化为 JSON：${what}`,
    en: `value at ${path || '/'} has no canonical JSON: ${what}`,
  });
}
