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
 * The keyset-paginated hazard query with numbered parameters; ordered by
 * `(updated_at, hazard_id)`, served by the `hazards_*` indexes. @internal
 */
export function buildHazardQuery(table: string, filter: HazardFilter, after: [string, string] | null, limit: number): { sql: string; params: unknown[] } {
  const { params, p } = placeholders();
  const isQueue =
    filter.area !== undefined &&
    filter.status !== undefined &&
    filter.level === undefined &&
    filter.domain === undefined &&
    filter.enterpriseId === undefined &&
    filter.premisesId === undefined &&
    filter.provisional === undefined &&
    filter.deadlineBefore === undefined;
  if (isQueue) return workQueueQuery(table, filter.area!, [...(Array.isArray(filter.status) ? filter.status : [filter.status])], after, limit);
  const where = hazardWhere(filter, p);
  if (after) where.push(`(updated_at, hazard_id) > (${p(after[0])}, ${p(after[1])})`);
  const sql = `SELECT * FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at, hazard_id LIMIT ${p(limit)}`;
  return { sql, params };
}

/**
 * A work queue — an area and some statuses, nothing else — read per (area, status) through
 * `hazards_queue`, whose order within one pair is (updated_at, hazard_id): each status is
 * one ordered index range that stops after `limit` rows, and an empty queue is one probe
 * per status. Sub-areas are a second branch the planner plans on its own. Left with the
 * flat query, the planner walks `hazards_page` hoping for early matches and reads the
 * whole index when the queue is empty. @internal
 */
function workQueueQuery(table: string, area: string, statuses: string[], after: [string, string] | null, limit: number): { sql: string; params: unknown[] } {
  const { params, p } = placeholders();
  const a = p(area);
  const st = p(statuses);
  const l = p(limit);
  const keyset = after ? ` AND (updated_at, hazard_id) > (${p(after[0])}, ${p(after[1])})` : '';
  const sql = `SELECT * FROM (
      SELECT h.* FROM unnest(${st}::text[]) AS s(st) CROSS JOIN LATERAL (
        SELECT * FROM ${table} WHERE area COLLATE "C" = ${a} AND status = s.st${keyset} ORDER BY updated_at, hazard_id LIMIT ${l}) h
      UNION ALL
      (SELECT * FROM ${table} WHERE area COLLATE "C" >= ${p(`${area}/`)} AND area COLLATE "C" < ${p(`${area}0`)} AND status = ANY(${st}::text[])${keyset}
        ORDER BY updated_at, hazard_id LIMIT ${l})
    ) queue ORDER BY updated_at, hazard_id LIMIT ${l}`;
  return { sql, params };
}
