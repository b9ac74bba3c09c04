import { canonicalEventBodyJson } from './canonical-json.js';
import { bytesToHexLower, computeEventHash, GENESIS_HASH, sha256Hex, sha256Into, sha256Utf8Into } from './hash-event.js';
import { hexEqualsDigest, writeHexAscii } from './hex-digest.js';
import type { ChainEvent } from './types.js';

/** Why a chain does not verify. */
export type ChainBreakReason = 'SEQ_GAP' | 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'VERSION_GAP' | 'ID_MISMATCH' | 'RECORDED_AT_REVERSED';

/** Result of {@link verifyChain}. `head` is the log head after the last event (see {@link nextLogHead}). */
export type ChainVerification = { ok: true; size: number; head: string } | { ok: false; brokenAt: number; seq: number | undefined; hazardId: string | undefined; reason: ChainBreakReason };

/** Folds one event hash into the running log head: `H(head ‖ eventHash)`. */
export function nextLogHead(head: string, eventHash: string, hashHex: (text: string) => string = sha256Hex): string {
  return hashHex(`${head}${eventHash}`);
}

/**
 * Verifies a complete log (a store's `readLog` from seq 1, in seq order) or one hazard's
 * complete stream (in version order). Finds the first broken link: `brokenAt` is the index
 * in `events`.
 *
 * The default path hashes with `@noble/hashes` (synchronous, isomorphic) on reused buffers
 * (about 1 s of CPU per 100 000 events of ~700 bytes; `pnpm bench:chain`). `sha256Hex`
 * may replace it, e.g. with a native implementation (Node: `createHash('sha256')`); it
 * must return lower-case hex SHA-256 of the UTF-8 text. Both give the same result.
 *
 * A log must start at seq `firstSeq` (default 1), so deleting the first event is caught too.
 * Pass `{ contiguousSeq: false }` for one hazard's stream read with `readEvents` (its seqs
 * have gaps where other hazards' events sit).
 *
 * Checks, per event: `seq` contiguous from the first event's (when present) — a deleted
 * event is reported at the index where it is missing; the hash recomputes — an edited
 * event is reported at its own index; `prevHash` and `version` follow the previous event
 * of the same hazard; `recordedAt` never decreases within a hazard; `id` is
 * `<hazardId>/<version>`. Removing the newest events leaves a valid chain: only a
 * signed checkpoint ({@link verifyAgainstCheckpoint}) detects that.
 *
 * @example
 * ```ts
 * const result = verifyChain(await store.readLog(1, 1_000_000));
 * if (!result.ok) alert(`broken at ${result.brokenAt}: ${result.reason}`);
 * ```
 */
export function verifyChain(events: readonly (ChainEvent & { seq?: number })[], options: { contiguousSeq?: boolean; firstSeq?: number; sha256Hex?: (text: string) => string } = {}): ChainVerification {
  const hashHex = options.sha256Hex;
  const contiguous = options.contiguousSeq ?? true;
  const heads = new Map<string, { version: number; hash: string; recordedAt: string }>();
  // The log head and each event's digest stay as bytes on the default path: the head is
  // folded as H(hex(head) ‖ hex(eventHash)) without building either string.
  const headDigest = new Uint8Array(32);
  const eventDigest = new Uint8Array(32);
  const pair = new Uint8Array(128);
  writeHexAscii(headDigest, pair, 0);
  let head = GENESIS_HASH;
  const firstSeq = events[0]?.seq === undefined ? undefined : (options.firstSeq ?? 1);
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ChainEvent & { seq?: number };
    if (contiguous && firstSeq !== undefined && e.seq !== firstSeq + i) return broken(i, e, 'SEQ_GAP');
    if (hashHex === undefined) {
      sha256Utf8Into(canonicalEventBodyJson(e), eventDigest);
      if (!hexEqualsDigest(e.hash, eventDigest)) return broken(i, e, 'HASH_MISMATCH');
    } else if (computeEventHash(e, hashHex) !== e.hash) return broken(i, e, 'HASH_MISMATCH');
    const prev = heads.get(e.hazardId);
    if (e.version !== (prev === undefined ? 0 : prev.version) + 1) return broken(i, e, 'VERSION_GAP');
    if (e.prevHash !== (prev === undefined ? GENESIS_HASH : prev.hash)) return broken(i, e, 'PREV_HASH_MISMATCH');
    if (e.id !== `${e.hazardId}/${e.version}`) return broken(i, e, 'ID_MISMATCH');
    if (prev !== undefined && e.recordedAt < prev.recordedAt) return broken(i, e, 'RECORDED_AT_REVERSED');
    if (prev === undefined) heads.set(e.hazardId, { version: e.version, hash: e.hash, recordedAt: e.recordedAt });
    else {
      prev.version = e.version;
      prev.hash = e.hash;
      prev.recordedAt = e.recordedAt;
    }
    if (hashHex === undefined) {
      writeHexAscii(eventDigest, pair, 64);
      sha256Into(pair, headDigest);
      writeHexAscii(headDigest, pair, 0);
    } else head = nextLogHead(head, e.hash, hashHex);
  }
  if (hashHex === undefined) head = bytesToHexLower(headDigest);
  return { ok: true, size: events.length, head };
}

function broken(i: number, e: ChainEvent & { seq?: number }, reason: ChainBreakReason): ChainVerification {
  return { ok: false, brokenAt: i, seq: e.seq, hazardId: e.hazardId, reason };
}
