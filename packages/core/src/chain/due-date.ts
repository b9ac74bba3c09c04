import type { Calendar } from '../ports/calendar.js';
import { isChainError } from './chain-error.js';
import { computeDeadline } from './compute-deadline.js';
import type { ChainEvent, EventType, HazardState } from './types.js';

/**
 * Where a hazard's due date comes from:
 * - `notice` — the rectification notice (or a restart's new notice) set it;
 * - `extension` — an officer or grid inspector granted an extension;
 * - `plan` — the treatment plan's date (`plan_approved`, or `plan_submitted` in chains that
 *   recorded a plan's date as the deadline without an approval);
 * - `report` — the pack's time limit counted from the report: recorded with the report
 *   (`runningDeadline`), or, while no clock runs, computed here the same way.
 */
export type DueSource = 'notice' | 'extension' | 'plan' | 'report';

/** Result of {@link dueDate}: the date (ISO 8601) and its source; both null for a closed hazard. */
export interface DueDate {
  deadline: string | null;
  source: DueSource | null;
}

const SETS: Partial<Record<EventType, DueSource>> = { reported: 'report', notice_issued: 'notice', extension_granted: 'extension', plan_submitted: 'plan', plan_approved: 'plan' } as Partial<
  Record<EventType, DueSource>
>;

/**
 * A hazard's due date from the moment it is reported: the running deadline with the event
 * that set it, or — while no clock runs (reported, escalated, case filed) — the pack's
 * deadline policy counted from the report with `computeDeadline` on the host's calendar.
 * A closed hazard has none. Lists sort and flag overdue hazards by it, pages show its source.
 * Throws `ChainError` `CALENDAR_NOT_COVERED` when the projection would count working days in a
 * year the calendar does not cover (it is not left out as "no date").
 *
 * @example
 * ```ts
 * dueDate(state, events, calendar); // { deadline: '2026-12-15T15:59:59.999Z', source: 'report' }
 * ```
 */
export function dueDate(state: HazardState, history: readonly ChainEvent[], calendar: Calendar): DueDate {
  if (state.status === 'closed') return { deadline: null, source: null };
  if (state.deadline !== null) {
    let source: DueSource = 'notice';
    for (const e of history) {
      const running = (e.data as { runningDeadline?: unknown }).runningDeadline;
      source = typeof running === 'string' ? 'report' : (SETS[e.type] ?? source);
    }
    return { deadline: state.deadline, source };
  }
  try {
    return { deadline: computeDeadline(state.deadlinePolicy, new Date(Date.parse(state.createdAt)), calendar).toISOString(), source: 'report' };
  } catch (error) {
    // A year the host has not loaded is its missing data, not a date to leave out: refused.
    if (isChainError(error) && error.code === 'CALENDAR_NOT_COVERED') throw error;
    // A policy the calendar cannot count (no working days in its data): no projected date.
    return { deadline: null, source: null };
  }
}
