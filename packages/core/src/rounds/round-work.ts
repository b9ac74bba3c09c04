import { areaCovers } from '../chain/authorize.js';
import type { LocalizedText } from '../pack/types.js';
import type { ActorProfile } from '../ports/directory.js';
import type { InspectionLog } from '../ports/inspection-log.js';
import type { RoundStore } from '../ports/round-store.js';
import { chinaDay, collectRoundCoverage } from './round-coverage.js';
import { roundsFromLog } from './round-log.js';
import { ROUND_SOURCES, type RoundCoverage, type RoundKind, type RoundRecord, type RoundUnit } from './types.js';

const DAY_MS = 86_400_000;

/**
 * One enterprise a round still waits for (轮次待查): `due` while the round runs, `overdue`
 * after its last day. The line of a work list and of a daily warning.
 */
export interface RoundWorkItem {
  roundId: string;
  title: LocalizedText;
  kind: RoundKind;
  packId: string;
  /** The round's domain (its pack's). */
  domain: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The enterprise's registered area. */
  area: string;
  status: 'due' | 'overdue';
  startsOn: string;
  endsOn: string;
  /** The instant the round ends: the day after `endsOn` at 00:00 China Standard Time. */
  endsAt: string;
  /** Whole days from today to the last day (0 on the last day) while due; 0 when overdue. */
  daysLeft: number;
  /** Whole days since the last day when overdue; 0 while due. */
  daysOverdue: number;
}

/** Options of {@link roundWork} and {@link collectRoundWork}. */
export interface RoundWorkOptions {
  /**
   * An ended round's missed enterprises stay on work lists this many days after its last day
   * (they can no longer be covered: the round's report keeps them as missed). Default 30.
   */
  overdueForDays?: number;
}

/** Where round work is read from: the round log, the inspection log and the register (e.g. from `roundUnits`). */
export interface RoundWorkSource {
  rounds: RoundStore;
  inspections: InspectionLog;
  units: readonly RoundUnit[];
}

/** The day after `day` (YYYY-MM-DD) at 00:00 UTC+8, as an ISO instant. */
function endOfDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS - 8 * 3_600_000).toISOString();
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);

/**
 * The work a round's coverage leaves (pure): one {@link RoundWorkItem} per enterprise of the
 * coverage that is `due` or `overdue` — none before the round's first day, none once it ended
 * more than `overdueForDays` days ago. Sorted overdue first, then by the round's end, round
 * id and enterprise id.
 */
export function roundWork(round: RoundRecord, coverage: RoundCoverage, units: readonly RoundUnit[], options: RoundWorkOptions = {}): RoundWorkItem[] {
  const today = coverage.asOf;
  if (today < round.startsOn || daysBetween(round.endsOn, today) > (options.overdueForDays ?? 30)) return [];
  const byId = new Map(units.map((u) => [u.enterprise.id, u.enterprise]));
  const items: RoundWorkItem[] = [];
  for (const e of coverage.entries) {
    if (e.status === 'done') continue;
    const enterprise = byId.get(e.enterpriseId);
    items.push({
      roundId: round.id,
      title: round.title,
      kind: round.kind,
      packId: round.packId,
      domain: round.scope.domain,
      enterpriseId: e.enterpriseId,
      enterpriseName: enterprise?.name ?? e.enterpriseId,
      area: enterprise?.area ?? '',
      status: e.status,
      startsOn: round.startsOn,
      endsOn: round.endsOn,
      endsAt: endOfDay(round.endsOn),
      daysLeft: e.status === 'due' ? daysBetween(today, round.endsOn) : 0,
      daysOverdue: e.status === 'overdue' ? daysBetween(round.endsOn, today) : 0,
    });
  }
  return items.sort(workOrder);
}

function workOrder(a: RoundWorkItem, b: RoundWorkItem): number {
  if (a.status !== b.status) return a.status === 'overdue' ? -1 : 1;
  const k = (x: RoundWorkItem) => `${x.endsOn}\n${x.roundId}\n${x.enterpriseId}`;
  return k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0;
}

/**
 * Every round's remaining work on the day of `asOf` ({@link roundWork} over each round of the
 * log, coverage by `collectRoundCoverage`): what the daily warnings and the work lists show.
 * Rounds not yet started or long ended are not read.
 *
 * @example
 * ```ts
 * const work = await collectRoundWork({ rounds, inspections, units: await roundUnits(register, rental) }, clock.now());
 * roundWorkFor(actor, work, 'grid'); // the grid inspector's patrols still to do
 * ```
 */
