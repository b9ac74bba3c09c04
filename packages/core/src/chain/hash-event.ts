import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json.js';
import type { ChainEvent } from './types.js';

/** `prevHash` of every hazard's first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 of a UTF-8 string, lower-case hex. Synchronous; works in browsers. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The hash an event must carry: SHA-256 over the canonical JSON of the event without
 * `hash` and without the store-assigned `seq`. `prevHash` is inside, which chains it.
 */
export function computeEventHash(event: Omit<ChainEvent, 'hash'> & { hash?: string; seq?: number }): string {
  const { hash: _hash, seq: _seq, ...body } = event;
  return sha256Hex(canonicalJson(body));
}
