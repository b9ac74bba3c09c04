import { issueCoSignCode } from '../chain/co-sign-code.js';
import { sha256Hex } from '../chain/hash-event.js';
import { createMemoryStore } from '../chain/memory-store.js';
import { createStaticDirectory } from '../chain/static-directory.js';
import type { CoSignCodeRecord, CoSignCodeStore } from '../ports/co-sign-code-store.js';
import { TEST_ACTORS, TEST_ENTERPRISES } from './chain-fixtures.js';
import { createFixedClock } from './fixed-clock.js';
import type { ConformanceExpect } from './store-conformance.js';

/** The rows a store keeps, as they are in its tables (column names as the adapter has them). */
export interface CoSignCodeStoreRows {
  codes: readonly Record<string, unknown>[];
  attempts: readonly Record<string, unknown>[];
}

/** Options of {@link runCoSignCodeStoreConformance}. */
export interface CoSignCodeStoreConformanceOptions {
  name: string;
  /** A fresh, empty store per test. */
  createStore: () => CoSignCodeStore | Promise<CoSignCodeStore>;
  /**
   * Another instance over the same data as `store` (another connection, as a second server
   * process would have): the concurrency tests split their calls between the two. Default: the
   * same instance.
   */
  peer?: (store: CoSignCodeStore) => CoSignCodeStore | Promise<CoSignCodeStore>;
  /**
   * Every row the store keeps, read from its tables directly (not through the port): the suite
   * checks that a code never reaches them and that expired codes and old attempts are removed.
   * A store without tables (memory) leaves it out; those checks then read through the port.
   */
  rows?: (store: CoSignCodeStore) => Promise<CoSignCodeStoreRows>;
  /** Called after each test with the store and its peer (close connections). */
  destroyStore?: (store: CoSignCodeStore, peer: CoSignCodeStore) => void | Promise<void>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the suite. */
export const CO_SIGN_CODE_STORE_CONFORMANCE_TESTS = Object.freeze([
  'a code is live for its subject and act until consumed, and is consumed once',
  'two concurrent consumes of one code: exactly one wins',
  'expiry follows the time given, never the wall clock',
  'issuing again withdraws the earlier unused code of the same officer, subject and act — also when issued concurrently',
  'countAttempt counts the attempts of a key within the window, by the time given',
  'parallel attempts each see a distinct count',
  'a code issued by core reaches the store only as its salted hash',
  'expired codes and attempts outside the window are removed',
  'an officer holds at most maxLive live codes: one more is limited with when the earliest frees, nothing written; a replacement, a use or an expiry frees a place — also when issued concurrently',
] as const);

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
const at = (base: string, ms: number) => new Date(Date.parse(base) + ms).toISOString();
// Times far from today in both directions: a store that reads the wall clock fails one of them.
const PAST = '2020-03-01T08:00:00.000Z';
const FUTURE = '2099-03-01T08:00:00.000Z';

const CONTENT = '{"facts":{"level":"major","title":{"zh-CN":"燃气报警器未安装"}},"penalty":{"article":"安全生产法-99","fineAmount":20000,"kind":"fine"}}';
let serial = 0;
/** A code record as core keeps it (the hash is of a made-up code: the store never sees one). */
function record(overrides: Partial<CoSignCodeRecord> & { issuedAt: string }): CoSignCodeRecord {
  const n = ++serial;
  const salt = sha256Hex(`salt-${n}`).slice(0, 32);
  return {
    id: `csc-${n}-${Math.random().toString(16).slice(2, 10)}`,
    officerId: 'officer2-gas-d1',
    subject: 'hazard:H-1',
    act: 'file_case',
    salt,
    hash: sha256Hex(`${salt}:${String(n).padStart(8, '0')}`),
    expiresAt: at(overrides.issuedAt, 5 * MINUTE),
    usedAt: null,
    // What the second officer co-signs, kept as given (non-ASCII text, a number, nesting).
    content: CONTENT,
    contentDigest: sha256Hex(CONTENT),
    ...overrides,
  };
}

/**
 * The CoSignCodeStore conformance suite: every implementation runs it unchanged. Times are
 * far in the past and the future, so a store that reads the wall clock instead of the time
 * it is given fails.
 *
 * @example
 * ```ts
 * runCoSignCodeStoreConformance({ name: 'sqlite', createStore: () => createSqliteCoSignCodeStore({ path }), describe, it, expect });
 * ```
 */
export function runCoSignCodeStoreConformance(options: CoSignCodeStoreConformanceOptions): void {
  const { expect } = options;
  const test = (name: (typeof CO_SIGN_CODE_STORE_CONFORMANCE_TESTS)[number], fn: (s: CoSignCodeStore, peer: CoSignCodeStore) => Promise<void>) =>
    options.it(name, async () => {
      const store = await options.createStore();
      const peer = options.peer ? await options.peer(store) : store;
      try {
        await fn(store, peer);
      } finally {
        await options.destroyStore?.(store, peer);
      }
    });

  options.describe(`CoSignCodeStore conformance: ${options.name}`, () => {
    test('a code is live for its subject and act until consumed, and is consumed once', async (s) => {
      const r = record({ issuedAt: PAST });
      await s.issue(r);
      const t = at(PAST, MINUTE);
      expect(await s.live('hazard:H-1', 'file_case', t)).toEqual([r]);
      expect(await s.live('hazard:H-2', 'file_case', t)).toEqual([]);
      expect(await s.live('hazard:H-1', 'close', t)).toEqual([]);
      expect(await s.consume('csc-unknown', t)).toBe(false);
      expect(await s.consume(r.id, t)).toBe(true);
      expect(await s.consume(r.id, at(t, 1))).toBe(false);
      expect(await s.live('hazard:H-1', 'file_case', at(t, 2))).toEqual([]);
      // Another officer's code for the same subject and act is a code of its own.
      const other = record({ issuedAt: PAST, officerId: 'officer3-gas-d1' });
      const mine = record({ issuedAt: PAST });
      await s.issue(other);
      await s.issue(mine);
      const live = await s.live('hazard:H-1', 'file_case', t);
      expect(live.map((c) => c.id).sort()).toEqual([other.id, mine.id].sort());
    });

    test('two concurrent consumes of one code: exactly one wins', async (s, peer) => {
      const codes = Array.from({ length: 10 }, (_, i) => record({ issuedAt: PAST, officerId: `officer-${i}` }));
      for (const c of codes) await s.issue(c);
      const t = at(PAST, MINUTE);
      const results = await Promise.all(codes.map((c) => Promise.all([s.consume(c.id, t), peer.consume(c.id, t)])));
      for (const pair of results) expect(pair.filter(Boolean)).toHaveLength(1);
      expect(await s.live('hazard:H-1', 'file_case', t)).toEqual([]);
    });

    test('expiry follows the time given, never the wall clock', async (s) => {
      // Issued and expired long ago: still live at the times given before its expiry.
      const old = record({ issuedAt: PAST });
      await s.issue(old);
      expect(await s.live('hazard:H-1', 'file_case', at(old.expiresAt, -1))).toEqual([old]);
      // Expired at exactly its expiresAt.
      expect(await s.live('hazard:H-1', 'file_case', old.expiresAt)).toEqual([]);
      expect(await s.consume(old.id, old.expiresAt)).toBe(false);
      // Issued in the future: expired once the time given passes its expiry, whatever today is.
      const late = record({ issuedAt: FUTURE, subject: 'hazard:H-9' });
      await s.issue(late);
      expect(await s.live('hazard:H-9', 'file_case', at(FUTURE, MINUTE))).toEqual([late]);
      expect(await s.live('hazard:H-9', 'file_case', at(late.expiresAt, 1))).toEqual([]);
      expect(await s.consume(late.id, at(late.expiresAt, 1))).toBe(false);
    });

    test('issuing again withdraws the earlier unused code of the same officer, subject and act — also when issued concurrently', async (s, peer) => {
      const first = record({ issuedAt: PAST });
      const second = record({ issuedAt: at(PAST, 1000) });
      const otherAct = record({ issuedAt: PAST, act: 'close' });
      await s.issue(first);
      await s.issue(otherAct);
      await s.issue(second);
      const t = at(PAST, 2000);
      expect(await s.live('hazard:H-1', 'file_case', t)).toEqual([second]);
      expect(await s.live('hazard:H-1', 'close', t)).toEqual([otherAct]);
      expect(await s.consume(first.id, t)).toBe(false);
      // A used code is not withdrawn (it is used already); a new code after it is live.
      expect(await s.consume(second.id, t)).toBe(true);
      const third = record({ issuedAt: at(PAST, 3000) });
      await s.issue(third);
      expect(await s.live('hazard:H-1', 'file_case', at(PAST, 4000))).toEqual([third]);
      // Generated on two devices at once: one live code remains.
      const burst = Array.from({ length: 8 }, () => record({ issuedAt: at(PAST, 5000), subject: 'hazard:H-2', officerId: 'officer-burst' }));
      await Promise.all(burst.map((c, i) => (i % 2 === 0 ? s : peer).issue(c)));
      const left = await s.live('hazard:H-2', 'file_case', at(PAST, 6000));
      expect(left).toHaveLength(1);
      expect(burst.map((c) => c.id)).toContain(left[0]?.id);
    });

    test('an officer holds at most maxLive live codes: one more is limited with when the earliest frees, nothing written; a replacement, a use or an expiry frees a place — also when issued concurrently', async (s, peer) => {
      const officer = 'officer-bounded';
      const mine = (subject: string, ms: number, act = 'file_case') => record({ issuedAt: at(PAST, ms), officerId: officer, subject, act });
      const a = mine('hazard:A', 0);
      const b = mine('hazard:B', 1000);
      const c = mine('hazard:B', 2000, 'close');
      for (const r of [a, b, c]) expect(await s.issue(r, 3)).toEqual({ kind: 'issued' });
      const d = mine('hazard:D', 3000);
      expect(await s.issue(d, 3)).toEqual({ kind: 'limited', freesAt: a.expiresAt });
      expect(await s.live('hazard:D', 'file_case', at(PAST, 3000))).toEqual([]);
      // Another officer's codes do not count.
      expect(await s.issue(record({ issuedAt: at(PAST, 3000), officerId: 'officer-other', subject: 'hazard:D' }), 3)).toEqual({ kind: 'issued' });
      // Replacing his code of the same subject and act takes no new place.
      const b2 = mine('hazard:B', 4000);
      expect(await s.issue(b2, 3)).toEqual({ kind: 'issued' });
      expect(await s.live('hazard:B', 'file_case', at(PAST, 4000))).toEqual([b2]);
      // A used code frees its place at once.
      expect(await s.consume(a.id, at(PAST, 5000))).toBe(true);
      expect(await s.issue(d, 3)).toEqual({ kind: 'issued' });
      const e = mine('hazard:E', 6000);
      expect(await s.issue(e, 3)).toEqual({ kind: 'limited', freesAt: c.expiresAt });
      // An expired code frees its place: c lapses at its expiresAt.
      const e2 = mine('hazard:E', 2000 + 5 * MINUTE);
      expect(await s.issue(e2, 3)).toEqual({ kind: 'issued' });
      expect(await s.live('hazard:E', 'file_case', e2.issuedAt)).toEqual([e2]);
      // Eight issued at once through two connections, for eight subjects: three live, five limited.
      const burst = Array.from({ length: 8 }, (_, i) => record({ issuedAt: FUTURE, officerId: 'officer-burst-bounded', subject: `hazard:burst-${i}` }));
      const results = await Promise.all(burst.map((r, i) => (i % 2 === 0 ? s : peer).issue(r, 3)));
      expect(results.filter((r) => r.kind === 'issued')).toHaveLength(3);
      expect(results.filter((r) => r.kind === 'limited')).toHaveLength(5);
      const live = (await Promise.all(burst.map((r) => s.live(r.subject, 'file_case', at(FUTURE, 1))))).flat();
      expect(live).toHaveLength(3);
    });

    test('countAttempt counts the attempts of a key within the window, by the time given', async (s) => {
      expect(await s.countAttempt('co-sign\nA', PAST, WINDOW)).toBe(1);
      expect(await s.countAttempt('co-sign\nA', at(PAST, MINUTE), WINDOW)).toBe(2);
      expect(await s.countAttempt('co-sign\nB', at(PAST, MINUTE), WINDOW)).toBe(1);
      // (now - window, now]: the attempt at PAST falls out at exactly PAST + window.
      expect(await s.countAttempt('co-sign\nA', at(PAST, WINDOW - 1), WINDOW)).toBe(3);
      expect(await s.countAttempt('co-sign\nA', at(PAST, WINDOW), WINDOW)).toBe(3);
      // A forgotten attempt no longer counts; forgetting removes one attempt, not every one at that time.
      await s.countAttempt('co-sign\nA', at(PAST, WINDOW), WINDOW);
      await s.forgetAttempt('co-sign\nA', at(PAST, WINDOW));
      await s.forgetAttempt('co-sign\nA', at(PAST, 2 * WINDOW));
      expect(await s.countAttempt('co-sign\nA', at(PAST, WINDOW + 1), WINDOW)).toBe(4);
      // Far in the future, the attempts of the past are outside the window.
      expect(await s.countAttempt('co-sign\nA', FUTURE, WINDOW)).toBe(1);
    });

    test('parallel attempts each see a distinct count', async (s, peer) => {
      const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? s : peer).countAttempt('co-sign\nP', at(PAST, i), WINDOW)));
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    test('a code issued by core reaches the store only as its salted hash', async (s) => {
      const clock = createFixedClock(PAST);
      const directory = createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES);
      const issued = await issueCoSignCode({ store: createMemoryStore(), clock, directory, coSignCodes: s }, 'officer2-gas-d1', { act: 'report', subject: { enterpriseId: 'E1' } });
      expect(issued.ok).toBe(true);
      const code = issued.ok ? issued.issued.code : '';
      const [kept] = await s.live('enterprise:E1', 'report', at(PAST, 1));
      expect(kept?.hash).toBe(sha256Hex(`${kept?.salt}:${code}`));
      expect(Object.keys(kept ?? {}).sort()).toEqual(['act', 'content', 'contentDigest', 'expiresAt', 'hash', 'id', 'issuedAt', 'officerId', 'salt', 'subject', 'usedAt']);
      // What he co-signs is kept as core wrote it, with its digest (an inspection's report binds no field: {}).
      expect([kept?.content, kept?.contentDigest]).toEqual(['{}', sha256Hex('{}')]);
      const rows = options.rows ? await options.rows(s) : { codes: [kept], attempts: [] };
      expect(rows.codes).toHaveLength(1);
      const values = rows.codes.flatMap((row) => Object.values(row ?? {}).map(String));
      expect(values).toContain(kept?.hash);
      for (const value of values) expect(value.includes(code)).toBe(false);
    });

    test('expired codes and attempts outside the window are removed', async (s) => {
      const expired = record({ issuedAt: PAST, officerId: 'officer-a', subject: 'hazard:H-7' });
      await s.issue(expired);
      await s.countAttempt('co-sign\nold', PAST, WINDOW);
      // Later activity of others: the store drops what can no longer count.
      const fresh = record({ issuedAt: at(PAST, WINDOW + MINUTE), officerId: 'officer-b', subject: 'hazard:H-8' });
      await s.issue(fresh);
      expect(await s.countAttempt('co-sign\nnew', at(PAST, WINDOW + MINUTE), WINDOW)).toBe(1);
      expect(await s.live('hazard:H-7', 'file_case', at(PAST, WINDOW + MINUTE))).toEqual([]);
      expect(await s.countAttempt('co-sign\nold', at(PAST, WINDOW + MINUTE), WINDOW)).toBe(1);
      if (options.rows) {
        const rows = await options.rows(s);
        expect(rows.codes).toHaveLength(1);
        expect(JSON.stringify(rows.codes)).toContain(fresh.id);
        // 'new' once and 'old' once (the recent one): the attempt at PAST is gone.
        expect(rows.attempts).toHaveLength(2);
      }
    });
  });
}
