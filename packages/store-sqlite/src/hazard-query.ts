import type { HazardFilter } from '@anjian/core';

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
  deadline: string | null;
  created_at: string;
  updated_at: string;
}

/** Thrown for a cursor this store did not produce. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'INVALID_CURSOR';
}

/** Opaque keyset cursor: base64url of `[updatedAt, hazardId]`. @internal */
export function encodeCursor(updatedAt: string, hazardId: string): string {
  return Buffer.from(JSON.stringify([updatedAt, hazardId]), 'utf8').toString('base64url');
}

/** @internal */
export function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch {
    // fall through
  }
  throw new InvalidCursorError('invalid page cursor');
}

const list = <T>(v: T | readonly T[]): readonly T[] => (Array.isArray(v) ? (v as readonly T[]) : [v as T]);

/**
 * Build the keyset-paginated hazard query. Every filter is a bound parameter; the order is
 * `(updated_at, hazard_id)`, served by the `hazards_*` indexes. @internal
 */
export function buildHazardQuery(filter: HazardFilter, after: [string, string] | null, limit: number): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[]) => {
    if (values.length === 0) where.push('0');
    else {
      where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
  };
  if (filter.level !== undefined) inList('level', list(filter.level));
  if (filter.status !== undefined) inList('status', list(filter.status));
  if (filter.domain !== undefined) {
    where.push('domain = ?');
    params.push(filter.domain);
  }
  if (filter.area !== undefined) {
    // The area and its sub-areas: `D1` covers `D1/G3`, not `D10`. Sub-areas are the range
    // ['D1/', 'D10') — '0' follows '/' — so the `area` indexes serve the filter.
    where.push('(area = ? OR (area >= ? AND area < ?))');
    params.push(filter.area, `${filter.area}/`, `${filter.area}0`);
  }
  if (filter.enterpriseId !== undefined) {
    where.push('enterprise_id = ?');
    params.push(filter.enterpriseId);
  }
  if (filter.provisional !== undefined) {
    where.push('provisional = ?');
    params.push(filter.provisional ? 1 : 0);
  }
  if (filter.deadlineBefore !== undefined) {
    where.push('deadline IS NOT NULL AND deadline <= ?');
    params.push(filter.deadlineBefore);
  }
  if (after) {
    where.push('(updated_at, hazard_id) > (?, ?)');
    params.push(after[0], after[1]);
  }
  const sql = `SELECT * FROM hazards${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at, hazard_id LIMIT ?`;
  params.push(limit);
  return { sql, params };
}
