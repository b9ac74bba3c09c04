import { canonicalJson } from '../chain/canonical-json.js';
import { GENESIS_HASH, sha256Hex } from '../chain/hash-event.js';
import type { PermitEvent, PermitEventDataMap, PermitEventType } from './permit-types.js';

/** The hash of an event: SHA-256 of the canonical JSON of everything but `hash`. */
export function hashPermitEvent(event: Omit<PermitEvent, 'hash'>): string {
  const { id, permitId, version, type, actorId, recordedAt, data, prevHash } = event;
  return sha256Hex(canonicalJson({ id, permitId, version, type, actorId, recordedAt, data, prevHash }));
}

/** Builds the next event of a permit's chain (after `prev`, or the first). */
export function chainPermitEvent<T extends PermitEventType>(
  prev: { version: number; lastHash: string } | null,
  permitId: string,
  type: T,
  data: PermitEventDataMap[T],
  actorId: string,
  recordedAt: string,
): PermitEvent<T> {
  const version = (prev?.version ?? 0) + 1;
  const body = { id: `${permitId}/${version}`, permitId, version, type, actorId, recordedAt, data, prevHash: prev?.lastHash ?? GENESIS_HASH };
  return { ...body, hash: hashPermitEvent(body as Omit<PermitEvent, 'hash'>) };
}

/** Result of {@link verifyPermitChain}: the first broken version, if any. */
export type PermitChainCheck = { ok: true } | { ok: false; version: number; reason: 'version' | 'prev_hash' | 'hash' | 'permit_id' };

/** Checks one permit's events: versions 1…n, each `prevHash` the previous `hash`, each hash recomputed. */
export function verifyPermitChain(events: readonly PermitEvent[]): PermitChainCheck {
  let prevHash = GENESIS_HASH;
  const permitId = events[0]?.permitId;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as PermitEvent;
    if (e.permitId !== permitId) return { ok: false, version: e.version, reason: 'permit_id' };
    if (e.version !== i + 1) return { ok: false, version: e.version, reason: 'version' };
    if (e.prevHash !== prevHash) return { ok: false, version: e.version, reason: 'prev_hash' };
    if (hashPermitEvent(e) !== e.hash) return { ok: false, version: e.version, reason: 'hash' };
    prevHash = e.hash;
  }
  return { ok: true };
}
