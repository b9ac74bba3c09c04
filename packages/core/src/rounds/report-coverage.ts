import { areaCovers } from '../chain/authorize.js';
import type { LocalizedText } from '../pack/types.js';
import type { InspectionLog } from '../ports/inspection-log.js';
import type { RoundStore } from '../ports/round-store.js';
import { chinaDay, collectRoundCoverage } from './round-coverage.js';
import { roundsFromLog } from './round-log.js';
import type { RoundUnit } from './types.js';

/** One round's coverage in a report (the shape of the reports' `coverage` hook). */
export interface RoundCoverageLine {
  roundId: string;
  title: LocalizedText;
  due: number;
  done: number;
  overdue: number;
}

/**
 * Rounds' coverage for a periodic report: every round whose days overlap `[from, to)` (UTC+8
 * days) — of `domain` only when the report is narrowed to one (a round's domain is its pack's)
 * — its coverage as of the end of the period (or `now`, when earlier), over the units in
 * `area` (sub-areas included; `null` for the whole city). Plug it into the reports as their
 * `coverage` hook, so a bulletin says who was missed.
 */
export async function roundCoverageForReport(
  deps: { rounds: RoundStore; inspections: InspectionLog; units: readonly RoundUnit[] },
  period: { from: string; to: string },
  area: string | null,
  domain: string | null,
  now: Date,
): Promise<RoundCoverageLine[]> {
  const end = new Date(Math.min(Date.parse(period.to) - 1, now.getTime()));
  const first = chinaDay(period.from);
  const last = chinaDay(new Date(Date.parse(period.to) - 1));
  const units = area === null ? deps.units : deps.units.filter((u) => areaCovers(area, u.enterprise.area));
  const lines: RoundCoverageLine[] = [];
  for (const { round } of roundsFromLog(await deps.rounds.readRoundLog(1, 100_000))) {
    if (round.startsOn > last || round.endsOn < first) continue;
    if (domain !== null && round.scope.domain !== domain) continue;
    const c = await collectRoundCoverage(deps.inspections, round, units, end);
    lines.push({ roundId: round.id, title: round.title, due: c.due, done: c.done, overdue: c.overdue });
  }
  return lines;
}
