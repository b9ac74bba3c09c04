import type { Store } from '@anjian/core';
import { hazardStatsFromGroups, type HazardFilter, type HazardStats, type HazardStatsQuery } from '@anjian/core/ports';
import { areaCovers, narrow, type ReadScope } from '@anjian/core/internal';
import { HttpProblem } from './problem.js';

/** Above this many mutually overlapping scopes the union is refused (2^n − 1 store queries). */
export const MAX_OVERLAPPING_SCOPES = 8;

/** The filter both hold, or `null` when no hazard can match both. */
export function intersectFilters(a: HazardFilter, b: HazardFilter): HazardFilter | null {
  const out: HazardFilter = { ...a, ...b };
  if (a.enterpriseId !== undefined && b.enterpriseId !== undefined && a.enterpriseId !== b.enterpriseId) return null;
  if (a.domain !== undefined && b.domain !== undefined && a.domain !== b.domain) return null;
  if (a.premisesId !== undefined && b.premisesId !== undefined && a.premisesId !== b.premisesId) return null;
  if (a.area !== undefined && b.area !== undefined) {
    if (areaCovers(a.area, b.area)) out.area = b.area;
    else if (areaCovers(b.area, a.area)) out.area = a.area;
    else return null;
  }
  return out;
}

/** Whether every hazard `inner` matches is matched by `outer` (both narrowed from one request filter). */
function covers(outer: HazardFilter, inner: HazardFilter): boolean {
  return (
    (outer.enterpriseId === undefined || outer.enterpriseId === inner.enterpriseId) &&
    (outer.domain === undefined || outer.domain === inner.domain) &&
    (outer.premisesId === undefined || outer.premisesId === inner.premisesId) &&
    (outer.area === undefined || (inner.area !== undefined && areaCovers(outer.area, inner.area)))
  );
}

/**
 * One readable part: the request's filter narrowed to a scope, and the scope's period (a
 * landlord's tenancy: hazards created in `[from, before)`), which a store filter cannot hold.
 */
interface Part {
  filter: HazardFilter;
  from?: string;
  before?: string;
}

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a > b ? a : b);
const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a < b ? a : b);

/** The part both hold (filters and periods intersected), or `null` when no hazard is in both. */
function intersectParts(a: Part, b: Part): Part | null {
  const filter = intersectFilters(a.filter, b.filter);
  if (filter === null) return null;
  const from = later(a.from, b.from);
  const before = earlier(a.before, b.before);
  if (from !== undefined && before !== undefined && from >= before) return null;
  return { filter, ...(from === undefined ? {} : { from }), ...(before === undefined ? {} : { before }) };
}

/** Whether every hazard in `inner` is in `outer`. */
function coversPart(outer: Part, inner: Part): boolean {
  return (
    covers(outer.filter, inner.filter) &&
    (outer.from === undefined || (inner.from !== undefined && inner.from >= outer.from)) &&
    (outer.before === undefined || (inner.before !== undefined && inner.before <= outer.before))
  );
}

/** Signed sum of stats: `sign` +1 adds, −1 subtracts (inclusion–exclusion). */
function accumulate(into: Map<string, number>, stats: HazardStats, sign: number): void {
  const add = (key: string, n: number) => into.set(key, (into.get(key) ?? 0) + sign * n);
  add('overdue', stats.overdue);
  for (const [level, n] of Object.entries(stats.byLevel)) add(`level\u0000${level}`, n);
  for (const [status, n] of Object.entries(stats.byStatus)) add(`status\u0000${status}`, n);
  for (const [domain, n] of Object.entries(stats.byDomain)) add(`domain\u0000${domain}`, n);
  for (const p of stats.periods ?? []) {
    add(`ptotal\u0000${p.period}`, p.total);
    add(`pclosed\u0000${p.period}`, p.closed);
  }
}

/**
 * Rebuilds {@link HazardStats} from the signed sums. The byLevel × byStatus × byDomain
 * marginals are independent, so they are fed to `hazardStatsFromGroups` as separate groups
 * (one dimension carrying the count each time) and the totals are recomputed from byStatus.
 */
