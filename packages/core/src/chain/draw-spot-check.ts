import type { EnterpriseRecord } from '../ports/directory.js';
import { areaCovers } from './authorize.js';
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './hash-event.js';

/** Which enterprises a 双随机 draw picks from. Omitted fields do not narrow. */
export interface SpotCheckScope {
  /** Area code; covers sub-areas (`D1` covers `D1/G3`). */
  area?: string;
}

/** Input of {@link drawSpotCheck}. */
export interface SpotCheckDrawInput {
  /** A seed the drawer could not choose (a round's revealed seed, a recorded draw's); non-empty. */
  seed: string;
  /** How many enterprises to select; a non-negative integer (fewer are selected when the scope has fewer). */
  count: number;
  scope: SpotCheckScope;
  /** The register to draw from (the directory's enterprises). Duplicate ids are refused. */
  enterprises: readonly EnterpriseRecord[];
}

/**
 * The result of a draw, ready for the host to record in its audit log: everything needed
 * to re-draw it and check the list.
 */
export interface SpotCheckDraw {
  kind: 'spot_check_draw';
  /** `sha256-rank-v1`: rank = SHA-256 hex of `seed + "\n" + enterpriseId`; the `count` lowest ranks win. */
  method: 'sha256-rank-v1';
  seed: string;
  count: number;
  scope: SpotCheckScope;
  /** How many enterprises the scope held. */
  population: number;
  /** SHA-256 hex of the sorted ids of the population joined by `\n`: shows the register the draw saw. */
  populationDigest: string;
  /** Selected enterprise ids, in rank order. */
  selected: string[];
  /** SHA-256 hex of the canonical JSON of every field above: one value to record and compare. */
  digest: string;
}

/** A draw's input is invalid; `localized` holds the message in both languages. */
export class SpotCheckDrawError extends Error {
  override readonly name = 'SpotCheckDrawError';
  readonly localized: { 'zh-CN': string; en: string };
  constructor(zh: string, en: string) {
    super(en);
    this.localized = { 'zh-CN': zh, en };
  }
}

/**
 * **Low-level and pure: the ranking rule of a 双随机 draw, for a seed its caller already has.**
 * It neither makes, commits to nor records the seed, so it does not stop a drawer from trying
 * seeds until one leaves an enterprise out (T33 in docs/security.md). For a draw someone asks
 * for, use the rounds' `drawRoundSample`: the server commits to the seed when the round opens
 * and reveals it at the draw (commit–reveal), and refuses a request `seed`. Call this directly
 * only with a seed the drawer cannot choose (a replay of a recorded draw, a host's own
 * commit–reveal or a public lottery result fixed before the register was known).
 *
 * 双随机 (random objects, random inspectors): a seeded, deterministic selection of
 * enterprises for spot checks. The same seed and register give the same list whatever the
 * order of `enterprises`; a changed seed gives another list and another `digest`. Anyone
 * can re-draw by hand: `printf '%s\n%s' SEED ID | sha256sum` per enterprise, sort, take
 * `count`. SHA-256 (`@noble/hashes`, already core's hash) rather than a PRNG library:
 * each enterprise's rank depends only on the seed and its own id, so adding or removing
 * one enterprise moves no other rank.
 *
 * @example
 * ```ts
 * // Re-draw a recorded draw by hand to check its list (the seed is the one it revealed):
 * const again = drawSpotCheck({ seed: recorded.seed, count: recorded.count, scope: {}, enterprises });
 * again.digest === recorded.digest; // same register, same list
 * ```
 */
export function drawSpotCheck(input: SpotCheckDrawInput): SpotCheckDraw {
  const { seed, count, scope, enterprises } = input;
  if (typeof seed !== 'string' || seed.trim() === '') throw new SpotCheckDrawError('抽查种子 seed 不能为空：请填写公开的随机种子', 'seed must be a non-empty string: give the published random seed');
  if (!Number.isInteger(count) || count < 0) throw new SpotCheckDrawError(`抽取数量 count 必须是非负整数，收到 ${String(count)}`, `count must be a non-negative integer, got ${String(count)}`);
  if (scope.area !== undefined && (typeof scope.area !== 'string' || scope.area === '')) throw new SpotCheckDrawError('范围 scope.area 不能为空字符串', 'scope.area must not be empty');
  const ids = new Set<string>();
  for (const e of enterprises) {
    if (ids.has(e.id)) throw new SpotCheckDrawError(`企业 ${e.id} 在名录中重复`, `enterprise ${e.id} is listed twice`);
    ids.add(e.id);
  }
  const population = enterprises.filter((e) => scope.area === undefined || areaCovers(scope.area, e.area)).map((e) => e.id);
  population.sort();
  const ranked = population.map((id) => ({ id, rank: sha256Hex(`${seed}\n${id}`) })).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  const body = {
    kind: 'spot_check_draw' as const,
    method: 'sha256-rank-v1' as const,
    seed,
    count,
    scope: scope.area === undefined ? {} : { area: scope.area },
    population: population.length,
    populationDigest: sha256Hex(population.join('\n')),
    selected: ranked.slice(0, count).map((r) => r.id),
  };
  return { ...body, digest: sha256Hex(canonicalJson(body)) };
}
