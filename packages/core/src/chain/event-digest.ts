// The default hash path of verifyChain: writes the canonical JSON of an event body straight
// into a reused UTF-8 buffer and hashes it there, instead of building the text as a string
// and encoding it. Same bytes as `TextEncoder.encode(canonicalEventBodyJson(event))`
// (checked by event-digest.test.ts); on a value without a canonical form it defers to
// `canonicalEventBodyJson`, which throws the usual NON_CANONICAL_VALUE error.
import { canonicalEventBodyJson, INVALID, shapeOf, type Shape } from './canonical-json.js';
import { sha256BytesWords } from './sha256.js';

const encoder = new TextEncoder();
let buf = new Uint8Array(1 << 14);
let view = new DataView(buf.buffer);
let pos = 0;

/** Makes room for `n` more bytes (plus SHA-256 padding), keeping what is written. */
function ensure(n: number): void {
  if (pos + n + 72 <= buf.length) return;
  const bigger = new Uint8Array(Math.max(buf.length * 2, pos + n + 72));
  bigger.set(buf.subarray(0, pos));
  buf = bigger;
  view = new DataView(buf.buffer);
}

/** SHA-256 of the canonical JSON of `event` without `hash` and `seq`, into `out` (8 words). */
export function eventBodyDigest(event: object, out: Int32Array): void {
  writeBody(event);
  ensure(0);
  sha256BytesWords(buf, view, pos, out);
}

/** The UTF-8 bytes `eventBodyDigest` hashes for `event` (a copy; for tests). */
export function eventBodyUtf8(event: object): Uint8Array {
  writeBody(event);
  return buf.slice(0, pos);
}

function writeBody(event: object): void {
  pos = 0;
  try {
    writeObject(event as Record<string, unknown>, 0, true);
  } catch (error) {
    if (error === INVALID) canonicalEventBodyJson(event); // throws the detailed error
    throw error;
  }
}

function writeAscii(text: string): void {
  const n = text.length;
  ensure(n);
  for (let i = 0; i < n; i++) buf[pos++] = text.charCodeAt(i);
}

function writeBytes(bytes: Uint8Array): void {
  const n = bytes.length;
  ensure(n);
  for (let i = 0; i < n; i++) buf[pos++] = bytes[i] as number;
}

function writeString(text: string): void {
  const n = text.length;
  ensure(n + 2);
  const start = pos;
  buf[pos++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
      // Escapes or non-ASCII: let JSON.stringify and TextEncoder do this string.
      pos = start;
      const json = JSON.stringify(text);
      ensure(json.length * 3);
      pos += encoder.encodeInto(json, buf.subarray(pos)).written;
      return;
    }
    buf[pos++] = c;
  }
  buf[pos++] = 0x22;
}

function writeValue(value: unknown, depth: number): void {
  switch (typeof value) {
    case 'string':
      writeString(value);
      return;
    case 'number':
      if (value - value !== 0) throw INVALID;
      writeAscii(String(value));
      return;
    case 'boolean':
      writeAscii(value ? 'true' : 'false');
      return;
    case 'object':
      if (value === null) {
        writeAscii('null');
        return;
      }
      if (depth > 256) throw INVALID;
      if (Array.isArray(value)) writeArray(value, depth);
      else writeObject(value as Record<string, unknown>, depth, false);
      return;
    default:
      throw INVALID;
  }
}

function writeArray(array: readonly unknown[], depth: number): void {
  ensure(2);
  buf[pos++] = 0x5b; // [
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    if (item === undefined) throw INVALID;
    if (i > 0) {
      ensure(1);
      buf[pos++] = 0x2c; // ,
    }
    writeValue(item, depth + 1);
  }
  ensure(1);
  buf[pos++] = 0x5d; // ]
}

function prefixBytesOf(shape: Shape): { plain: readonly Uint8Array[]; comma: readonly Uint8Array[] } {
  if (shape.prefixBytes === undefined || shape.commaPrefixBytes === undefined) {
    shape.prefixBytes = shape.prefix.map((p) => encoder.encode(p));
    shape.commaPrefixBytes = shape.commaPrefix.map((p) => encoder.encode(p));
  }
  return { plain: shape.prefixBytes, comma: shape.commaPrefixBytes };
}

function writeObject(record: Record<string, unknown>, depth: number, omitHashAndSeq: boolean): void {
  if (!omitHashAndSeq) {
    const proto: unknown = Object.getPrototypeOf(record);
    if (proto !== Object.prototype && proto !== null) throw INVALID;
  }
  const shape = shapeOf(Object.keys(record));
  const sorted = shape.sorted;
  const { plain, comma } = prefixBytesOf(shape);
  ensure(2);
  buf[pos++] = 0x7b; // {
  let empty = true;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as string;
    if (omitHashAndSeq && (key === 'hash' || key === 'seq')) continue;
    const item = record[key];
    if (item === undefined) continue;
    writeBytes((empty ? plain[i] : comma[i]) as Uint8Array);
    writeValue(item, depth + 1);
    empty = false;
  }
  ensure(1);
  buf[pos++] = 0x7d; // }
}

