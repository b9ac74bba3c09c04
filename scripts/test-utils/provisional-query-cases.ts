// Hazard rows with a few provisional ones, the filters the stores' provisional-query tests ask,
// and each filter's pages by its definition (rows filtered and ordered here, not by a store).
import type { HazardStatus } from '@anjian/core';
import type { HazardFilter } from '@anjian/core/ports';

export const OPEN: HazardStatus[] = ['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted'];
const STATUSES = [...OPEN, 'closed'];
export interface Row {
  hazard_id: string;
  status: string;
  level: string;
  provisional: number;
  domain: string;
  area: string;
  enterprise_id: string;
  updated_at: string;
}
export const ROWS: Row[] = Array.from({ length: 600 }, (_, i) => ({
  hazard_id: `H-${String(i).padStart(4, '0')}`,
  status: STATUSES[(i * 7) % STATUSES.length]!,
  level: ['simple', 'general', 'major'][i % 3]!,
  provisional: i % 9 === 0 ? 1 : 0,
  domain: ['gas', 'fire'][i % 2]!,
  area: ['D1', 'D1/G1', 'D1/G2', 'D10/G1', 'D2/G1'][(i * 3) % 5]!,
  enterprise_id: `E${i % 13}`,
  // Ties on updated_at: the hazard id decides.
  updated_at: `2026-0${1 + (i % 9)}-1${i % 10}T00:00:00.000Z`,
}));

const inArea = (area: string, a: string) => a === area || a.startsWith(`${area}/`);
export function expected(filter: HazardFilter): string[] {
  const list = (x: string | readonly string[] | undefined) => (x === undefined ? undefined : typeof x === 'string' ? [x] : x);
  return ROWS.filter(
    (r) =>
      (filter.provisional === undefined || r.provisional === (filter.provisional ? 1 : 0)) &&
      (filter.area === undefined || inArea(filter.area, r.area)) &&
      (filter.domain === undefined || r.domain === filter.domain) &&
      (filter.enterpriseId === undefined || r.enterprise_id === filter.enterpriseId) &&
      (list(filter.status) === undefined || list(filter.status)!.includes(r.status)) &&
      (list(filter.level) === undefined || list(filter.level)!.includes(r.level)),
  )
    .sort((a, b) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.hazard_id < b.hazard_id ? -1 : 1))
    .map((r) => r.hazard_id);
}

export const FILTERS: HazardFilter[] = [
  { provisional: true },
  { provisional: true, area: 'D1', domain: 'gas', status: OPEN },
  { provisional: true, area: 'D1/G1' },
  { provisional: true, enterpriseId: 'E0', level: ['simple', 'general'] },
  { provisional: false, area: 'D1', domain: 'fire' },
  { provisional: false },
];
