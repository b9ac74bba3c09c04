import { hazardStatsFromGroups, type HazardStats, type HazardStatsGroup, type HazardStatsPeriodGroup, type HazardStatsQuery } from '@anjian/core/ports';
import type Database from 'better-sqlite3';
import { hazardWhere } from './hazard-query.js';

/** `strftime` formats of the periods; `created_at` is shifted to China time (UTC+8, no DST) first. */
const PERIOD_FORMAT = { day: '%Y-%m-%d', month: '%Y-%m' } as const;

/**
 * The two aggregates of `Store.stats` as SQL: counts grouped by `(level, status, domain)`
 * with the overdue ones, and (with `groupBy`) counts grouped by period. Both use the list
 * query's filter, plus the half-open `created_at` range that `hazards_created` and
 * `hazards_area_created` serve. @internal
 */
export function buildHazardStats(query: HazardStatsQuery): { groups: { sql: string; params: unknown[] }; periods: { sql: string; params: unknown[] } | null } {
  const { clauses, params } = hazardWhere(query.filter ?? {});
  if (query.createdFrom !== undefined) {
    clauses.push('created_at >= ?');
    params.push(query.createdFrom);
  }
  if (query.createdTo !== undefined) {
    clauses.push('created_at < ?');
    params.push(query.createdTo);
  }
  const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
  const groups = {
    sql: `SELECT level, status, domain, count(*) AS count,
      coalesce(sum(status <> 'closed' AND deadline IS NOT NULL AND deadline < ?), 0) AS overdue
      FROM hazards${where} GROUP BY level, status, domain`,
    params: [query.now, ...params],
  };
  const periods =
    query.groupBy === undefined
      ? null
      : {
          sql: `SELECT strftime('${PERIOD_FORMAT[query.groupBy]}', created_at, '+8 hours') AS period, count(*) AS total,
            coalesce(sum(status = 'closed'), 0) AS closed
            FROM hazards${where} GROUP BY period ORDER BY period`,
          params,
        };
  return { groups, periods };
}

/**
 * Run `Store.stats` on `db` inside one read transaction, so both aggregates see the same
 * snapshot (WAL readers never block the writer). The query MUST already be checked. @internal
 */
export function readHazardStats(db: Database.Database, query: HazardStatsQuery): HazardStats {
  const { groups, periods } = buildHazardStats(query);
  return db.transaction(() =>
    hazardStatsFromGroups(
      db.prepare(groups.sql).all(...groups.params) as HazardStatsGroup[],
      periods === null ? undefined : (db.prepare(periods.sql).all(...periods.params) as HazardStatsPeriodGroup[]),
    ),
  )();
}
