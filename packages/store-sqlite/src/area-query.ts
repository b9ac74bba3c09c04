import type { HazardFilter } from '@anjian/core/ports';
import type Database from 'better-sqlite3';
import { hazardWhere } from './hazard-query.js';

/** Prepares (or reuses) a statement on the store's connection. @internal */
export type Prepare = (sql: string) => Database.Statement;

/** Most ordered reads merged by one area query; a wider area falls back to the flat query. */
const MAX_ARMS = 200;

/** The filter keys an area query answers; any other condition keeps the flat query. */
const AREA_KEYS = new Set(['area', 'status', 'level', 'deadlineBefore']);

/**
 * Whether {@link buildAreaQuery} answers `filter`: an area, optionally statuses (a work
 * queue), levels (the enforcement queue) and a deadline bound (overdue), nothing else.
 * @internal
 */
export function isAreaQuery(filter: HazardFilter): boolean {
  if (filter.area === undefined) return false;
  if ((Array.isArray(filter.status) && filter.status.length === 0) || (Array.isArray(filter.level) && filter.level.length === 0)) return false;
  return Object.entries(filter).every(([key, value]) => value === undefined || AREA_KEYS.has(key));
}

/**
 * The distinct areas stored under `area` (itself, then its sub-areas in byte order), one
 * index probe each through an index led by `area`; `null` when there are more than `max`.
 * @internal
 */
export function areasUnder(prepare: Prepare, area: string, max: number): string[] | null {
  const out: string[] = [];
  if (prepare('SELECT 1 FROM hazards WHERE area = ? LIMIT 1').get(area)) out.push(area);
  const upper = `${area}0`; // sub-areas are ['D1/', 'D10'): '0' follows '/'
  const first = prepare('SELECT area FROM hazards WHERE area >= ? AND area < ? ORDER BY area LIMIT 1');
  const next = prepare('SELECT area FROM hazards WHERE area > ? AND area < ? ORDER BY area LIMIT 1');
  let row = first.get(`${area}/`, upper) as { area: string } | undefined;
  while (row) {
    if (out.length >= max) return null;
    out.push(row.area);
    row = next.get(row.area, upper) as { area: string } | undefined;
  }
  return out;
}

/**
 * An area query as a merge of ordered reads: one per stored area under the filter's area
 * (and per status when statuses are given), each reading its index —
 * `hazards_area (area, updated_at, hazard_id)` or `hazards_queue (area, status, updated_at,
 * hazard_id)` — in page order and stopping after `limit` rows, merged by SQLite's ordered
 * UNION ALL. No read sorts the area: a page costs about `limit` rows per arm, and an empty
 * arm one probe. (The flat query, `area = ? OR area in [sub-areas]`, has no index in page
 * order across sub-areas, so it sorted every match of the district to return one page —
 * 12–26 ms at 1 M events for "overdue in district" and "all of a district".) `null` when
 * the area holds more than {@link MAX_ARMS} reads' worth of areas. Call it and run the
 * query in one read transaction, so the areas and the rows are of one snapshot. @internal
 */
export function buildAreaQuery(prepare: Prepare, filter: HazardFilter, after: [string, string] | null, limit: number): { sql: string; params: unknown[] } | null {
  const statuses: readonly (string | null)[] = filter.status === undefined ? [null] : Array.isArray(filter.status) ? filter.status : [filter.status as string];
  const areas = areasUnder(prepare, filter.area!, Math.floor(MAX_ARMS / statuses.length));
  if (areas === null) return null;
  if (areas.length === 0) return { sql: 'SELECT * FROM hazards WHERE 0', params: [] };
  const arms: string[] = [];
  const params: unknown[] = [];
  for (const area of areas) {
    for (const status of statuses) {
      const where = ['area = ?'];
      params.push(area);
      if (status !== null) {
        where.push('status = ?');
        params.push(status);
      }
      const rest = hazardWhere({ level: filter.level, deadlineBefore: filter.deadlineBefore });
      where.push(...rest.clauses);
      params.push(...rest.params);
      if (after) {
        where.push('(updated_at, hazard_id) > (?, ?)');
        params.push(after[0], after[1]);
      }
      arms.push(`SELECT * FROM (SELECT * FROM hazards WHERE ${where.join(' AND ')} ORDER BY updated_at, hazard_id LIMIT ?)`);
      params.push(limit);
    }
  }
  params.push(limit);
  return { sql: `${arms.join(' UNION ALL ')} ORDER BY updated_at, hazard_id LIMIT ?`, params };
}
