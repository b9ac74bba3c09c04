import type { HazardFilter } from '@anjian/core/ports';

/** Allocates the next numbered parameter for `value` and returns its placeholder (`$3`). @internal */
export type Placeholder = (value: unknown) => string;

/** A parameter list and its {@link Placeholder}. @internal */
export function placeholders(): { params: unknown[]; p: Placeholder } {
  const params: unknown[] = [];
  return {
    params,
    p: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/**
 * The conditions of a {@link HazardFilter} on the hazards table, shared by the list query
 * and the statistics; each is one the `hazards_*` indexes serve. @internal
 */
export function hazardWhere(filter: HazardFilter, p: Placeholder): string[] {
  const where: string[] = [];
  const list = <T>(v: T | readonly T[]): readonly T[] => (Array.isArray(v) ? (v as readonly T[]) : [v as T]);
  if (filter.level !== undefined) where.push(`level = ANY(${p([...list(filter.level)])}::text[])`);
  if (filter.status !== undefined) where.push(`status = ANY(${p([...list(filter.status)])}::text[])`);
  if (filter.domain !== undefined) where.push(`domain = ${p(filter.domain)}`);
  if (filter.area !== undefined) {
    // The area and its sub-areas: `D1` covers `D1/G3`, not `D10`. Sub-areas are the range
    // ['D1/', 'D10') in byte order — '0' follows '/' — which the `area` index serves.
    where.push(`(area COLLATE "C" = ${p(filter.area)} OR (area COLLATE "C" >= ${p(`${filter.area}/`)} AND area COLLATE "C" < ${p(`${filter.area}0`)}))`);
  }
  if (filter.enterpriseId !== undefined) where.push(`enterprise_id = ${p(filter.enterpriseId)}`);
  if (filter.premisesId !== undefined) where.push(`premises_id = ${p(filter.premisesId)}`);
  if (filter.provisional !== undefined) where.push(`provisional = ${p(filter.provisional)}`);
  if (filter.deadlineBefore !== undefined) where.push(`deadline IS NOT NULL AND deadline <= ${p(filter.deadlineBefore)}`);
  return where;
}

/**
 * Most ordered ranges (stored areas × statuses) read for one page; a wider area keeps the
 * flat query. Each range returns up to a page, all sorted together: at 150 sub-areas that
 * was 8 587 buffers and 74 ms for a page.
 */
const MAX_RANGES = 16;

/** The filter keys an area query answers; any other condition keeps the flat query. */
const AREA_KEYS = new Set(['area', 'status', 'level', 'deadlineBefore']);

/**
 * Whether {@link areaQuery} answers `filter`: an area, optionally statuses (a work queue),
 * levels (the enforcement queue) and a deadline bound (overdue), nothing else. @internal
 */
export function isAreaQuery(filter: HazardFilter): boolean {
  if (filter.area === undefined) return false;
  if ((Array.isArray(filter.status) && filter.status.length === 0) || (Array.isArray(filter.level) && filter.level.length === 0)) return false;
  return Object.entries(filter).every(([key, value]) => value === undefined || AREA_KEYS.has(key));
}

/**
 * The keyset-paginated hazard query with numbered parameters; ordered by
 * `(updated_at, hazard_id)`, served by the `hazards_*` indexes. @internal
 */
export function buildHazardQuery(table: string, filter: HazardFilter, after: [string, string] | null, limit: number): { sql: string; params: unknown[] } {
  if (isAreaQuery(filter)) return areaQuery(table, filter, after, limit);
  if (isLevelQuery(filter)) return levelQuery(table, filter, after, limit);
  const { params, p } = placeholders();
  const where = hazardWhere(filter, p);
  if (after) where.push(`(updated_at, hazard_id) > (${p(after[0])}, ${p(after[1])})`);
  const sql = `SELECT * FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at, hazard_id LIMIT ${p(limit)}`;
  return { sql, params };
}

/**
 * An area query (the district list, a work queue, the enforcement queue, overdue in an
 * area) read per stored area — the area itself and each sub-area, found one index probe
 * each by a recursive `min(area)` walk — and per status when statuses are given: each is
 * one ordered range of `hazards_queue (area, status, updated_at, hazard_id)`,
 * `hazards_area (area, updated_at, hazard_id)` or, with a deadline bound,
 * `hazards_area_open` (the same keys, only hazards with a deadline) that stops after
 * `limit` rows; the outer sort sees at most `limit` rows per range. An empty queue is one
 * probe per range. The
 * flat query let the planner walk `hazards_page` in page order hoping for early matches,
 * and read the whole index when an area matched nothing (381–439 ms at 200 000 hazards
 * for an empty district queue or enforcement queue). @internal
 */
function areaQuery(table: string, filter: HazardFilter, after: [string, string] | null, limit: number): { sql: string; params: unknown[] } {
  const { params, p } = placeholders();
  const area = p(filter.area!);
  const hi = p(`${filter.area!}0`); // sub-areas are ['D1/', 'D10') in byte order: '0' follows '/'
  const lo = p(`${filter.area!}/`);
  const statusList = filter.status === undefined ? null : [...(Array.isArray(filter.status) ? filter.status : [filter.status])];
  const statuses = statusList === null ? null : p(statusList);
  const maxAreas = Math.max(1, Math.floor(MAX_RANGES / (statusList?.length ?? 1)));
  const where = [`area COLLATE "C" = x.a`, ...(statuses === null ? [] : ['status = s.st']), ...hazardWhere({ level: filter.level, deadlineBefore: filter.deadlineBefore }, p)];
  const keyset = after ? `(updated_at, hazard_id) > (${p(after[0])}, ${p(after[1])})` : null;
  if (keyset) where.push(keyset);
  const l = p(limit);
  const max = p(maxAreas);
  // The flat query, run only when the area has more than maxAreas stored areas.
  const flat = hazardWhere(filter, p);
  if (keyset) flat.push(keyset);
  const sql = `WITH RECURSIVE sub(a) AS (
      SELECT (SELECT min(area COLLATE "C") FROM ${table} WHERE area COLLATE "C" >= ${lo} AND area COLLATE "C" < ${hi})
      UNION ALL
      SELECT (SELECT min(area COLLATE "C") FROM ${table} WHERE area COLLATE "C" > sub.a AND area COLLATE "C" < ${hi}) FROM sub WHERE sub.a IS NOT NULL),
    areas AS (SELECT ARRAY(SELECT ${area}::text UNION ALL (SELECT a FROM sub WHERE a IS NOT NULL LIMIT ${max})) AS list)
    SELECT * FROM (
      SELECT h.* FROM areas CROSS JOIN unnest(areas.list) AS x(a)
        ${statuses === null ? '' : `CROSS JOIN unnest(${statuses}::text[]) AS s(st)`}
        CROSS JOIN LATERAL (SELECT * FROM ${table} WHERE ${where.join(' AND ')} ORDER BY updated_at, hazard_id LIMIT ${l}) h
        WHERE cardinality(areas.list) <= ${max}
      UNION ALL
      (SELECT * FROM ${table} WHERE ${flat.join(' AND ')} AND (SELECT cardinality(list) FROM areas) > ${max} ORDER BY updated_at, hazard_id LIMIT ${l})
    ) page ORDER BY updated_at, hazard_id LIMIT ${l}`;
  return { sql, params };
}

/**
 * Whether {@link levelQuery} answers `filter`: levels without an area, an enterprise or a
 * premises (whose own indexes are narrower). @internal
 */
export function isLevelQuery(filter: HazardFilter): boolean {
  const levels = filter.level === undefined ? [] : Array.isArray(filter.level) ? filter.level : [filter.level];
  return levels.length > 0 && filter.area === undefined && filter.enterpriseId === undefined && filter.premisesId === undefined;
}

/**
 * A city-wide filter with levels ("provisional majors") read per level: one ordered range of
 * `hazards_level (level, updated_at, hazard_id)` each, stopping after `limit` rows, the
 * other conditions checked on the way. Left flat, the planner walks `hazards_page` — every
 * level — in page order (5 790 buffers for a page of provisional majors at 200 000
 * hazards, against about 900 through the level's own range). @internal
 */
function levelQuery(table: string, filter: HazardFilter, after: [string, string] | null, limit: number): { sql: string; params: unknown[] } {
  const { params, p } = placeholders();
  const levels = p([...(Array.isArray(filter.level) ? filter.level : [filter.level])]);
  const where = ['level = l.lv', ...hazardWhere({ ...filter, level: undefined }, p)];
  if (after) where.push(`(updated_at, hazard_id) > (${p(after[0])}, ${p(after[1])})`);
  const l = p(limit);
  const sql = `SELECT h.* FROM unnest(${levels}::text[]) AS l(lv)
      CROSS JOIN LATERAL (SELECT * FROM ${table} WHERE ${where.join(' AND ')} ORDER BY updated_at, hazard_id LIMIT ${l}) h
    ORDER BY h.updated_at, h.hazard_id LIMIT ${l}`;
  return { sql, params };
}