export async function collectRoundWork(deps: RoundWorkSource, asOf: Date, options: RoundWorkOptions = {}): Promise<RoundWorkItem[]> {
  const today = chinaDay(asOf);
  const items: RoundWorkItem[] = [];
  for (const { round } of roundsFromLog(await deps.rounds.readRoundLog(1, 100_000))) {
    if (today < round.startsOn || daysBetween(round.endsOn, today) > (options.overdueForDays ?? 30)) continue;
    items.push(...roundWork(round, await collectRoundCoverage(deps.inspections, round, deps.units, asOf), deps.units, options));
  }
  return items.sort(workOrder);
}

/** The roles that do a round's inspections, from the sources that count for its kind. */
export type RoundWorker = 'enterprise' | 'grid' | 'enforcement';

/**
 * The part of `items` that is `actor`'s to do, in one role or (without `role`) in any of the
 * actor's roles: an enterprise user its own enterprises' self-inspection rounds; a grid
 * inspector the rounds grid patrols count for (coverage patrols, campaigns) in its grid
 * areas; an officer the rounds enforcement counts for (campaigns) of its departments'
 * domains and areas. Which inspections count is `ROUND_SOURCES`; the work is who records them.
 */
export function roundWorkFor(actor: ActorProfile, items: readonly RoundWorkItem[], role?: RoundWorker): RoundWorkItem[] {
  const may = (r: RoundWorker) => actor.roles.includes(r) && (role === undefined || role === r);
  return items.filter((item) => {
    const sources = ROUND_SOURCES[item.kind];
    if (may('enterprise') && sources.includes('self_check') && (actor.enterpriseIds ?? []).includes(item.enterpriseId)) return true;
    if (may('grid') && sources.includes('grid_patrol') && (actor.gridAreas ?? []).some((a) => areaCovers(a, item.area))) return true;
    return may('enforcement') && sources.includes('enforcement') && (actor.departments ?? []).some((d) => d.domains.includes(item.domain) && d.areas.some((a) => areaCovers(a, item.area)));
  });
}

/**
 * One actor's round work, as `roundWorkFor(actor, await collectRoundWork(deps, asOf, options), role)`
 * answers it, reading only what that list can contain: a round none of whose members the actor
 * works in its role (a self-inspection round for a grid inspector, a round outside an
 * officer's domains) is not read, and a round's coverage is read for the register's units the
 * actor may work only (a grid inspector's grid areas, an enterprise user's own enterprises) —
 * one inspection-log read per such unit instead of one per enterprise of every running round.
 * A unit's coverage depends on its own inspections only, so the items are the same.
 *
 * @example
 * ```ts
 * await collectRoundWorkFor(actor, { rounds, inspections, units }, clock.now(), 'grid'); // the grid's patrols still to do
 * ```
 */
export async function collectRoundWorkFor(actor: ActorProfile, deps: RoundWorkSource, asOf: Date, role?: RoundWorker, options: RoundWorkOptions = {}): Promise<RoundWorkItem[]> {
  const today = chinaDay(asOf);
  const items: RoundWorkItem[] = [];
  for (const { round } of roundsFromLog(await deps.rounds.readRoundLog(1, 100_000))) {
    if (today < round.startsOn || daysBetween(round.endsOn, today) > (options.overdueForDays ?? 30)) continue;
    // The item roundWorkFor would see for a unit of this round (only kind, domain, enterprise and area decide).
    const mine = deps.units.filter(
      (u) => roundWorkFor(actor, [{ kind: round.kind, domain: round.scope.domain, enterpriseId: u.enterprise.id, area: u.enterprise.area } as RoundWorkItem], role).length > 0,
    );
    if (mine.length === 0) continue;
    items.push(...roundWorkFor(actor, roundWork(round, await collectRoundCoverage(deps.inspections, round, mine, asOf), mine, options), role));
  }
  return items.sort(workOrder);
}

/**
 * The round work a daily warning names (pure): every overdue item, and due items whose round
 * ends within `dueWithinDays` of `now` — the horizon the hazards' "due soon" uses.
 */
export function roundWorkToWarn(items: readonly RoundWorkItem[], now: Date, dueWithinDays: number): RoundWorkItem[] {
  const horizon = now.getTime() + dueWithinDays * DAY_MS;
  return items.filter((i) => i.status === 'overdue' || Date.parse(i.endsAt) <= horizon);
}
