import type { InspectionLog, InspectionRecord } from '../ports/inspection-log.js';
import { roundPopulation } from './round-scope.js';
import { ROUND_SOURCES, type CoverageEntry, type RoundCoverage, type RoundRecord, type RoundUnit } from './types.js';

/** The day (YYYY-MM-DD) of an instant in China Standard Time (UTC+8, no daylight saving). */
export function chinaDay(instant: string | Date): string {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + 8 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether an inspection counts for a round: the round's pack, a source of the round's kind, recorded within its days. */
export function coversRound(round: RoundRecord, record: InspectionRecord): boolean {
  const day = chinaDay(record.recordedAt);
  return record.pack.id === round.packId && ROUND_SOURCES[round.kind].includes(record.source) && day >= round.startsOn && day <= round.endsOn;
}

/**
 * A round's coverage on the day of `asOf`, from the inspection log: an enterprise in scope is
 * `done` when an inspection counts for the round ({@link coversRound}: the round's pack, a
 * source of its kind — self-checks for a self-inspection round, grid patrols for a coverage
 * round, patrols or enforcement for a campaign — recorded on one of its days, by the server's
 * `recordedAt`, never the claimed `inspectedAt`); otherwise `due` until the last day and
 * `overdue` after it. Pure: the same inputs give the same coverage.
 *
 * @example
 * ```ts
 * const coverage = roundCoverage(round, units, records, new Date());
 * coverage.entries.filter((e) => e.status === 'overdue'); // who was missed
 * ```
 */
export function roundCoverage(round: RoundRecord, units: readonly RoundUnit[], inspections: readonly InspectionRecord[], asOf: Date): RoundCoverage {
  const today = chinaDay(asOf);
  const covering = new Map<string, InspectionRecord>();
  for (const r of inspections) {
    if (!coversRound(round, r)) continue;
    const seen = covering.get(r.enterpriseId);
    if (!seen || r.recordedAt < seen.recordedAt) covering.set(r.enterpriseId, r);
  }
  const entries: CoverageEntry[] = roundPopulation(round.scope, units).map(({ enterprise }) => {
    const r = covering.get(enterprise.id);
    if (r) return { enterpriseId: enterprise.id, status: 'done', inspectionId: r.id, inspectedOn: chinaDay(r.recordedAt) };
    return { enterpriseId: enterprise.id, status: today > round.endsOn ? 'overdue' : 'due' };
  });
  const count = (s: CoverageEntry['status']) => entries.filter((e) => e.status === s).length;
  const done = count('done');
  return { roundId: round.id, asOf: today, total: entries.length, done, due: count('due'), overdue: count('overdue'), rate: entries.length === 0 ? 0 : done / entries.length, entries };
}

/**
 * {@link roundCoverage} over an {@link InspectionLog}: reads each in-scope enterprise's
 * inspections recorded within the round's days only — `recordedSince` the start of its first
 * day, `recordedBefore` the end of its last (China time), pages of 500 — so the work is
 * bounded by the round's window (at most `MAX_ROUND_DAYS`), not by what was recorded before
 * or since.
 */
export async function collectRoundCoverage(inspections: InspectionLog, round: RoundRecord, units: readonly RoundUnit[], asOf: Date): Promise<RoundCoverage> {
  const records: InspectionRecord[] = [];
  // The round's first instant and the instant after its last day, in China time (UTC+8).
  const recordedSince = new Date(Date.parse(`${round.startsOn}T00:00:00+08:00`)).toISOString();
  const recordedBefore = new Date(Date.parse(`${round.endsOn}T00:00:00+08:00`) + 86_400_000).toISOString();
  for (const { enterprise } of roundPopulation(round.scope, units)) {
    let before: string | undefined;
    for (;;) {
      const page = await inspections.listInspections({ enterpriseId: enterprise.id, limit: 500, recordedSince, recordedBefore, ...(before === undefined ? {} : { before }) });
      records.push(...page);
      const last = page[page.length - 1];
      if (page.length < 500 || !last) break;
      before = last.id;
    }
  }
  return roundCoverage(round, units, records, asOf);
}
