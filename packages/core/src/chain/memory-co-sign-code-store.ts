import type { CoSignCodeRecord, CoSignCodeStore } from '../ports/co-sign-code-store.js';

/**
 * A {@link CoSignCodeStore} in memory: for one server process, and for tests. Codes and
 * attempts are lost on restart — the codes then simply have to be generated again. Expired
 * codes and old attempts are dropped as new ones come in.
 *
 * @example
 * ```ts
 * const deps: ChainDeps = { store, clock, directory, coSignCodes: createMemoryCoSignCodeStore() };
 * ```
 */
export function createMemoryCoSignCodeStore(): CoSignCodeStore {
  const codes = new Map<string, CoSignCodeRecord>();
  const attempts = new Map<string, number[]>();
  const drop = (now: string) => {
    for (const [id, r] of codes) if (r.expiresAt <= now) codes.delete(id);
  };
  return {
    async issue(record, maxLive) {
      drop(record.issuedAt);
      const same = (r: CoSignCodeRecord) => r.subject === record.subject && r.act === record.act;
      const held = [...codes.values()].filter((r) => r.officerId === record.officerId && r.usedAt === null && r.expiresAt > record.issuedAt && !same(r));
      if (maxLive !== undefined && held.length >= maxLive) return { kind: 'limited', freesAt: held.map((r) => r.expiresAt).sort()[0] as string };
      for (const [id, r] of codes) if (r.officerId === record.officerId && same(r) && r.usedAt === null) codes.delete(id);
      codes.set(record.id, { ...record });
      return { kind: 'issued' };
    },
    async live(subject, act, now) {
      drop(now);
      return [...codes.values()].filter((r) => r.subject === subject && r.act === act && r.usedAt === null && r.expiresAt > now).map((r) => ({ ...r }));
    },
    async consume(id, now) {
      const r = codes.get(id);
      if (!r || r.usedAt !== null || r.expiresAt <= now) return false;
      r.usedAt = now;
      return true;
    },
    async countAttempt(key, now, windowMs) {
      const at = Date.parse(now);
      const kept = (attempts.get(key) ?? []).filter((t) => t > at - windowMs);
      kept.push(at);
      attempts.set(key, kept);
      return kept.length;
    },
    async forgetAttempt(key, at) {
      const list = attempts.get(key);
      const i = list?.indexOf(Date.parse(at)) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
    },
  };
}
