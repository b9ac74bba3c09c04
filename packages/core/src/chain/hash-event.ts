import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalEventBodyJson } from './canonical-json.js';
import type { ChainEvent } from './types.js';

/** `prevHash` of every hazard's first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The part of `node:crypto` used here (`hash` is Node ≥ 20.12's one-shot digest). */
interface NodeCrypto {
  hash?(algorithm: 'sha256', data: string | Uint8Array, outputEncoding: 'hex' | 'buffer'): string | Uint8Array;
  createHash(algorithm: 'sha256'): { update(data: string | Uint8Array): { digest(): Uint8Array; digest(encoding: 'hex'): string } };
}

/** A native SHA-256: the hex, or the 32 bytes, of a string's UTF-8 or of bytes. */
interface NativeSha256 {
  hex(data: string): string;
  bytes(data: string | Uint8Array): Uint8Array;
}

/**
 * `node:crypto`'s SHA-256 when the runtime hands the module out synchronously without an
 * import (`process.getBuiltinModule`: Node ≥ 20.16; other runtimes only if they offer it), else `undefined` (browsers).
 * Core imports no Node built-in, so browser bundles stay as they are; looked up here rather
 * than installed from `@anjian/core/node` because the CommonJS build gives each entry point
 * its own copy of this module (a setter in one entry would not reach the others). The
 * one-shot `crypto.hash` costs half of `createHash` on short texts (no hash object).
 */
function findNativeSha256(): NativeSha256 | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  let crypto: Partial<NodeCrypto> | undefined;
  try {
    crypto = runtime?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined;
  } catch {
    return undefined;
  }
  const { hash, createHash } = crypto ?? {};
  if (typeof hash === 'function') return { hex: (data) => hash('sha256', data, 'hex') as string, bytes: (data) => hash('sha256', data, 'buffer') as Uint8Array };
  if (typeof createHash === 'function') return { hex: (data) => createHash('sha256').update(data).digest('hex'), bytes: (data) => createHash('sha256').update(data).digest() };
  return undefined;
}

// node:crypto's SHA-256 where the runtime has it: 0.2–0.3× the CPU of @noble/hashes on the
// texts the command path hashes (docs/decisions/006-hash-choice.md, `pnpm bench:sha256`).
let native = findNativeSha256();

/**
 * Which SHA-256 the chain uses: `'native'` (`node:crypto`, the default where the runtime
 * offers it) or `'noble'` (`@noble/hashes`, the default elsewhere). Both give the same
 * bytes; the switch exists for tests and benchmarks that compare them. Returns the one now
 * in use (`'noble'` when `'native'` was asked for but the runtime has none).
 *
 * @internal
 */
export function selectSha256(implementation: 'native' | 'noble'): 'native' | 'noble' {
  native = implementation === 'native' ? findNativeSha256() : undefined;
  return native === undefined ? 'noble' : 'native';
}

// One SHA-256 instance is reset from a pristine one for every digest (`_cloneInto`), so
// hashing a log allocates no hash objects: 1.25× the CPU time of a hand-unrolled SHA-256
// where `sha256(bytes)` per event takes 2.2× (docs/decisions, hash choice; `pnpm bench:chain`).
const pristine = sha256.create();
const work = sha256.create();
const encoder = new TextEncoder();

/** SHA-256 of `bytes` into `out` (32 bytes). Synchronous; reuses one hash instance. */
export function sha256Into(bytes: Uint8Array, out: Uint8Array): void {
  if (native !== undefined) {
    out.set(native.bytes(bytes));
    return;
  }
  pristine._cloneInto(work);
  work.update(bytes);
  work.digestInto(out);
}

// The UTF-8 of the text being hashed is written into this buffer (at most 3 bytes per UTF-16
// unit; grown up to 1 MiB) rather than into a fresh array per digest.
let utf8 = new Uint8Array(4096);
const MAX_KEPT = 1 << 20;

/** SHA-256 of the UTF-8 of `text` into `out` (32 bytes). */
export function sha256Utf8Into(text: string, out: Uint8Array): void {
  if (native !== undefined) {
    out.set(native.bytes(text));
    return;
  }
  const needed = text.length * 3;
  if (needed > MAX_KEPT) return sha256Into(encoder.encode(text), out);
  if (needed > utf8.length) utf8 = new Uint8Array(Math.min(MAX_KEPT, Math.max(needed, utf8.length * 2)));
  const { written } = encoder.encodeInto(text, utf8);
  sha256Into(utf8.subarray(0, written), out);
}

/** For each byte, its two lower-case hex digits. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The lower-case hex of `bytes`. */
export function bytesToHexLower(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] as number] as string;
  return out;
}

const digest = new Uint8Array(32);

/**
 * SHA-256 of a UTF-8 string, lower-case hex. Synchronous; `node:crypto` where the runtime
 * offers it, `@noble/hashes` elsewhere (browsers) — the same bytes either way.
 */
export function sha256Hex(text: string): string {
  if (native !== undefined) return native.hex(text);
  sha256Utf8Into(text, digest);
  return bytesToHexLower(digest);
}

/**
 * The hash an event must carry: SHA-256 over the canonical JSON of the event without
 * `hash` and without the store-assigned `seq`. `prevHash` is inside, which chains it.
 */
export function computeEventHash(event: Omit<ChainEvent, 'hash'> & { hash?: string; seq?: number }, hashHex: (text: string) => string = sha256Hex): string {
  return hashHex(canonicalEventBodyJson(event));
}
