/**
 * Helpers every {@link Store} uses for `stats`, so that all stores check the query the same
 * way and return the same numbers from their grouped counts.
 *
 * @module
 */
import { quoteInput } from '../pack/quote-input.js';
import { HAZARD_LEVELS, type HazardLevel } from '../pack/types.js';
import { HAZARD_STATUSES, type HazardStatus } from '../chain/types.js';
import { ChainError } from '../chain/chain-error.js';
import type { HazardStats, HazardStatsPeriod, HazardStatsQuery } from './store.js';

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * One group of matching list rows, as a store's aggregate returns it: how many rows share
 * this level, status and domain, and how many of them are overdue.
 */
export interface HazardStatsGroup {
  level: string;
  status: string;
  domain: string;
  count: number;
  overdue: number;
}

/** One period's counts, as a store's aggregate returns it. */
export interface HazardStatsPeriodGroup {
  period: string;
  total: number;
  closed: number;
}

function invalid(en: string, zh: string): never {
  throw new ChainError('INVALID_QUERY', { 'zh-CN': zh, en });
}

/**
 * Throw a {@link ChainError} `INVALID_QUERY` unless `now`, `createdFrom` and `createdTo`
 * are instants in `Date#toISOString()` form (stores compare them as strings) and `groupBy`
 * is absent, `'day'` or `'month'`. Stores call it before touching their backend.
 */
export function checkHazardStatsQuery(query: HazardStatsQuery): void {
  const instants: Array<[string, string | undefined]> = [
    ['now', query.now],
    ['createdFrom', query.createdFrom],
    ['createdTo', query.createdTo],
  ];
  for (const [name, value] of instants) {
    if (value === undefined && name !== 'now') continue;
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== value) {
      invalid(
        `stats: ${name} must be an instant in toISOString() form (e.g. 2026-11-01T00:00:00.000Z), got ${quoteInput(String(value))}`,
        `统计查询：${name} 必须是 toISOString() 格式的时间（如 2026-11-01T00:00:00.000Z），实际为 ${quoteInput(String(value))}`,
      );
    }
  }
  if (query.groupBy !== undefined && query.groupBy !== 'day' && query.groupBy !== 'month') {
    invalid(`stats: groupBy must be 'day' or 'month', got ${quoteInput(String(query.groupBy))}`, `统计查询：groupBy 只能是 'day' 或 'month'，实际为 ${quoteInput(String(query.groupBy))}`);
  }
}

/** The UTC+8 period of an ISO instant: `'2026-11-01'` for `'day'`, `'2026-11'` for `'month'`. */
export function chinaPeriod(iso: string, groupBy: 'day' | 'month'): string {
  const local = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  return groupBy === 'day' ? local.slice(0, 10) : local.slice(0, 7);
}

const rate = (closed: number, total: number): number => (total === 0 ? 0 : closed / total);

/**
 * Assemble {@link HazardStats} from a store's grouped counts. `periods` is given exactly
 * when the query had a `groupBy`; it is sorted here, and empty periods are dropped.
 */
export function hazardStatsFromGroups(groups: Iterable<HazardStatsGroup>, periods?: Iterable<HazardStatsPeriodGroup>): HazardStats {
  const byLevel = Object.fromEntries(HAZARD_LEVELS.map((l) => [l, 0])) as Record<HazardLevel, number>;
  const byStatus = Object.fromEntries(HAZARD_STATUSES.map((s) => [s, 0])) as Record<HazardStatus, number>;
  const byDomain: Record<string, number> = {};
  let total = 0;
  let overdue = 0;
  for (const g of groups) {
    if (g.count === 0) continue;
    total += g.count;
    overdue += g.overdue;
    byLevel[g.level as HazardLevel] = (byLevel[g.level as HazardLevel] ?? 0) + g.count;
    byStatus[g.status as HazardStatus] = (byStatus[g.status as HazardStatus] ?? 0) + g.count;
    byDomain[g.domain] = (byDomain[g.domain] ?? 0) + g.count;
  }
  const closed = byStatus.closed;
  const stats: HazardStats = { total, byLevel, byStatus, byDomain, closed, closureRate: rate(closed, total), overdue };
  if (periods !== undefined) {
    stats.periods = [...periods]
      .filter((p) => p.total > 0)
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
      .map((p): HazardStatsPeriod => ({ period: p.period, total: p.total, closed: p.closed, closureRate: rate(p.closed, p.total) }));
  }
  return stats;
}
