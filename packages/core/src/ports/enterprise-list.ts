/**
 * Listing the register of enterprises with the filter pushed down to the directory
 * (`Directory.listEnterprises`), and the one definition of what such a list answers.
 *
 * @module
 */
import { areaCovers } from '../chain/authorize.js';
import type { EnterpriseRecord } from './directory.js';

/**
 * Which enterprises to list, one page of them: {@link Directory.listEnterprises} answers it,
 * {@link listEnterprisesOf} defines the answer. Every field narrows; an omitted one does not.
 */
export interface EnterpriseListQuery {
  /**
   * Keep the enterprises registered in one of these areas or a sub-area of one (`D1` covers
   * `D1/G3`, not `D10`: `areaCovers`). Omitted: every area; empty: none.
   */
  areas?: readonly string[];
  /** Keep those whose name or id contains this text, as given (case-sensitive, no patterns). */
  q?: string;
  /** Keyset: keep those whose id sorts after this one (the last id of the previous page). */
  after?: string;
  /** At most this many: an integer from 1. */
  limit: number;
}

/** JavaScript's string order (UTF-16 code units), the one order of a list by id. */
const byId = (a: EnterpriseRecord, b: EnterpriseRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Whether `enterprise` matches the query's `areas` and `q` (not `after` or `limit`): the
 * filter of {@link listEnterprisesOf}, for a host that filters rows it already holds.
 */
export function enterpriseMatches(enterprise: Pick<EnterpriseRecord, 'id' | 'name' | 'area'>, query: Pick<EnterpriseListQuery, 'areas' | 'q'>): boolean {
  if (query.areas !== undefined && !query.areas.some((a) => areaCovers(a, enterprise.area))) return false;
  return query.q === undefined || enterprise.name.includes(query.q) || enterprise.id.includes(query.q);
}

/**
 * The one definition of what {@link Directory.listEnterprises} answers: the enterprises of
 * `register` matching `areas` and `q` ({@link enterpriseMatches}), with an id after `after`,
 * ordered by id (JavaScript's string order), the first `limit`. The fallback of a host whose
 * directory does not list (the HTTP API filters its `relations.enterprises()` with it), and
 * what `runEnterpriseListConformance` compares an implementation with. A `limit` that is not
 * an integer from 1 is a `RangeError` (nothing is listed with a wrong page size).
 *
 * @example
 * ```ts
 * listEnterprisesOf(register, { areas: ['D1'], q: '饭店', limit: 100 }); // D1 and its sub-areas, by id
 * ```
 */
export function listEnterprisesOf(register: readonly EnterpriseRecord[], query: EnterpriseListQuery): EnterpriseRecord[] {
  if (!Number.isInteger(query.limit) || query.limit < 1) throw new RangeError(`listEnterprises: limit must be an integer from 1, not ${String(query.limit)} / limit 须为不小于 1 的整数`);
  const after = query.after;
  return register
    .filter((e) => (after === undefined || e.id > after) && enterpriseMatches(e, query))
    .sort(byId)
    .slice(0, query.limit);
}
