import type { ActorProfile, Directory } from '../ports/directory.js';

/**
 * A {@link Directory} over a fixed list of profiles (tests, demos, small deployments).
 * Unknown ids resolve to `null`; `set` and `remove` change a profile at once, which is how a
 * revoked role takes effect on the next command.
 *
 * @example
 * ```ts
 * const directory = createStaticDirectory([{ id: 'grid-7', roles: ['grid'], gridAreas: ['D1/G7'] }]);
 * ```
 */
export function createStaticDirectory(profiles: readonly ActorProfile[]): Directory & {
  set(profile: ActorProfile): void;
  remove(actorId: string): void;
} {
  const byId = new Map(profiles.map((p) => [p.id, structuredClone(p)]));
  return {
    async resolve(actorId) {
      const p = byId.get(actorId);
      return p ? structuredClone(p) : null;
    },
    set(profile) {
      byId.set(profile.id, structuredClone(profile));
    },
    remove(actorId) {
      byId.delete(actorId);
    },
  };
}
