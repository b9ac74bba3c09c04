import type { FirstInspection, InspectionLog, InspectionRecord } from '../ports/inspection-log.js';
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
  const covering = new Map<string, FirstInspection>();
  for (const r of inspections) {
    if (!coversRound(round, r)) continue;
    const seen = covering.get(r.enterpriseId);
    if (!seen || r.recordedAt < seen.recordedAt) covering.set(r.enterpriseId, r);
  }
  return coverageOf(round, units, covering, asOf);
}

/** The coverage entries and counts from each in-scope enterprise's first covering record. */
function coverageOf(round: RoundRecord, units: readonly RoundUnit[], covering: ReadonlyMap<string, FirstInspection>, asOf: Date): RoundCoverage {
  const today = chinaDay(asOf);
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
 * {@link roundCoverage} over an {@link InspectionLog}, reading only what was recorded within
 * the round's days — `recordedSince` the start of its first day, `recordedBefore` the end of
 * its last (China time) — so the work is bounded by the round's window (at most
 * `MAX_ROUND_DAYS`), not by what was recorded before or since. A log with
 * `firstInspections` answers for all in-scope enterprises in one read (the round's pack and
 * its kind's sources as criteria); any other log is read per in-scope enterprise through
 * `listInspections`, pages of 500. Both give the same coverage.
 */
export async function collectRoundCoverage(inspections: InspectionLog, round: RoundRecord, units: readonly RoundUnit[], asOf: Date): Promise<RoundCoverage> {
  // The round's first instant and the instant after its last day, in China time (UTC+8).
  const recordedSince = new Date(Date.parse(`${round.startsOn}T00:00:00+08:00`)).toISOString();
  const recordedBefore = new Date(Date.parse(`${round.endsOn}T00:00:00+08:00`) + 86_400_000).toISOString();
  const population = roundPopulation(round.scope, units);
  if (inspections.firstInspections) {
    const enterpriseIds = [...new Set(population.map(({ enterprise }) => enterprise.id))];
    const first = enterpriseIds.length === 0 ? [] : await inspections.firstInspections({ enterpriseIds, packId: round.packId, sources: ROUND_SOURCES[round.kind], recordedSince, recordedBefore });
    return coverageOf(round, units, new Map(first.map((f) => [f.enterpriseId, f])), asOf);
  }
  return roundCoverage(round, units, await listWindow(inspections, population, recordedSince, recordedBefore), asOf);
}

/** Each in-scope enterprise's records of the window, listed one enterprise at a time. */
async function listWindow(inspections: InspectionLog, population: readonly { enterprise: { id: string } }[], recordedSince: string, recordedBefore: string): Promise<InspectionRecord[]> {
  const records: InspectionRecord[] = [];
  for (const { enterprise } of population) {
    let before: string | undefined;
    for (;;) {
      const page = await inspections.listInspections({ enterpriseId: enterprise.id, limit: 500, recordedSince, recordedBefore, ...(before === undefined ? {} : { before }) });
      records.push(...page);
      const last = page[page.length - 1];
      if (page.length < 500 || !last) break;
      before = last.id;
    }
  }
  return records;
}
