import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson } from './canonical-json.js';
import type { ChainEvent } from './types.js';

/** `prevHash` of every hazard's first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 of a UTF-8 string, lower-case hex. Synchronous; works in browsers. */
export function sha256Hex(text: string): string {
  const digest = sha256(encoder.encode(text));
  let out = '';
  for (let i = 0; i < digest.length; i++) out += HEX[digest[i] as number];
  return out;
}

/**
 * The hash an event must carry: SHA-256 over the canonical JSON of the event without
 * `hash` and without the store-assigned `seq`. `prevHash` is inside, which chains it.
 */
export function computeEventHash(
  event: Omit<ChainEvent, 'hash'> & { hash?: string; seq?: number },
  hashHex: (text: string) => string = sha256Hex,
): string {
  const { hash: _hash, seq: _seq, ...body } = event;
  return hashHex(canonicalJson(body));
}
