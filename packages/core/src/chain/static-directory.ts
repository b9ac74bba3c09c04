import { didYouMean } from '../pack/did-you-mean.js';
import { ROLES, type ActorProfile, type Directory, type EnterpriseRecord } from '../ports/directory.js';
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

const ROLE_LIST = ROLES.join(', ');

/** The role a misspelt one most likely meant: a close spelling, else the role it is part of (`admin` → `department_admin`). */
function roleGuess(value: string): string | undefined {
  const lower = value.toLowerCase();
  return didYouMean(value, ROLES) ?? (lower.length >= 3 ? ROLES.find((r) => r.includes(lower) || lower.includes(r)) : undefined);
}

/** `"x"` for a string, else what the value is (`undefined`, `a number`, …), for a message. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

/**
 * Refuses a profile the chain would read as an outsider without a word: an id that is not a
 * text, roles that are not a list, a role that is not one of {@link ROLES} (`admin` for
 * `department_admin`), `enterpriseIds` / `gridAreas` that are not lists of texts. `where` is
 * where it was given (`profiles[2]`, `set(profile)`).
 */
function checkProfile(profile: ActorProfile, where: string): void {
  const fail = (en: string, zh: string): never => {
    const id = typeof profile?.id === 'string' ? ` ${JSON.stringify(profile.id)}` : '';
    throw new TypeError(`createStaticDirectory: profile${id} (${where}) ${en} / 用户${id}（${where}）${zh}`);
  };
  if (typeof profile !== 'object' || profile === null) fail(`is ${shown(profile)}, not a profile ({ id, roles, … })`, `是 ${shown(profile)}，不是用户资料（{ id, roles, … }）`);
  if (typeof profile.id !== 'string' || profile.id === '') fail(`has id ${shown(profile.id)}: give each profile a non-empty text id`, `的 id 为 ${shown(profile.id)}：每个用户须有非空文本 id`);
  if (!Array.isArray(profile.roles))
    fail(`has roles ${shown(profile.roles)}: pass a list of roles (${ROLE_LIST}; [] for none)`, `的 roles 为 ${shown(profile.roles)}：请给出角色列表（${ROLE_LIST}；无角色写 []）`);
  profile.roles.forEach((role: unknown, i) => {
    if ((ROLES as readonly unknown[]).includes(role)) return;
    const guess = typeof role === 'string' ? roleGuess(role) : undefined;
    fail(
      `has role ${shown(role)} (roles[${i}]), which is not a role${guess ? ` — did you mean "${guess}"?` : '.'} Accepted roles: ${ROLE_LIST}`,
      `的角色 ${shown(role)}（roles[${i}]）不是已知角色${guess ? `——是不是“${guess}”？` : '。'}可用角色：${ROLE_LIST}`,
    );
  });
  for (const field of ['enterpriseIds', 'gridAreas'] as const) {
    const list: unknown = profile[field];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x === ''))
      fail(`has ${field} ${shown(list)}: pass a list of non-empty texts`, `的 ${field} 为 ${shown(list)}：请给出非空文本列表`);
  }
}

/**
 * Refuses an enterprise whose hazards would belong nowhere: an id that is not a text, an `area`
 * that is missing or empty (no reader's scope covers it, so its hazards would be read by none).
 */
function checkEnterprise(enterprise: EnterpriseRecord, where: string): void {
  const fail = (en: string, zh: string): never => {
    const id = typeof enterprise?.id === 'string' ? ` ${JSON.stringify(enterprise.id)}` : '';
    throw new TypeError(`createStaticDirectory: enterprise${id} (${where}) ${en} / 企业${id}（${where}）${zh}`);
  };
  if (typeof enterprise !== 'object' || enterprise === null)
    fail(`is ${shown(enterprise)}, not an enterprise ({ id, name, area, … })`, `是 ${shown(enterprise)}，不是企业记录（{ id, name, area, … }）`);
  if (typeof enterprise.id !== 'string' || enterprise.id === '')
    fail(`has id ${shown(enterprise.id)}: give each enterprise a non-empty text id`, `的 id 为 ${shown(enterprise.id)}：每个企业须有非空文本 id`);
  if (typeof enterprise.area !== 'string' || enterprise.area === '')
    fail(
      `has area ${shown(enterprise.area)}: give the registered area code (area: 'D1/G7'), where its hazards belong and who may read them is decided`,
      `的 area 为 ${shown(enterprise.area)}：请填写登记的区域代码（area: 'D1/G7'），隐患归属于该区域，谁可读也由此决定`,
    );
}

/** The entries by id, each cloned; an id listed twice is a `TypeError` naming both places (the last one silently won). */
function byIdOnce<T extends { id: string }>(entries: readonly T[], list: string, en: string, zh: string, check: (entry: T, where: string) => void): Map<string, T> {
  const out = new Map<string, T>();
  const at = new Map<string, number>();
  entries.forEach((entry, i) => {
    check(entry, `${list}[${i}]`);
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
 * otherwise be lost without a word). So is, here and in `set` / `setEnterprise`, a profile
 * with a role that is not one of `ROLES` (`admin` for `department_admin`: the actor would
 * silently read nothing) and an enterprise without an `area` (its hazards would belong
 * nowhere); the message names the id, the bad value and what to pass.
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
  const byId = byIdOnce(profiles, 'profiles', 'profile', '用户', checkProfile);
  const enterpriseById = byIdOnce(enterprises, 'enterprises', 'enterprise', '企业', checkEnterprise);
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
      checkProfile(profile, 'set(profile)');
      byId.set(profile.id, structuredClone(profile));
    },
    remove(actorId) {
      byId.delete(actorId);
    },
    setEnterprise(enterprise) {
      checkEnterprise(enterprise, 'setEnterprise(enterprise)');
      enterpriseById.set(enterprise.id, structuredClone(enterprise));
      sorted = null;
    },
  };
}
