import { HAZARD_LEVELS, HAZARD_STATUSES, type HazardLevel, type HazardStatus } from '@anjian/core';
import { quoteInput } from '@anjian/core/internal';
import type { HazardFilter } from '@anjian/core/ports';
import { badParameter } from './bad-request.js';

function list<T extends string>(name: string, raw: string | null, allowed: readonly T[]): T[] | undefined {
  // (An empty parameter never gets here: checkQuery refuses it.)
  if (raw === null) return undefined;
  const values = raw.split(',').map((v) => v.trim());
  for (const v of values) {
    // An empty item (`level=major,`) is refused like any other value not in the list.
    if (!allowed.includes(v as T)) throw badParameter(name, `${name} 的取值 ${quoteInput(v)} 无效（可选：${allowed.join('、')}）`, `invalid ${name} ${quoteInput(v)} (one of: ${allowed.join(', ')})`);
  }
  return values as T[];
}

function flag(name: string, raw: string | null): boolean | undefined {
  if (raw === null) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw badParameter(name, `${name} 只能是 true 或 false，收到 ${quoteInput(raw)}`, `${name} must be true or false, got ${quoteInput(raw)}`);
}

/**
 * Translate query parameters into a store {@link HazardFilter}: `level` and `status`
 * (comma-separated lists), `domain`, `area`, `enterprise`, `provisional=true|false`,
 * `overdue=true` (a running deadline at or before `now`). Unknown values are a 400 naming the
 * parameter (its issue's `parameter`; echoed cut to 64 characters); whether an enterprise, domain or
 * area is one the server knows is checkFilterValues'; which parameters a route takes, and that each is given once and not empty, is
 * checkQuery's (the route table).
 */
export function hazardFilterFromQuery(query: URLSearchParams, now: Date): HazardFilter {
  const filter: HazardFilter = {};
  const level = list<HazardLevel>('level', query.get('level'), HAZARD_LEVELS);
  if (level) filter.level = level;
  const status = list<HazardStatus>('status', query.get('status'), HAZARD_STATUSES);
  if (status) filter.status = status;
  for (const [param, key] of [
    ['domain', 'domain'],
    ['area', 'area'],
    ['enterprise', 'enterpriseId'],
  ] as const) {
    const value = query.get(param);
    if (value !== null) filter[key] = value;
  }
  const provisional = flag('provisional', query.get('provisional'));
  if (provisional !== undefined) filter.provisional = provisional;
  if (flag('overdue', query.get('overdue')) === true) filter.deadlineBefore = now.toISOString();
  return filter;
}
