import type { StoredEvent } from './types.js';

/**
 * The short reference of a hazard that people read, say and type (隐患编号), e.g. `YH-0042`:
 * `YH` (隐患) and the log sequence number the store gave the hazard's report event, at least
 * four digits. Derived, never stored or sent by a client: the same log always gives the same
 * reference, and it is unique within a store because sequence numbers are (the hazard id,
 * 27 characters, stays the key of every API).
 *
 * @example
 * ```ts
 * hazardRef(42); // 'YH-0042'
 * ```
 */
export function hazardRef(reportSeq: number): string {
  if (!Number.isSafeInteger(reportSeq) || reportSeq < 1) throw new RangeError(`a log sequence number is a positive integer, got ${reportSeq}`);
  return `YH-${String(reportSeq).padStart(4, '0')}`;
}

/** {@link hazardRef} of a hazard from its stored events (the first is its report); null without events. */
export function hazardRefOf(events: readonly StoredEvent[] | null): string | null {
  const first = events?.[0];
  return first ? hazardRef(first.seq) : null;
}
