// Hazard rows, the statistics queries the stores' stats-query tests ask (an officer's scopes —
// a district and a domain — among them), and each query's answer by its definition: the rows
// filtered, counted and grouped here, not by a store.
import { chinaPeriod, hazardStatsFromGroups, type HazardFilter, type HazardStats, type HazardStatsQuery } from '@anjian/core/ports';

const STATUSES = ['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted', 'closed'];
export interface StatsRow {
  hazard_id: string;
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
/** `D1-x/G1` and `D10/G1` sort between `D1` and `D1/…` or right after them, and are no sub-areas of `D1`. */
const AREAS = ['D1', 'D1/G1', 'D1/G2', 'D1-x/G1', 'D10/G1', 'D2/G1', 'D2'];
const DOMAINS = ['gas', 'fire', 'chemicals'];
const pad = (n: number) => String(n).padStart(2, '0');
export const STATS_ROWS: StatsRow[] = Array.from({ length: 700 }, (_, i) => ({
  hazard_id: `H-${String(i).padStart(4, '0')}`,
  status: STATUSES[(i * 5) % STATUSES.length]!,
  level: ['simple', 'general', 'major'][i % 3]!,
  provisional: i % 11 === 0 ? 1 : 0,
  domain: DOMAINS[(i * 7) % DOMAINS.length]!,
  area: AREAS[(i * 3) % AREAS.length]!,
  enterprise_id: `E${i % 13}`,
  deadline: i % 4 === 0 ? null : `2026-${pad(1 + (i % 12))}-${pad(1 + (i % 27))}T0${i % 10}:00:00.000Z`,
  // Some at 16:00Z, midnight in China: the next day's (and, on a month's last day, the next month's) period.
  created_at: `2026-${pad(1 + ((i * 5) % 12))}-${pad(1 + ((i * 3) % 28))}T${i % 6 === 0 ? '16' : pad(i % 16)}:00:00.000Z`,
  updated_at: `2026-12-${pad(1 + (i % 28))}T00:00:00.000Z`,
}));

export const STATS_NOW = '2026-07-15T00:00:00.000Z';
const FILTERS: HazardFilter[] = [
  {},
  { area: 'D1' },
  { area: 'D1', domain: 'gas' },
  { area: 'D1', domain: 'fire' },
  { area: 'D1/G1', domain: 'chemicals' },
  { area: 'D10', domain: 'gas' },
  { area: 'D2', domain: 'fire' },
  { area: 'D9', domain: 'gas' },
  { domain: 'fire' },
  { area: 'D1', domain: 'gas', status: ['reported', 'rectifying', 'closed'] },
  { area: 'D1', domain: 'gas', level: 'major' },
  { area: 'D1', domain: 'fire', enterpriseId: 'E3' },
  { area: 'D1', domain: 'gas', provisional: true },
];
/** Each filter in the whole, over a created range (China's 2026-03-01 to 2026-10-01), and by month and by day. */
export const STATS_QUERIES: HazardStatsQuery[] = FILTERS.flatMap((filter) => [
  { filter, now: STATS_NOW },
  { filter, now: STATS_NOW, groupBy: 'month' as const },
  { filter, now: STATS_NOW, createdFrom: '2026-02-28T16:00:00.000Z', createdTo: '2026-09-30T16:00:00.000Z', groupBy: 'day' as const },
]);

const inArea = (area: string, a: string) => a === area || a.startsWith(`${area}/`);
const list = (x: string | readonly string[] | undefined) => (x === undefined ? undefined : typeof x === 'string' ? [x] : x);

/** `Store.stats` of `query` by its definition, over {@link STATS_ROWS}. */
export function expectedStats(query: HazardStatsQuery): HazardStats {
  const f = query.filter ?? {};
  const rows = STATS_ROWS.filter(
    (r) =>
      (f.area === undefined || inArea(f.area, r.area)) &&
      (f.domain === undefined || r.domain === f.domain) &&
      (f.enterpriseId === undefined || r.enterprise_id === f.enterpriseId) &&
      (f.provisional === undefined || r.provisional === (f.provisional ? 1 : 0)) &&
      (list(f.status) === undefined || list(f.status)!.includes(r.status)) &&
      (list(f.level) === undefined || list(f.level)!.includes(r.level)) &&
      (query.createdFrom === undefined || r.created_at >= query.createdFrom) &&
      (query.createdTo === undefined || r.created_at < query.createdTo),
  );
  const groups = new Map<string, { level: string; status: string; domain: string; count: number; overdue: number }>();
  const periods = new Map<string, { period: string; total: number; closed: number }>();
  for (const r of rows) {
    const key = `${r.level}|${r.status}|${r.domain}`;
    const g = groups.get(key) ?? { level: r.level, status: r.status, domain: r.domain, count: 0, overdue: 0 };
    g.count++;
    if (r.status !== 'closed' && r.deadline !== null && r.deadline < query.now) g.overdue++;
    groups.set(key, g);
    if (query.groupBy !== undefined) {
      const period = chinaPeriod(r.created_at, query.groupBy);
      const p = periods.get(period) ?? { period, total: 0, closed: 0 };
      p.total++;
      if (r.status === 'closed') p.closed++;
      periods.set(period, p);
    }
  }
  return hazardStatsFromGroups(groups.values(), query.groupBy === undefined ? undefined : periods.values());
}
