/**
 * The report read model: the aggregates a periodic report (周研判、月通报、季度考核) needs,
 * answered by the store that holds the data (SQL `GROUP BY` on SQLite and PostgreSQL), never
 * by loading every hazard into memory. Facts are derived from the hash-chained event log with
 * core's own fold ({@link hazardReportFact}), and from the inspection log.
 *
 * @module
 */
import { evolve } from '../chain/evolve.js';
import { summarize } from '../chain/summarize.js';
import type { ChainEvent, HazardState } from '../chain/types.js';
import type { FindingSource } from '../classify/types.js';

/**
 * One hazard as the reports see it, derived from its events by {@link hazardReportFact}.
 * Stores keep one row per hazard (their projection) and refresh it when the hazard's
 * version moves.
 */
export interface HazardReportFact {
  hazardId: string;
  /** The hazard's version the fact was derived at. */
  version: number;
  enterpriseId: string;
  area: string;
  domain: string;
  /** Current level (after reclassification). */
  level: string;
  source: FindingSource;
  /**
   * What "the same item" means for recurrence: `pack id:item` (or `pack id:rule` for a
   * composite) of the reported finding; null for a manual observation (never recurrent).
   */
  item: string | null;
  /** When the hazard was reported (`toISOString()` form). */
  createdAt: string;
  /**
   * The last running deadline of an open hazard (as on the hazard list while rectifying; kept
   * when an escalation or a case stops the clock, so an overdue hazard escalated by the tick
   * still counts as overdue); null when closed or when it never had one.
   */
  deadline: string | null;
  /** When it was closed, or null while it is not closed (a reopened hazard is open again). */
  closedAt: string | null;
  /**
   * Closed, and nothing happened to it while it was rectifying after its running deadline
   * (the rectification came in time). Null while not closed.
   */
  onTime: boolean | null;
  /**
   * When the hazard was overdue, oldest first: each span is a stretch of time in which it was
   * open with a running deadline in force that had passed, and the rectification was the
   * enterprise's to do — not while a rectification it submitted waits for the officers
   * (`submitted`, `verified`, `accepted`: {@link AWAITING_OFFICERS}); a rejection hands it back,
   * overdue from the rejection when the deadline has passed. A report counts the hazard overdue
   * at an instant `t` when a span has `since < t <= until` (or `since < t` while `until` is
   * null) — so a past period's report counts what was overdue at its end, not what is now.
   */
  overdue: ReportOverdueSpan[];
}

/**
 * One stretch of time in which a hazard was overdue (see {@link HazardReportFact.overdue}).
 * Instants are `toISOString()` strings; an event recorded at `t` counts from just after `t`
 * (the state at `t` is the state after the events recorded before `t`).
 */
export interface ReportOverdueSpan {
  /** Overdue just after this instant: the later of the deadline and the event that put it in force. */
  since: string;
  /**
   * Still overdue at this instant (inclusive): the event that ended the span (the closure, a
   * new deadline such as an extension, a reclassification or reopening), or null while it lasts.
   */
  until: string | null;
  /** The running deadline in force during the span (the last one of an open hazard, as {@link HazardReportFact.deadline}). */
  deadline: string;
}

/**
 * Statuses in which the rectification is with the officers, not the enterprise: submitted and
 * waiting for verification (or, for a major hazard, acceptance), verified or accepted and
 * waiting for closure (销号). A deadline that passes meanwhile is not the enterprise's overdue.
 */
export const AWAITING_OFFICERS: ReadonlySet<string> = new Set(['submitted', 'verified', 'accepted']);

/** The span of `fact` in which it was overdue at `asOf`, or null when it was not overdue then. */
export function overdueAt(fact: Pick<HazardReportFact, 'overdue'>, asOf: string): ReportOverdueSpan | null {
  for (const span of fact.overdue) if (span.since < asOf && (span.until === null || span.until >= asOf)) return span;
  return null;
}

/**
 * The version of {@link hazardReportFact}'s definition. A store keeps it with its projection
 * and rebuilds the projection from the log when it changes.
 */
export const REPORT_FACT_VERSION = 4;

/**
 * Derive a hazard's {@link HazardReportFact} from its events (in version order) with the
 * chain's own `evolve` and `summarize`, so the reports and the hazard list never disagree
 * about a deadline or a status.
 */
