import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256Hex } from '../chain/hash-event.js';

/**
 * How a round's draw seeds are made (T33): `hmac-sha256-commit-v1`.
 *
 * - When the round is opened the server takes a 32-byte `nonce` from the CSPRNG
 *   (`globalThis.crypto.getRandomValues`) and records it with `commitment` — the SHA-256 hex
 *   of the first draw's seed — in the round's `round_opened` entry, which anyone may read.
 * - Draw `n`'s seed is `HMAC-SHA256(server key, "anjian-round-seed-v1\n" + roundId + "\n" + nonce + "\n" + n)`
 *   as lower-case hex: fixed when the round opens, known only to the server until the draw.
 * - A draw reveals its seed and the commitment of the next one (`nextCommitment`): anyone
 *   checks `sha256(seed) = commitment` and re-draws the list by hand from the seed
 *   (`sha256-rank-v1`). Nobody — the drawer included — types or picks a seed.
 */
export const ROUND_SEED_METHOD = 'hmac-sha256-commit-v1';

/** What a round publishes about its seeds when it opens. */
export interface RoundSeedCommitment {
  method: typeof ROUND_SEED_METHOD;
  /** 64 hex: the CSPRNG's part of every seed of the round. */
  nonce: string;
  /** SHA-256 hex of the first draw's seed. */
  commitment: string;
}

/** The commitment to a seed: SHA-256 hex of its UTF-8 (`printf '%s' SEED | sha256sum`). */
export function seedCommitment(seed: string): string {
  return sha256Hex(seed);
}

/** Draw `n`'s seed (1 the first draw, 2 the first re-draw …) of a round: server-only, needs the key. */
export function roundSeed(key: Uint8Array, roundId: string, nonce: string, n: number): string {
  return bytesToHex(hmac(sha256, key, new TextEncoder().encode(`anjian-round-seed-v1\n${roundId}\n${nonce}\n${n}`)));
}

/** The commitment a new round records: a fresh CSPRNG nonce and the SHA-256 of its first seed. */
export function newRoundSeedCommitment(key: Uint8Array, roundId: string): RoundSeedCommitment {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  const nonce = bytesToHex(bytes);
  return { method: ROUND_SEED_METHOD, nonce, commitment: seedCommitment(roundSeed(key, roundId, nonce, 1)) };
}

/** A server key for round seeds must be random bytes, at least 32 of them. */
export function validSeedKey(key: unknown): key is Uint8Array {
  return key instanceof Uint8Array && key.length >= 32;
}
