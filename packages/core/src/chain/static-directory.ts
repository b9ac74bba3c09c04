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

/**
 * A {@link Directory} over fixed lists of profiles and enterprises (tests, demos, small
 * deployments). Unknown ids resolve to `null`; `set`, `remove` and `setEnterprise` change
 * an entry at once, which is how a revoked role takes effect on the next command.
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
  const byId = new Map(profiles.map((p) => [p.id, structuredClone(p)]));
  const enterpriseById = new Map(enterprises.map((e) => [e.id, structuredClone(e)]));
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
