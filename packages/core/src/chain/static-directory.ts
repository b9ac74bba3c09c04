import type { ActorProfile, Directory, EnterpriseRecord } from '../ports/directory.js';
import { checkEnterpriseListQuery, enterpriseMatches, type EnterpriseListQuery } from '../ports/enterprise-list.js';

const NOT_PLAIN = Symbol('not plain');

/** A copy of plain data (primitives, dense arrays, plain objects; shallower than 32), or NOT_PLAIN. */
function plainCopy(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? NOT_PLAIN : value;
  if (depth > 32) return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length) return NOT_PLAIN;
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = plainCopy(value[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out.push(item);
    }
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = plainCopy((value as Record<string, unknown>)[key], depth + 1);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    out[key] = item;
  }
  return out;
}

/**
 * What `structuredClone` returns for the profiles and enterprises kept here (plain data, as
 * they were cloned when set), at a fraction of its cost on the command path; anything that
 * is not plain data goes to `structuredClone` itself.
 */
function copy<T>(value: T): T {
  const out = plainCopy(value, 0);
  return out === NOT_PLAIN ? structuredClone(value) : (out as T);
}

/** The entries by id, each cloned; an id listed twice is a `TypeError` naming both places (the last one silently won). */
function byIdOnce<T extends { id: string }>(entries: readonly T[], list: string, en: string, zh: string): Map<string, T> {
  const out = new Map<string, T>();
  const at = new Map<string, number>();
  entries.forEach((entry, i) => {
    const first = at.get(entry.id);
    if (first !== undefined) {
      const id = JSON.stringify(entry.id);
      throw new TypeError(`createStaticDirectory: ${en} ${id} is listed twice (${list}[${first}] and ${list}[${i}]) / ${zh} ${id} 重复出现（${list}[${first}] 与 ${list}[${i}]）`);
    }
    at.set(entry.id, i);
    out.set(entry.id, structuredClone(entry));
  });
  return out;
}

/**
 * A {@link Directory} over fixed lists of profiles and enterprises (tests, demos, small
 * deployments). Unknown ids resolve to `null`; `set`, `remove` and `setEnterprise` change
 * an entry at once, which is how a revoked role takes effect on the next command. An id
 * listed twice in either list is a `TypeError` naming both positions (one declaration would
 * otherwise be lost without a word).
 *
 * It is a full directory: `listEnterprises` answers one page of its enterprises as
 * `listEnterprisesOf` defines (the directory conformance suite, `runEnterpriseListConformance`,
 * passes on it as on a database's), read from the same table `enterprise(id)` answers from —
 * what it lists is exactly what it resolves, `setEnterprise` included. A page is found by a
 * binary search on the id and read until `limit` match, so listing does not sort or copy the
 * register. `register()` answers the whole register (by id) from that table: give it to
 * whatever else reads the register (the HTTP API's `relations.enterprises`), so the directory
 * and the register are one list, not two that can drift apart.
 *
 * @example
 * ```ts
 * const directory = createStaticDirectory(
 *   [{ id: 'grid-7', roles: ['grid'], gridAreas: ['D1/G7'] }],
 *   [{ id: 'E1', name: '某某餐馆', area: 'D1/G7' }],
 * );
 * await directory.listEnterprises({ areas: ['D1'], limit: 100 }); // [E1]
 * createAnjianApi({ directory, relations: { rental, rounds, enterprises: directory.register } });
 * ```
 */
export function createStaticDirectory(
  profiles: readonly ActorProfile[],
  enterprises: readonly EnterpriseRecord[] = [],
): Directory & {
  listEnterprises(query: EnterpriseListQuery): Promise<EnterpriseRecord[]>;
  /** Every enterprise of the directory, ordered by id (each a copy): the register, from the table `enterprise(id)` reads. */
  register: () => EnterpriseRecord[];
  set(profile: ActorProfile): void;
  remove(actorId: string): void;
  setEnterprise(enterprise: EnterpriseRecord): void;
} {
  const byId = byIdOnce(profiles, 'profiles', 'profile', '用户');
  const enterpriseById = byIdOnce(enterprises, 'enterprises', 'enterprise', '企业');
  // The enterprises ordered by id (JavaScript's string order, listEnterprisesOf's), built on the first listing after a change.
  let sorted: EnterpriseRecord[] | null = null;
  const ordered = (): EnterpriseRecord[] => (sorted ??= [...enterpriseById.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  return {
    async resolve(actorId) {
      const p = byId.get(actorId);
      return p ? copy(p) : null;
    },
    async enterprise(enterpriseId) {
      const e = enterpriseById.get(enterpriseId);
      return e ? copy(e) : null;
    },
    async listEnterprises(query) {
      checkEnterpriseListQuery(query);
      if (query.areas?.length === 0) return []; // no area: none match
      const all = ordered();
      // The first id after `after` (keyset), by binary search; then read on until `limit` match.
      let lo = 0;
      if (query.after !== undefined) {
        const after = query.after;
        let hi = all.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (all[mid]!.id <= after) lo = mid + 1;
          else hi = mid;
        }
      }
      const out: EnterpriseRecord[] = [];
      for (let i = lo; i < all.length && out.length < query.limit; i++) if (enterpriseMatches(all[i]!, query)) out.push(copy(all[i]!));
      return out;
    },
    register: () => ordered().map(copy),
    set(profile) {
      byId.set(profile.id, structuredClone(profile));
    },
    remove(actorId) {
      byId.delete(actorId);
    },
    setEnterprise(enterprise) {
      enterpriseById.set(enterprise.id, structuredClone(enterprise));
      sorted = null;
    },
  };
}
