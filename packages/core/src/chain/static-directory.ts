import type { ActorProfile, Directory, EnterpriseRecord } from '../ports/directory.js';

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
 * @example
 * ```ts
 * const directory = createStaticDirectory(
 *   [{ id: 'grid-7', roles: ['grid'], gridAreas: ['D1/G7'] }],
 *   [{ id: 'E1', name: '某某餐馆', area: 'D1/G7' }],
 * );
 * ```
 */
export function createStaticDirectory(
  profiles: readonly ActorProfile[],
  enterprises: readonly EnterpriseRecord[] = [],
): Directory & {
  set(profile: ActorProfile): void;
  remove(actorId: string): void;
  setEnterprise(enterprise: EnterpriseRecord): void;
} {
  const byId = byIdOnce(profiles, 'profiles', 'profile', '用户');
  const enterpriseById = byIdOnce(enterprises, 'enterprises', 'enterprise', '企业');
  return {
    async resolve(actorId) {
      const p = byId.get(actorId);
      return p ? copy(p) : null;
    },
    async enterprise(enterpriseId) {
      const e = enterpriseById.get(enterpriseId);
      return e ? copy(e) : null;
    },
    set(profile) {
      byId.set(profile.id, structuredClone(profile));
    },
    remove(actorId) {
      byId.delete(actorId);
    },
    setEnterprise(enterprise) {
      enterpriseById.set(enterprise.id, structuredClone(enterprise));
    },
  };
}
