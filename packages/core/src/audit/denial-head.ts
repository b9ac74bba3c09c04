import { canonicalJson } from '../chain/canonical-json.js';
import { GENESIS_HASH, sha256Hex } from '../chain/hash-event.js';
import { nextLogHead } from '../chain/verify-chain.js';
import type { StoredDenial } from '../ports/store.js';

/**
 * Folds one stored denial (with its `seq`) into the denial log's running head:
 * `H(head ‖ H(canonical JSON of the denial))`. The denial log has no hash chain of its own
 * (its rows are written by `handleCommand` as they are); a checkpoint signs this head.
 */
export function nextDenialHead(head: string, denial: StoredDenial): string {
  return nextLogHead(head, sha256Hex(canonicalJson(denial)));
}

/** The head of an empty denial log. */
export const EMPTY_DENIAL_HEAD = GENESIS_HASH;

const PREFIX = 'anjian-denials';

/** The checkpoint extension line committing to the first `count` denials: `anjian-denials <count> <head>`. */
export function denialsExtension(count: number, head: string): string {
  return `${PREFIX} ${count} ${head}`;
}

/** Reads {@link denialsExtension} back from a checkpoint's extension lines, or `null`. */
export function readDenialsExtension(extensions: readonly string[] | undefined): { count: number; head: string } | null {
  for (const line of extensions ?? []) {
    const m = /^anjian-denials (\d+) ([0-9a-f]{64})$/.exec(line);
    if (m) return { count: Number(m[1]), head: m[2] as string };
  }
  return null;
}
