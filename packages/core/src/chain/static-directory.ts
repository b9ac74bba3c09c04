import type { ActorProfile, Directory, EnterpriseRecord } from '../ports/directory.js';

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
      return p ? structuredClone(p) : null;
    },
    async enterprise(enterpriseId) {
      const e = enterpriseById.get(enterpriseId);
      return e ? structuredClone(e) : null;
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
