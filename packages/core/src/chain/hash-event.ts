import { canonicalEventBodyJson } from './canonical-json.js';
import { sha256Utf8Words, wordsToHex } from './sha256.js';
import type { ChainEvent } from './types.js';

/** `prevHash` of every hazard's first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

const digest = new Int32Array(8);

/** SHA-256 of a UTF-8 string, lower-case hex. Synchronous; works in browsers. */
export function sha256Hex(text: string): string {
  sha256Utf8Words(text, digest);
  return wordsToHex(digest);
}

/**
 * The hash an event must carry: SHA-256 over the canonical JSON of the event without
 * `hash` and without the store-assigned `seq`. `prevHash` is inside, which chains it.
 */
export function computeEventHash(
  event: Omit<ChainEvent, 'hash'> & { hash?: string; seq?: number },
  hashHex: (text: string) => string = sha256Hex,
): string {
  return hashHex(canonicalEventBodyJson(event));
}
