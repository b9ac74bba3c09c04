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

const QUERY_FIELDS: ReadonlySet<string> = new Set(['areas', 'q', 'after', 'limit']);

/**
 * Refuses what is not an {@link EnterpriseListQuery} (fail closed): a `limit` that is not an
 * integer from 1 is a `RangeError`; a field the query does not define (`area` for `areas`, a
 * `domain`), `areas` that is not a list of texts, or `q`/`after` that is not a text is a
 * `TypeError` — each naming the field in both languages. Such a query is never answered: a
 * misspelt filter read as "no filter" would list more than was asked. A field given as
 * `undefined` is omitted. {@link listEnterprisesOf} and `createStaticDirectory` check with it;
 * a host's directory refuses the same queries (`Directory.listEnterprises`).
 */
export function checkEnterpriseListQuery(query: EnterpriseListQuery): void {
  const refuse = (en: string, zh: string) => new TypeError(`listEnterprises: ${en} / ${zh}`);
  if (typeof query !== 'object' || query === null || Array.isArray(query)) throw refuse('the query must be an object { areas?, q?, after?, limit }', '查询须为对象 { areas?, q?, after?, limit }');
  for (const key of Object.keys(query))
    if (!QUERY_FIELDS.has(key))
      throw refuse(`the query has no field ${JSON.stringify(key)} (its fields: areas, q, after, limit)`, `查询没有字段 ${JSON.stringify(key)}（可用字段：areas、q、after、limit）`);
  const { areas, q, after, limit } = query as unknown as Partial<Record<string, unknown>>;
  if (areas !== undefined && (!Array.isArray(areas) || !areas.every((a) => typeof a === 'string'))) throw refuse('areas must be a list of area codes', 'areas 须为区域代码的列表');
  for (const [name, value] of [
    ['q', q],
    ['after', after],
  ] as const)
    if (value !== undefined && typeof value !== 'string') throw refuse(`${name} must be a text`, `${name} 须为文本`);
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw new RangeError(`listEnterprises: limit must be an integer from 1, not ${String(limit)} / limit 须为不小于 1 的整数`);
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
 * what `runEnterpriseListConformance` compares an implementation with. A query that is not an
 * {@link EnterpriseListQuery} is refused ({@link checkEnterpriseListQuery}: a `limit` that is not
 * an integer from 1 is a `RangeError`, an unknown or mistyped field a `TypeError`).
 *
 * @example
 * ```ts
 * listEnterprisesOf(register, { areas: ['D1'], q: '饭店', limit: 100 }); // D1 and its sub-areas, by id
 * ```
 */
export function listEnterprisesOf(register: readonly EnterpriseRecord[], query: EnterpriseListQuery): EnterpriseRecord[] {
  checkEnterpriseListQuery(query);
  const after = query.after;
  return register
    .filter((e) => (after === undefined || e.id > after) && enterpriseMatches(e, query))
    .sort(byId)
    .slice(0, query.limit);
}
