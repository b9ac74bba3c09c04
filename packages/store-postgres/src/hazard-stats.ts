import { hazardStatsFromGroups, type HazardStats, type HazardStatsGroup, type HazardStatsPeriodGroup, type HazardStatsQuery } from '@anjian/core/ports';
import type pg from 'pg';
import { hazardWhere, placeholders } from './hazard-query.js';

/** `to_char` formats of the periods; `created_at` is shifted to China time (UTC+8, no DST) first. */
const PERIOD_FORMAT = { day: 'YYYY-MM-DD', month: 'YYYY-MM' } as const;

/**
 * `Store.stats` as ONE statement, so every count comes from the same snapshot: the list
 * query's filter plus the half-open `created_at` range (served by `hazards_created` and
 * `hazards_area_created`), grouped by `(level, status, domain)` and, with `groupBy`, by
 * period in the same scan (`GROUPING SETS`). `is_period` tells the two kinds of row apart. @internal
 */
export function buildHazardStats(table: string, query: HazardStatsQuery): { sql: string; params: unknown[] } {
  const { params, p } = placeholders();
  const now = p(query.now);
  const where = hazardWhere(query.filter ?? {}, p);
  if (query.createdFrom !== undefined) where.push(`created_at >= ${p(query.createdFrom)}`);
  if (query.createdTo !== undefined) where.push(`created_at < ${p(query.createdTo)}`);
  const byPeriod = query.groupBy !== undefined;
  const period = query.groupBy === undefined ? 'NULL::text' : `to_char((created_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', '${PERIOD_FORMAT[query.groupBy]}')`;
  const sql = `WITH matching AS (
      SELECT level, status, domain, deadline, ${period} AS period
      FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
    )
    SELECT ${byPeriod ? 'GROUPING(period) = 0' : 'false'} AS is_period, level, status, domain, ${byPeriod ? 'period' : 'NULL::text AS period'},
      count(*) AS count,
      count(*) FILTER (WHERE status <> 'closed' AND deadline IS NOT NULL AND deadline < ${now}) AS overdue,
      count(*) FILTER (WHERE status = 'closed') AS closed
    FROM matching GROUP BY ${byPeriod ? 'GROUPING SETS ((level, status, domain), (period))' : 'level, status, domain'}`;
  return { sql, params };
}

/** Run `Store.stats`; the query MUST already be checked. @internal */
export async function readHazardStats(pool: pg.Pool, table: string, query: HazardStatsQuery): Promise<HazardStats> {
  const { sql, params } = buildHazardStats(table, query);
  const rows = (await pool.query(sql, params)).rows as Array<Record<string, unknown>>;
  const groups: HazardStatsGroup[] = [];
  const periods: HazardStatsPeriodGroup[] = [];
  for (const r of rows) {
    if (r.is_period === true) periods.push({ period: r.period as string, total: Number(r.count), closed: Number(r.closed) });
    else groups.push({ level: r.level as string, status: r.status as string, domain: r.domain as string, count: Number(r.count), overdue: Number(r.overdue) });
  }
  return hazardStatsFromGroups(groups, query.groupBy === undefined ? undefined : periods);
}
