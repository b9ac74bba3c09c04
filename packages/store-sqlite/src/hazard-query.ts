import type { HazardFilter } from '@anjian/core/ports';

/** A row of the `hazards` table. @internal */
export interface HazardRow {
  hazard_id: string;
  version: number;
  status: string;
  level: string;
  provisional: number;
  domain: string;
  area: string;
  enterprise_id: string;
  /** Added by migration 7; null when the hazard has no premises. */
  premises_id?: string | null;
  deadline: string | null;
  created_at: string;
  updated_at: string;
}

const list = <T>(v: T | readonly T[]): readonly T[] => (Array.isArray(v) ? (v as readonly T[]) : [v as T]);

/** A filter as SQL: `AND`-ed conditions on the `hazards` table and their bound parameters. @internal */
export interface HazardWhere {
  clauses: string[];
  params: unknown[];
}

/**
 * The conditions of a {@link HazardFilter} on the `hazards` table, shared by the list query
 * and the statistics. Every value is a bound parameter; each condition is one the
 * `hazards_*` indexes serve. @internal
 */
export function hazardWhere(filter: HazardFilter): HazardWhere {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[]) => {
    if (values.length === 0) clauses.push('0');
    else {
      clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
  };
  if (filter.level !== undefined) inList('level', list(filter.level));
  if (filter.status !== undefined) inList('status', list(filter.status));
  if (filter.domain !== undefined) {
    clauses.push('domain = ?');
    params.push(filter.domain);
  }
  if (filter.area !== undefined) {
    // The area and its sub-areas: `D1` covers `D1/G3`, not `D10`. Sub-areas are the range
    // ['D1/', 'D10') — '0' follows '/' — so the `area` indexes serve the filter.
    if (filter.deadlineBefore !== undefined) {
      // Overdue in an area: one range ['D1', 'D10') that hazards_area_deadline bounds
      // together with the deadline (the OR form makes the planner pick hazards_deadline
      // and read every overdue hazard of the city); the OR then drops 'D1-x' and the like.
      clauses.push('area >= ? AND area < ? AND (area = ? OR area >= ?)');
      params.push(filter.area, `${filter.area}0`, filter.area, `${filter.area}/`);
    } else {
      clauses.push('(area = ? OR (area >= ? AND area < ?))');
      params.push(filter.area, `${filter.area}/`, `${filter.area}0`);
    }
  }
  if (filter.enterpriseId !== undefined) {
    clauses.push('enterprise_id = ?');
    params.push(filter.enterpriseId);
  }
  if (filter.premisesId !== undefined) {
    clauses.push('premises_id = ?');
    params.push(filter.premisesId);
  }
  if (filter.provisional !== undefined) {
    // A literal, not a parameter: the partial index hazards_provisional (WHERE provisional = 1) serves only a
    // query whose WHERE says so as written.
    clauses.push(filter.provisional ? 'provisional = 1' : 'provisional = 0');
  }
  if (filter.deadlineBefore !== undefined) {
    clauses.push('deadline IS NOT NULL AND deadline <= ?');
    params.push(filter.deadlineBefore);
  }
  return { clauses, params };
}

/**
 * Build the keyset-paginated hazard query. Every filter is a bound parameter; the order is
 * `(updated_at, hazard_id)`, served by the `hazards_*` indexes. @internal
 */
export function buildHazardQuery(filter: HazardFilter, after: [string, string] | null, limit: number): { sql: string; params: unknown[] } {
  const { clauses: where, params } = hazardWhere(filter);
  if (after) {
    where.push('(updated_at, hazard_id) > (?, ?)');
    params.push(after[0], after[1]);
  }
  // Provisional hazards (levels awaiting confirmation) are few whatever the city's size: read through their own
  // index. Left to itself the planner took the area or status index and read every hazard of the area (165 ms
  // per query at 75 000 hazards; an officer's work queue asks one per district and domain).
  const from = filter.provisional === true ? 'hazards INDEXED BY hazards_provisional' : 'hazards';
  const sql = `SELECT * FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at, hazard_id LIMIT ?`;
  params.push(limit);
  return { sql, params };
}
