import { openCheckpoint, readCheckpointUnverified, type Checkpoint } from '../chain/checkpoint.js';
import type { Verifier } from '../ports/signer.js';
import type { Store } from '../ports/store.js';
import { readDocumentsExtension } from './document-trail-head.js';

/** A stored checkpoint as the per-hazard check reads it: its number, what it signed, and its documents line. @internal */
export interface StoredCheckpointProbe {
  stored: number;
  /** The signed note, as stored. */
  text: string;
  checkpoint: Checkpoint;
  documents: { count: number; head: string } | null;
}

/**
 * Finds stored checkpoints by binary search over their numbers (`readCheckpoints(n, 1)`), for a
 * predicate that is false then true as checkpoints are appended (each signs at least what the
 * one before signed): O(log checkpoints) reads instead of all of them. Probes are parsed
 * without verifying; the one found is verified with `verifier` (when given). A row edited so
 * that a probe reads wrong only moves the search to a later checkpoint (a longer segment), or
 * to one whose signature fails, which the caller reports. @internal
 */
export function storedCheckpointSearch(store: Pick<Store, 'latestCheckpoint' | 'readCheckpoints'>, verifier: Verifier | undefined) {
  const probes = new Map<number, StoredCheckpointProbe | null>();
  let last: Promise<number> | null = null;
  const probe = async (n: number): Promise<StoredCheckpointProbe | null> => {
    if (!probes.has(n)) {
      const [row] = await store.readCheckpoints(n, 1);
      const checkpoint = row ? readCheckpointUnverified(row.text) : null;
      probes.set(n, row && checkpoint ? { stored: row.seq, text: row.text, checkpoint, documents: readDocumentsExtension(checkpoint.extensions) } : null);
    }
    return probes.get(n) ?? null;
  };
  const verified = new Map<number, Promise<boolean>>();
  const verify = async (p: StoredCheckpointProbe): Promise<boolean> => {
    if (!verifier) return true;
    if (!verified.has(p.stored)) {
      verified.set(
        p.stored,
        openCheckpoint(p.text, verifier).then((opened) => opened !== null),
      );
    }
    return verified.get(p.stored) as Promise<boolean>;
  };
  return {
    /**
     * The first stored checkpoint for which `holds` is true, `null` when none is; `verified` is
     * false when its signature fails (with a verifier): the caller must not rely on it.
     */
    async first(holds: (p: StoredCheckpointProbe) => boolean): Promise<(StoredCheckpointProbe & { verified: boolean }) | null> {
      last ??= store.latestCheckpoint().then((c) => c?.seq ?? 0);
      let lo = 1;
      let hi = await last;
      const top = hi === 0 ? null : await probe(hi);
      if (!top || !holds(top)) return null;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        const p = await probe(mid);
        if (p && holds(p)) hi = mid;
        else lo = mid + 1;
      }
      const found = await probe(lo);
      return found ? { ...found, verified: await verify(found) } : null;
    },
  };
}
