import type { DeadlinePolicy, HazardLevel, Pack } from '../pack/types.js';

/**
 * Deadlines used when neither the rule nor the pack's `deadlines` set one.
 *
 * - `simple`: `immediate` — a 简易隐患 is by definition fixed on the spot.
 * - `general`: 15 working days — a placeholder: national law sets no single period
 *   (national law sets no number of days: the deadline is the department's decision); departments set
 *   theirs in `pack.deadlines`.
 * - `major`: 30 days — a placeholder for the rectification plan's first milestone; the
 *   enforcement officer sets the real period when the case is opened.
 */
export const DEFAULT_DEADLINES: Readonly<Record<HazardLevel, DeadlinePolicy>> = Object.freeze({
  simple: 'immediate',
  general: Object.freeze({ workingDays: 15 }),
  major: Object.freeze({ days: 30 }),
});

/** The deadline of a hazard: the rule's, else the pack's for the level, else {@link DEFAULT_DEADLINES}. */
export function deadlineFor(pack: Pick<Pack, 'deadlines'>, level: HazardLevel, own: DeadlinePolicy | undefined): DeadlinePolicy {
  return own ?? pack.deadlines?.[level] ?? DEFAULT_DEADLINES[level];
}