function fromSums(sums: Map<string, number>, groupBy: HazardStatsQuery['groupBy']): HazardStats {
  const get = (key: string) => Math.max(0, sums.get(key) ?? 0);
  const entries = (prefix: string) => [...sums.keys()].filter((k) => k.startsWith(`${prefix}\u0000`)).map((k) => [k.slice(prefix.length + 1), get(k)] as const);
  const base = hazardStatsFromGroups(
    entries('status').map(([status, count]) => ({ level: 'simple', status, domain: '', count, overdue: 0 })),
    groupBy ? entries('ptotal').map(([period, total]) => ({ period, total, closed: get(`pclosed\u0000${period}`) })) : undefined,
  );
  const byLevel = { ...base.byLevel };
  for (const key of Object.keys(byLevel)) byLevel[key as keyof typeof byLevel] = 0;
  for (const [level, n] of entries('level')) byLevel[level as keyof typeof byLevel] = n;
  const byDomain = Object.fromEntries(entries('domain').filter(([, n]) => n > 0));
  return { ...base, byLevel, byDomain, overdue: get('overdue') };
}

/** Splits parts into groups that overlap among themselves and not with other groups. */
function overlapComponents(filters: readonly Part[]): Part[][] {
  const parent = filters.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < filters.length; i++) {
    for (let j = i + 1; j < filters.length; j++) if (intersectParts(filters[i]!, filters[j]!) !== null) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Part[]>();
  filters.forEach((f, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), f]));
  return [...groups.values()];
}

/**
 * Dashboard statistics over what the actor may read: the request's filter narrowed to each
 * read scope, scopes covered by another dropped, disjoint scopes summed, overlapping ones
 * combined by inclusion–exclusion (A ∪ B = A + B − A ∩ B), so no hazard is counted twice. A
 * scope's period (a landlord's tenancy, `foundFrom`/`foundBefore`) bounds its part's
 * `createdFrom`/`createdTo`, so a landlord counts exactly the hazards it may read.
 * Each store call is its own snapshot; under concurrent writes the union may be off by the
 * hazards written between the calls (counts never go below 0).
 *
 * @throws HttpProblem 400 `STATS_SCOPE_TOO_BROAD` when more than
 * {@link MAX_OVERLAPPING_SCOPES} scopes overlap one another.
 */
export async function scopedStats(store: Pick<Store, 'stats'>, query: HazardStatsQuery, scopes: 'all' | readonly ReadScope[]): Promise<HazardStats> {
  if (scopes === 'all') return store.stats(query);
  const filter = query.filter ?? {};
  const narrowed: Part[] = [];
  for (const s of scopes) {
    const f = narrow(filter, s);
    const part = f && intersectParts({ filter: f }, { filter: {}, ...(s.foundFrom === undefined ? {} : { from: s.foundFrom }), ...(s.foundBefore === undefined ? {} : { before: s.foundBefore }) });
    if (part) narrowed.push(part);
  }
  const kept = narrowed.filter((f, i) => !narrowed.some((g, j) => j !== i && coversPart(g, f) && (!coversPart(f, g) || j < i)));
  // A part's query: its filter, and the request's creation window narrowed to its period (null: empty).
  const partQuery = (part: Part): HazardStatsQuery | null => {
    const from = later(query.createdFrom, part.from);
    const to = earlier(query.createdTo, part.before);
    if (from !== undefined && to !== undefined && from >= to) return null;
    return { ...query, filter: part.filter, ...(from === undefined ? {} : { createdFrom: from }), ...(to === undefined ? {} : { createdTo: to }) };
  };
  if (kept.length === 1) {
    const only = partQuery(kept[0]!);
    return only ? store.stats(only) : fromSums(new Map(), query.groupBy);
  }
  const sums = new Map<string, number>();
  for (const component of overlapComponents(kept)) {
    if (component.length > MAX_OVERLAPPING_SCOPES) {
      throw new HttpProblem(
        400,
        'STATS_SCOPE_TOO_BROAD',
        { 'zh-CN': '统计范围过宽', en: 'Statistics scope too broad' },
        {
          'zh-CN': `当前用户有 ${component.length} 个相互重叠的可见范围，无法合并统计；请用 enterprise、area 或 domain 参数缩小范围`,
          en: `the actor has ${component.length} overlapping read scopes that cannot be combined; narrow the request with enterprise, area or domain`,
        },
      );
    }
    // Inclusion–exclusion over every non-empty subset of the component.
    for (let mask = 1; mask < 1 << component.length; mask++) {
      let meet: Part | null = null;
      let size = 0;
      for (let i = 0; i < component.length; i++) {
        if (!(mask & (1 << i))) continue;
        size++;
        meet = meet === null ? component[i]! : intersectParts(meet, component[i]!);
        if (meet === null) break;
      }
      const meetQuery = meet && partQuery(meet);
      if (meetQuery === null) continue;
      accumulate(sums, await store.stats(meetQuery), size % 2 === 1 ? 1 : -1);
    }
  }
  return fromSums(sums, query.groupBy);
}
