import type { Directory, EnterpriseRecord } from '../ports/directory.js';
import { checkEnterpriseListQuery, listEnterprisesOf, type EnterpriseListQuery } from '../ports/enterprise-list.js';
import { areaCovers } from './authorize.js';
import { mayReadSomeOf, type ReadScopes } from './read-policy.js';

/** Where {@link listReadableEnterprises} reads the register from. */
export interface EnterpriseRegisterSource {
  /** The directory: its `listEnterprises`, when it has one, and `enterprise(id)` for the ids a reader's scopes name. */
  directory: Pick<Directory, 'enterprise' | 'listEnterprises'>;
  /** The whole register, loaded only when the directory does not list (the host's list, e.g. `RelationsApiOptions.enterprises`). */
  register: () => Promise<readonly EnterpriseRecord[]> | readonly EnterpriseRecord[];
}

/** The areas both of `scopeAreas` and of `asked` cover (an area's sub-areas included); `asked` omitted: `scopeAreas`. */
function meet(scopeAreas: readonly string[], asked: readonly string[] | undefined): string[] {
  if (asked === undefined) return [...new Set(scopeAreas)];
  const out = new Set<string>();
  for (const s of scopeAreas)
    for (const a of asked) {
      if (areaCovers(a, s)) out.add(s);
      else if (areaCovers(s, a)) out.add(a);
    }
  return [...out];
}

/**
 * One page of the enterprises a reader with `scopes` may know of the register: those some record
 * of which could lie inside the scopes (`mayReadSomeOf`, the read policy's one rule), matching
 * `query` as {@link listEnterprisesOf} defines it, and `next` — the last id of the page when more
 * follow, else `null`.
 *
 * With a directory that lists (`Directory.listEnterprises`), nothing is loaded whole: the read
 * policy narrows the query first — who reads everything (or holds a scope bound neither to an
 * enterprise nor to an area) lists the query as asked; the areas of scopes not bound to an
 * enterprise (a grid inspector's grids, an officer's jurisdiction) are met with the asked areas and
 * listed, and each enterprise the directory answers is checked against the scopes (fail closed:
 * a directory that gets the areas wrong gives a short page, never another area's enterprise); the
 * enterprises a scope names (an enterprise user's own, a landlord's tenants) are looked up one by
 * one. Without one, `register()` is loaded and filtered. Both answer the same
 * page for the same register (the HTTP API's `GET /enterprises` test compares them).
 *
 * A query that is not an {@link EnterpriseListQuery} is refused first, whichever path, before the
 * directory is asked or the register loaded ({@link checkEnterpriseListQuery}: a `limit` that is
 * not an integer from 1 is a `RangeError`, an unknown or mistyped field a `TypeError`).
 *
 * @example
 * ```ts
 * const page = await listReadableEnterprises({ directory, register: () => relations.enterprises() }, readScopes(actor), { areas: ['D1'], limit: 100 });
 * ```
 */
export async function listReadableEnterprises(source: EnterpriseRegisterSource, scopes: ReadScopes, query: EnterpriseListQuery): Promise<{ items: EnterpriseRecord[]; next: string | null }> {
  // Refused before anything is read, on either path: a misspelt filter is never answered as a wider list, and a limit
  // below 1 never reaches the page arithmetic (limit 0 asked for 1 and read items[-1]).
  checkEnterpriseListQuery(query);
  const ask = { ...query, limit: query.limit + 1 };
  let found: EnterpriseRecord[];
  const list = source.directory.listEnterprises?.bind(source.directory);
  if (!list) {
    found = listEnterprisesOf(
      (await source.register()).filter((e) => mayReadSomeOf(scopes, e)),
      ask,
    );
  } else if (scopes === 'all' || scopes.some((s) => s.enterpriseId === undefined && s.area === undefined)) {
    found = [...(await list(ask))];
  } else {
    const areas = meet(
      scopes.flatMap((s) => (s.enterpriseId === undefined && s.area !== undefined ? [s.area] : [])),
      query.areas,
    );
    // The directory narrows for speed; what it answers is checked, not trusted (a listing that gets areas wrong — D1
    // covering D10, areas ignored — costs a short page, never an enterprise outside the scopes).
    const inAreas = areas.length > 0 ? (await list({ ...ask, areas })).filter((e) => mayReadSomeOf(scopes, e)) : [];
    const named: EnterpriseRecord[] = [];
    for (const id of new Set(scopes.flatMap((s) => (s.enterpriseId === undefined ? [] : [s.enterpriseId])))) {
      const e = await source.directory.enterprise(id);
      if (e && mayReadSomeOf(scopes, e)) named.push(e);
    }
    const byId = new Map([...listEnterprisesOf(named, ask), ...inAreas].map((e) => [e.id, e]));
    found = listEnterprisesOf([...byId.values()], ask);
  }
  const items = found.slice(0, query.limit);
  return { items, next: found.length > query.limit ? items[items.length - 1]!.id : null };
}
