import type { Directory, EnterpriseRecord } from '../ports/directory.js';
import { listEnterprisesOf, type EnterpriseListQuery } from '../ports/enterprise-list.js';
import type { ConformanceExpect } from './store-conformance.js';

/** Options of {@link runEnterpriseListConformance}. */
export interface EnterpriseListConformanceOptions {
  /** Implementation name shown in the test titles. */
  name: string;
  /** A directory holding exactly `register` (an empty database per call), with `listEnterprises`. */
  create: (register: readonly EnterpriseRecord[]) => Pick<Directory, 'enterprise' | 'listEnterprises'> | Promise<Pick<Directory, 'enterprise' | 'listEnterprises'>>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the enterprise list suite. */
export const ENTERPRISE_LIST_CONFORMANCE_TESTS = Object.freeze([
  'listEnterprises answers what listEnterprisesOf answers, for every query over a generated register',
  'paging with after walks the whole register by id, each enterprise once',
  'each listed enterprise is the record enterprise(id) answers',
  'refuses a malformed query (checkEnterpriseListQuery): a limit not an integer from 1 a RangeError, an unknown or mistyped field a TypeError',
] as const);

/**
 * Queries that are not an `EnterpriseListQuery`, each with the error it must be refused with and
 * a text the message names: a misspelt or unknown filter answered as "no filter" would list more
 * than was asked, a `limit` of 0 answered as "none" or "all" is not a page.
 */
const MALFORMED_QUERIES: ReadonlyArray<readonly [query: Record<string, unknown>, error: 'RangeError' | 'TypeError', names: string]> = [
  [{ limit: 0 }, 'RangeError', 'limit'],
  [{ limit: -1 }, 'RangeError', 'limit'],
  [{ limit: 1.5 }, 'RangeError', 'limit'],
  [{ limit: Number.NaN }, 'RangeError', 'limit'],
  [{ limit: '10' }, 'RangeError', 'limit'],
  [{ areas: ['D1'] }, 'RangeError', 'limit'],
  [{ area: ['D1'], limit: 10 }, 'TypeError', 'area'],
  [{ domain: 'gas', limit: 10 }, 'TypeError', 'domain'],
  [{ areas: 'D1', limit: 10 }, 'TypeError', 'areas'],
  [{ areas: [1], limit: 10 }, 'TypeError', 'areas'],
  [{ q: 5, limit: 10 }, 'TypeError', 'q'],
  [{ after: 3, limit: 10 }, 'TypeError', 'after'],
];

/**
 * A register of `size` enterprises, the same every call: areas nested three deep over districts
 * `D1`, `D2`, `D10` (so `D1` must not cover `D10/…`), names sharing words, some with `%`, `_` or
 * Latin letters of both cases (a `q` is neither a pattern nor case-blind), ids in no order.
 */
function generatedRegister(size: number): EnterpriseRecord[] {
  let seed = 20261207;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const districts = ['D1', 'D2', 'D10'];
  const words = ['饭店', '宾馆', '机械厂', '仓储', 'Hotpot', 'hotpot', '50%', 'a_b', '小场所'];
  const out: EnterpriseRecord[] = [];
  for (let i = 0; i < size; i++) {
    const depth = rnd(3);
    const area = [districts[rnd(districts.length)]!, ...(depth > 0 ? [`G${1 + rnd(3)}`] : []), ...(depth > 1 ? [`X${1 + rnd(2)}`] : [])].join('/');
    const id = `${['e', 'E', 'ent-', 'city-'][rnd(4)]}${String(rnd(100_000)).padStart(5, '0')}-${i}`;
    out.push({ id, name: `${words[rnd(words.length)]} ${i}`, area, ...(i % 3 === 0 ? { address: `${area} 第 ${i} 号` } : {}), ...(i % 5 === 0 ? { regime: 'general' as const } : {}) });
  }
  return out;
}

/** The queries compared: every area filter, text and keyset position, at several page sizes. */
function queries(register: readonly EnterpriseRecord[]): EnterpriseListQuery[] {
  const sorted = listEnterprisesOf(register, { limit: register.length });
  const areaSets: Array<readonly string[] | undefined> = [undefined, [], ['D1'], ['D10'], ['D1/G1'], ['D1/G1/X1'], ['D2', 'D10/G2'], ['D1', 'D1/G2'], ['D9'], ['D']];
  const texts = [undefined, '饭店', 'hotpot', 'Hotpot', '50%', '%', '_', 'a_b', 'city-', '-1', '不存在'];
  const afters = [undefined, '', sorted[0]!.id, sorted[Math.floor(sorted.length / 2)]!.id, `${sorted[Math.floor(sorted.length / 3)]!.id}0`, sorted[sorted.length - 1]!.id, 'E', 'z'];
  const out: EnterpriseListQuery[] = [];
  for (const areas of areaSets)
    for (const q of texts)
      for (const after of afters)
        for (const limit of [1, 7, 500]) out.push({ ...(areas === undefined ? {} : { areas }), ...(q === undefined ? {} : { q }), ...(after === undefined ? {} : { after }), limit });
  return out;
}

/**
 * The contract of `Directory.listEnterprises` (a host's directory over its register, pushed
 * down): on a generated register of 300 enterprises it answers every query as
 * `listEnterprisesOf` — the one definition — does, pages by `after` without losing or repeating
 * an enterprise, lists records as `enterprise(id)` answers them, and refuses a query that is not an
 * `EnterpriseListQuery` as `checkEnterpriseListQuery` does (`@anjian/core/ports`: call it first).
 *
 * @example
 * ```ts
 * runEnterpriseListConformance({ name: 'sql', describe, it, expect, create: (register) => createMyDirectory(register) });
 * ```
 */
export function runEnterpriseListConformance(options: EnterpriseListConformanceOptions): void {
  const { it, expect } = options;
  const register = generatedRegister(300);
  const listing = async () => {
    const dir = await options.create(register);
    if (!dir.listEnterprises) throw new TypeError(`${options.name}: the directory has no listEnterprises / 名录未实现 listEnterprises`);
    return { dir, list: dir.listEnterprises.bind(dir) };
  };

  options.describe(`Directory.listEnterprises conformance: ${options.name}`, () => {
    it(
      ENTERPRISE_LIST_CONFORMANCE_TESTS[0],
      async () => {
        const { list } = await listing();
        const differ: string[] = [];
        for (const query of queries(register)) {
          const got = (await list(query)).map((e) => e.id);
          const want = listEnterprisesOf(register, query).map((e) => e.id);
          if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${JSON.stringify(query)}: ${JSON.stringify(got.slice(0, 5))}… ≠ ${JSON.stringify(want.slice(0, 5))}…`);
        }
        expect(differ.slice(0, 5)).toEqual([]);
      },
      60_000,
    );

    it(ENTERPRISE_LIST_CONFORMANCE_TESTS[1], async () => {
      const { list } = await listing();
      for (const query of [{}, { areas: ['D1'] }, { q: '饭店' }]) {
        const walked: string[] = [];
        let after: string | undefined;
        for (let pages = 0; pages < 400; pages++) {
          const page = await list({ ...query, ...(after === undefined ? {} : { after }), limit: 7 });
          walked.push(...page.map((e) => e.id));
          if (page.length < 7) break;
          after = page[page.length - 1]!.id;
        }
        expect(walked).toEqual(listEnterprisesOf(register, { ...query, limit: register.length }).map((e) => e.id));
        expect(new Set(walked).size).toBe(walked.length);
      }
    });

    it(ENTERPRISE_LIST_CONFORMANCE_TESTS[2], async () => {
      const { dir, list } = await listing();
      const listed = await list({ areas: ['D2'], limit: 500 });
      expect(listed.length).toBeGreaterThan(0);
      for (const e of listed) expect(e).toEqual(await dir.enterprise(e.id));
    });

    it(ENTERPRISE_LIST_CONFORMANCE_TESTS[3], async () => {
      const { list } = await listing();
      const wrong: string[] = [];
      for (const [query, error, names] of MALFORMED_QUERIES) {
        const got = await Promise.resolve()
          .then(() => list(query as unknown as EnterpriseListQuery))
          .then(
            (answer) => `answered ${answer.length} enterprises`,
            (e: unknown) =>
              e instanceof Error
                ? `${e instanceof RangeError ? 'RangeError' : e instanceof TypeError ? 'TypeError' : e.name}${e.message.includes(names) && /[\u4e00-\u9fff]/.test(e.message) ? '' : ` whose message does not name ${names} in 中文 and English (${e.message})`}`
                : `threw ${String(e)}`,
          );
        if (got !== error) wrong.push(`${JSON.stringify(query, (_, v: unknown) => (Number.isNaN(v) ? '<NaN>' : v))}: ${got}, not a ${error} naming ${names}`);
      }
      expect(wrong).toEqual([]);
    });
  });
}