export function hazardReportFact(events: readonly ChainEvent[]): HazardReportFact {
  let state: HazardState | null = null;
  let closedAt: string | null = null;
  let late = false;
  let lastDeadline: string | null = null;
  // The deadline the enterprise owes (null while closed, without one, or awaiting the officers),
  // since when it owes it, and the spans in which it had passed.
  let owed: string | null = null;
  let owedFrom = '';
  const overdue: ReportOverdueSpan[] = [];
  const endSpan = (until: string | null) => {
    if (owed === null) return;
    const since = owedFrom > owed ? owedFrom : owed;
    if (until === null || since < until) overdue.push({ since, until, deadline: owed });
  };
  for (const event of events) {
    const before: HazardState | null = state;
    if (before !== null) {
      const running = summarize(before).deadline;
      if (running !== null && event.recordedAt > running && before.status !== 'closed') late = true;
    }
    state = evolve(before, event);
    const running = summarize(state).deadline;
    lastDeadline = state.status === 'closed' ? null : (running ?? lastDeadline);
    const next = AWAITING_OFFICERS.has(state.status) ? null : lastDeadline;
    if (next !== owed) {
      endSpan(event.recordedAt);
      owed = next;
      owedFrom = event.recordedAt;
    }
    if (state.status === 'closed') {
      if (before?.status !== 'closed') closedAt = event.recordedAt;
    } else {
      closedAt = null;
    }
  }
  if (state === null) throw new TypeError('hazardReportFact: a hazard has at least one event');
  endSpan(null);
  const first = events[0] as ChainEvent<'reported'> | ChainEvent;
  const finding = first.type === 'reported' ? (first as ChainEvent<'reported'>).data.findings?.[0] : undefined;
  return {
    hazardId: state.hazardId,
    version: state.version,
    enterpriseId: state.enterpriseId,
    area: state.area,
    domain: state.domain,
    level: state.level,
    source: state.source,
    item: finding === undefined ? null : `${state.pack.id}:${finding.item ?? finding.rule}`,
    createdAt: state.createdAt,
    deadline: lastDeadline,
    closedAt,
    onTime: closedAt === null ? null : !late,
    overdue,
  };
}

/** Arguments of {@link ReportReadModel.reportFacts}. Instants are `toISOString()` strings. */
export interface ReportFactsQuery {
  /** Start of the period (inclusive). */
  from: string;
  /** End of the period (exclusive). */
  to: string;
  /** The instant "overdue" is measured at (the earlier of the period's end and now): hazards overdue then, by {@link overdueAt}. */
  asOf: string;
  /** Area code: the area and its sub-areas; omitted for the whole city. */
  area?: string;
  /** Only this domain (a department's report); omitted for every domain. */
  domain?: string;
  /** A hazard recurs when a hazard of the same enterprise and item was reported within this many days before it. */
  recurrenceDays: number;
  /** How many enterprises to rank and overdue hazards to list (1–500). */
  limit: number;
}

/** Hazards reported in the period sharing level, domain and source. */
export interface ReportFoundGroup {
  level: string;
  domain: string;
  source: string;
  found: number;
  /** Of those, closed before the period's end. */
  closed: number;
  /** Of those closed, closed on time. */
  onTime: number;
}

/** Hazards closed in the period (whenever reported) sharing level, domain and source. */
export interface ReportClosedGroup {
  level: string;
  domain: string;
  source: string;
  closed: number;
  onTime: number;
}

/** Per exact area code (the report rolls them up). */
export interface ReportAreaGroup {
  area: string;
  found: number;
  /** Closed in the period (whenever reported). */
  closed: number;
  onTime: number;
  /** Overdue at `asOf` ({@link overdueAt}): open then, past the running deadline in force then. */
  overdue: number;
  recurrent: number;
  inspections: number;
}

/** One enterprise of the ranking (most hazards reported in the period first). */
export interface ReportEnterpriseRow {
  enterpriseId: string;
  area: string;
  found: number;
  recurrent: number;
  /** Overdue at `asOf` ({@link overdueAt}; any reporting date). */
  overdue: number;
}

/** One hazard overdue at `asOf` ({@link overdueAt}), oldest deadline first. */
export interface ReportOverdueRow {
  hazardId: string;
  enterpriseId: string;
  area: string;
  domain: string;
  level: string;
  /** The running deadline in force at `asOf` (a later extension does not change a past report). */
  deadline: string;
  createdAt: string;
}

/** One day (China Standard Time) of the period. */
export interface ReportDay {
  /** `YYYY-MM-DD` in UTC+8. */
  day: string;
  found: number;
  closed: number;
}

/** What {@link ReportReadModel.reportFacts} answers: grouped counts, never one row per hazard (lists are limited). */
export interface ReportFacts {
  found: ReportFoundGroup[];
  closed: ReportClosedGroup[];
  areas: ReportAreaGroup[];
  enterprises: ReportEnterpriseRow[];
  overdue: { total: number; items: ReportOverdueRow[] };
  recurrence: { hazards: number; enterprises: number };
  inspections: { total: number; bySource: Record<string, number> };
  days: ReportDay[];
}

/**
 * Where reports read their aggregates (a facet a store may offer; SQLite and PostgreSQL
 * implement it over their own projection tables, core has a memory one as the reference).
 */
export interface ReportReadModel {
  /** The aggregates of one period and scope. Brings the projection up to date first. */
  reportFacts(query: ReportFactsQuery): Promise<ReportFacts>;
  /** The area codes that have any hazard or inspection, sorted (to tell an unknown area). */
  areas(): Promise<string[]>;
}
