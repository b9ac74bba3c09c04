import type { HazardFilter } from '@anjian/core/ports';
import type Database from 'better-sqlite3';
import { hazardWhere } from './hazard-query.js';

/** Prepares (or reuses) a statement on the store's connection. @internal */
export type Prepare = (sql: string) => Database.Statement;

/**
 * Most ordered reads merged for one page; a wider area (more sub-areas × statuses) keeps the
 * flat query. Each read costs a statement step from JavaScript (0.1–0.5 ms at load 16 on
 * the shared machine): with 60 reads a page took 20 ms where the flat query's sort of a
 * dense 20 000-row district took 1.5 ms.
 */
const MAX_READS = 16;

/** The filter keys an area query answers; any other condition keeps the flat query. */
const AREA_KEYS = new Set(['area', 'status', 'level', 'deadlineBefore', 'domain']);

/**
 * Whether {@link readAreaPage} answers `filter`: an area, optionally statuses (a work
 * queue), levels (the enforcement queue) and a deadline bound (overdue), nothing else; a
 * domain only together with statuses (an officer's queue: one domain's escalated hazards in a
 * district), each range then read through `hazards_queue` with the domain checked on its rows.
 * @internal
 */
export function isAreaQuery(filter: HazardFilter): boolean {
  if (filter.area === undefined) return false;
  if ((Array.isArray(filter.status) && filter.status.length === 0) || (Array.isArray(filter.level) && filter.level.length === 0)) return false;
  if (filter.domain !== undefined && filter.status === undefined) return false;
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

/** Prepares a statement of its own for the `index`-th open read of `sql` (reads of one shape run at once). @internal */
export type PrepareNth = (sql: string, index: number) => Database.Statement;

/** A list row as the area reads return it. @internal */
export interface AreaRow {
  hazard_id: string;
  updated_at: string;
}
interface AreaKey extends AreaRow {
  row_id: number;
}

/**
 * One page of an area query, merged from ordered reads: one per stored area under the
 * filter's area (and per status when statuses are given), each an ordered range of
 * `hazards_area (area, updated_at, hazard_id)` or `hazards_queue (area, status,
 * updated_at, hazard_id)`. The ranges are stepped together and the page is taken from
 * their heads in (updated_at, hazard_id) order, so a page costs one seek per range plus
 * the rows it returns; no read sorts the area, and an empty range is one probe. (The flat
 * query, `area = ? OR area in [sub-areas]`, has no index in page order across sub-areas:
 * it sorted every match of the district — 12–26 ms at 1 M events for "overdue in district"
 * and a district's list, 85–194 ms for a district with no match.) The merge is done here
 * rather than by SQLite's ordered UNION ALL, whose statement grows with the ranges (tens
 * of milliseconds to prepare and run at 30 sub-areas). `null` when the area holds more than
 * {@link MAX_READS} ranges. Call it inside a read transaction, so the areas and the rows
 * are of one snapshot. @internal
 */
export function readAreaPage<Row extends AreaRow>(prepare: Prepare, prepareNth: PrepareNth, filter: HazardFilter, after: [string, string] | null, limit: number): Row[] | null {
  const statuses: readonly (string | null)[] = filter.status === undefined ? [null] : Array.isArray(filter.status) ? filter.status : [filter.status as string];
  const areas = areasUnder(prepare, filter.area!, Math.floor(MAX_READS / statuses.length));
  if (areas === null) return null;
  const where = ['area = ?', ...(statuses[0] === null ? [] : ['status = ?'])];
  const rest = hazardWhere({ level: filter.level, domain: filter.domain, deadlineBefore: filter.deadlineBefore });
  where.push(...rest.clauses);
  if (after) where.push('(updated_at, hazard_id) > (?, ?)');
  // With a domain the range is named: left to itself (the statistics of a seeded city) the
  // planner read the flat query through hazards_domain, every hazard of the domain fetched
  // from the table (an officer's queue: 40 such queries, 143–1108 ms each at 75 000 hazards).
  const from = filter.domain === undefined ? 'hazards' : 'hazards INDEXED BY hazards_queue';
  // Keys only: with no level, domain or deadline condition the range is read from the index
  // alone; the page's rows are fetched afterwards, one lookup each.
  const sql = `SELECT updated_at, hazard_id, rowid AS row_id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY updated_at, hazard_id LIMIT ?`;
  const reads: Array<{ keys: IterableIterator<AreaKey>; head: AreaKey | undefined }> = [];
  try {
    for (const area of areas) {
      for (const status of statuses) {
        const params = [area, ...(status === null ? [] : [status]), ...rest.params, ...(after ?? []), limit];
        const keys = prepareNth(sql, reads.length).iterate(...params) as IterableIterator<AreaKey>;
        reads.push({ keys, head: keys.next().value as AreaKey | undefined });
      }
    }
    const page: AreaKey[] = [];
    while (page.length < limit) {
      let first: (typeof reads)[number] | undefined;
      for (const read of reads) {
        const h = read.head;
        if (h === undefined) continue;
        const f = first?.head;
        // SQLite's order (BINARY: UTF-8 bytes); JavaScript's `<` compares UTF-16 units.
        if (f === undefined || h.updated_at < f.updated_at || (h.updated_at === f.updated_at && Buffer.compare(Buffer.from(h.hazard_id), Buffer.from(f.hazard_id)) < 0)) first = read;
      }
      if (first?.head === undefined) break;
      page.push(first.head);
      first.head = first.keys.next().value as AreaKey | undefined;
    }
    const byRowId = prepare('SELECT * FROM hazards WHERE rowid = ?');
    return page.map((key) => byRowId.get(key.row_id) as Row);
  } finally {
    for (const read of reads) read.keys.return?.();
  }
}
