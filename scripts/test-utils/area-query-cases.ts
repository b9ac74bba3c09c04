// Shared by the SQLite and PostgreSQL area-query tests: list rows spread over nested areas
// (with the look-alike siblings `D1-x` and `D10` that `D1` must not cover), the filters an
// area query answers, and the expected ids computed from the rows by the filter's
// definition — the area and its sub-areas, ordered by (updated_at, hazard_id).
import type { HazardFilter } from '@anjian/core/ports';

export interface AreaCaseRow {
  hazard_id: string;
  status: string;
  level: string;
  area: string;
  deadline: string | null;
  updated_at: string;
}

const AREAS = ['D1', 'D1/G1', 'D1/G2', 'D1/G2/X', 'D1-x', 'D10', 'D10/G1', 'D2/G1', 'D0/G9'];
const STATUSES = ['reported', 'rectifying', 'submitted', 'closed'];
const LEVELS = ['general', 'major', 'simple'];

export const AREA_CASE_ROWS: readonly AreaCaseRow[] = Array.from({ length: 400 }, (_, i) => {
  const status = STATUSES[(i * 7) % STATUSES.length]!;
  return {
    hazard_id: `H${String(i).padStart(4, '0')}`,
    status,
    level: LEVELS[(i * 11) % LEVELS.length]!,
    area: AREAS[(i * 5) % AREAS.length]!,
    deadline: status === 'closed' ? null : new Date(Date.UTC(2026, 0, 1 + (i % 40))).toISOString(),
    // Several hazards share an updated_at, so the id breaks ties.
    updated_at: new Date(Date.UTC(2026, 1, 1, 0, Math.floor(((i * 37) % 400) / 3))).toISOString(),
  };
});

export const AREA_CASES: readonly HazardFilter[] = [
  { area: 'D1' },
  { area: 'D1/G2' },
  { area: 'D10' },
  { area: 'D1-x' },
  { area: 'D9' },
  { area: 'D1', status: ['reported', 'submitted'] },
  { area: 'D1/G2', status: 'rectifying' },
  { area: 'D1', deadlineBefore: '2026-01-20T00:00:00.000Z' },
  { area: 'D1', status: ['reported', 'rectifying'], deadlineBefore: '2026-01-10T00:00:00.000Z' },
  { area: 'D1', deadlineBefore: '2025-01-01T00:00:00.000Z' },
  { area: 'D1', level: 'major', status: ['reported', 'closed'] },
  { area: 'D1', level: ['major', 'simple'] },
  { area: 'D1', level: 'major', deadlineBefore: '2026-01-30T00:00:00.000Z' },
  // 4 areas × 5 statuses: more ranges than SQLite merges (it keeps the flat query).
  { area: 'D1', status: ['reported', 'rectifying', 'submitted', 'closed', 'verified'] },
];

/** City-wide filters led by levels (PostgreSQL reads them per level). */
export const LEVEL_CASES: readonly HazardFilter[] = [
  { level: 'major' },
  { level: ['major', 'simple'], status: 'closed' },
  { level: 'general', deadlineBefore: '2026-01-15T00:00:00.000Z' },
  { level: 'simple', status: 'closed', deadlineBefore: '2026-01-15T00:00:00.000Z' },
];

const list = (v: unknown): string[] | null => (v === undefined ? null : ([] as string[]).concat(v as string | string[]));

export function expectedAreaIds(filter: HazardFilter): string[] {
  const statuses = list(filter.status);
  const levels = list(filter.level);
  return AREA_CASE_ROWS.filter((r) => filter.area === undefined || r.area === filter.area || r.area.startsWith(`${filter.area}/`))
    .filter((r) => statuses === null || statuses.includes(r.status))
    .filter((r) => levels === null || levels.includes(r.level))
    .filter((r) => filter.deadlineBefore === undefined || (r.deadline !== null && r.deadline <= filter.deadlineBefore))
    .sort((a, b) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.hazard_id < b.hazard_id ? -1 : 1))
    .map((r) => r.hazard_id);
}
