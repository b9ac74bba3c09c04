import { areaCovers } from '../chain/authorize.js';
import type { CommandIssue } from '../chain/command-issue.js';
import { canonicalJson } from '../chain/canonical-json.js';
import { checkText, type TextRule } from '../chain/command-text.js';
import { sha256Hex } from '../chain/hash-event.js';
import { quoteInput } from '../pack/quote-input.js';
import { drawSpotCheck, SpotCheckDrawError, type SpotCheckDraw } from '../chain/draw-spot-check.js';
import type { ActorProfile, Directory } from '../ports/directory.js';
import type { Clock } from '../ports/clock.js';
import type { RoundStore } from '../ports/round-store.js';
import { roundsFromLog, sealRoundEntry, type RoundEntryDraft, type RoundState } from './round-log.js';
import { roundPopulation } from './round-scope.js';
import { newRoundSeedCommitment, roundSeed, seedCommitment, validSeedKey } from './round-seed.js';
import { ROUND_KINDS, RoundError, type RoundEntryType, type RoundInput, type RoundLogEntry, type RoundRecord, type RoundUnit } from './types.js';

/** What the round functions need from the host. */
export interface RoundDeps {
  rounds: RoundStore;
  directory: Directory;
  clock: Clock;
  /** The domain of a pack on the server, or `null` for an unknown pack (rounds name server packs only). */
  packDomain: (packId: string) => string | null;
  /**
   * The server's round seed key (T33): random bytes, at least 32, kept secret and kept the
   * same across restarts. With it a round opens with a commitment to its draw seeds and can be
   * drawn; without it rounds open without one and cannot be drawn (coverage works either way).
   */
  seedKey?: Uint8Array;
}

const ID = /^[A-Za-z0-9._:-]{1,128}$/;
const AREA = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TITLE_RULE: TextRule = { max: 200 };
const REASON_RULE: TextRule = { max: 200 };
const validDay = (d: unknown): d is string => typeof d === 'string' && DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/**
 * The earliest first day of a round (`startsOn`), as for tenancies (`TENANCY_EARLIEST`):
 * supervision records on this platform start in this century, and an older date is a typo.
 */
export const ROUND_EARLIEST_DAY = '2000-01-01';

/**
 * The longest round, first and last day included: 1,096 days, three years with a leap day —
 * three-year campaigns (三年行动) are real, longer ones are not rounds. Coverage reads the
 * inspections recorded within a round's days only, so the bound also bounds that work.
 */
export const MAX_ROUND_DAYS = 1096;

/**
 * Checks a round before it is opened (fail closed, the first problem thrown as a
 * {@link RoundError} with a JSON pointer and a message in both languages) and answers the
 * round's scope with the domain of its pack — derived from the server's pack, never declared.
 */
export function checkRoundInput(input: RoundInput, packDomain: (packId: string) => string | null): RoundRecord['scope'] {
  const fail = (code: string, pointer: string, zh: string, en: string): never => {
    throw new RoundError(code, pointer, zh, en);
  };
  if (typeof input !== 'object' || input === null) fail('NOT_AN_OBJECT', '', '轮次应为对象', 'a round is an object');
  // Fail closed: what the server derives (the seed commitment, who opened the round, when) is refused, never silently dropped.
  for (const key of Object.keys(input)) if (!ROUND_FIELDS.has(key)) fail('UNKNOWN_FIELD', `/${key}`, `轮次中没有字段 ${key}`, `a round has no field ${key}`);
  if (typeof input.id !== 'string' || !ID.test(input.id)) fail('PATTERN', '/id', '轮次编号须为 1–128 个字母、数字或 . _ : -', 'the round id must be 1–128 letters, digits or . _ : -');
  if (!ROUND_KINDS.includes(input.kind)) fail('UNKNOWN_KIND', '/kind', `轮次类型须为 ${ROUND_KINDS.join('、')} 之一`, `the kind must be one of ${ROUND_KINDS.join(', ')}`);
  // The title is shown on worklists, reports and pages: one line of text, held to the same rule as a command's texts (checkText).
  if (typeof input.title !== 'object' || input.title === null) fail('TITLE', '/title', '轮次名称须为 { "zh-CN": 名称 }', 'the title must be { "zh-CN": title }');
  for (const lang of ['zh-CN', 'en'] as const) {
    if (lang === 'en' && input.title.en === undefined) continue;
    const issues: CommandIssue[] = [];
    if (checkText(input.title[lang], `/title/${lang}`, TITLE_RULE, issues) === undefined) {
      const why = issues[0]!.message;
      fail('TITLE', `/title/${lang}`, `轮次名称 ${why['zh-CN']}`, `round title ${why.en}`);
    }
  }
  const domain = typeof input.packId === 'string' ? packDomain(input.packId) : null;
  if (domain === null) fail('UNKNOWN_PACK', '/packId', `服务器上没有检查表 ${JSON.stringify(input.packId)}`, `no pack ${JSON.stringify(input.packId)} on the server`);
  if (!validDay(input.startsOn)) fail('DATE', '/startsOn', '开始日期须为 YYYY-MM-DD', 'startsOn must be a date YYYY-MM-DD');
  if (!validDay(input.endsOn)) fail('DATE', '/endsOn', '结束日期须为 YYYY-MM-DD', 'endsOn must be a date YYYY-MM-DD');
  if (input.endsOn < input.startsOn) fail('DATE_ORDER', '/endsOn', '结束日期早于开始日期', 'endsOn is before startsOn');
  if (input.startsOn < ROUND_EARLIEST_DAY)
    fail(
      'DATE_RANGE',
      '/startsOn',
      `开始日期 ${input.startsOn} 早于 ${ROUND_EARLIEST_DAY}：请填写轮次实际的开始日期`,
      `startsOn ${input.startsOn} is before ${ROUND_EARLIEST_DAY}: give the round's real first day`,
    );
  const days = dayNumber(input.endsOn) - dayNumber(input.startsOn) + 1;
  if (days > MAX_ROUND_DAYS)
    fail(
      'DATE_RANGE',
      '/endsOn',
      `轮次共 ${days} 天，超过上限 ${MAX_ROUND_DAYS} 天（三年）：请缩短轮次，更长的工作分为几个轮次开启`,
      `the round lasts ${days} days, more than the ${MAX_ROUND_DAYS}-day (three-year) limit: shorten it, or open longer work as several rounds`,
    );
  const scope = (typeof input.scope === 'object' && input.scope !== null ? input.scope : {}) as RoundInput['scope'];
  if (scope.area !== undefined && (typeof scope.area !== 'string' || !AREA.test(scope.area))) fail('PATTERN', '/scope/area', '区域代码无效，应如 D1/G1', 'the area must be an area code like D1/G1');
  if (scope.premisesKinds !== undefined && (!Array.isArray(scope.premisesKinds) || scope.premisesKinds.length === 0 || scope.premisesKinds.some((k) => typeof k !== 'string' || !ID.test(k)))) {
    fail('PREMISES_KINDS', '/scope/premisesKinds', '场所类型须为非空的类型编号列表', 'premisesKinds must be a non-empty list of kind ids');
  }
  for (const flag of ['nineSmall', 'labourIntensive', 'groupRental'] as const) {
    if (scope[flag] !== undefined && typeof scope[flag] !== 'boolean') fail('FLAG', `/scope/${flag}`, `${flag} 须为 true 或 false`, `${flag} must be true or false`);
  }
  const known = new Set(['area', 'premisesKinds', 'nineSmall', 'labourIntensive', 'groupRental']);
  for (const key of Object.keys(scope)) if (!known.has(key)) fail('UNKNOWN_FIELD', `/scope/${key}`, `范围中没有字段 ${key}`, `the scope has no field ${key}`);
  return {
    domain: domain as string,
    ...(scope.area === undefined ? {} : { area: scope.area }),
    ...(scope.premisesKinds === undefined ? {} : { premisesKinds: [...new Set(scope.premisesKinds)].sort() }),
    ...(scope.nineSmall === undefined ? {} : { nineSmall: scope.nineSmall }),
    ...(scope.labourIntensive === undefined ? {} : { labourIntensive: scope.labourIntensive }),
    ...(scope.groupRental === undefined ? {} : { groupRental: scope.groupRental }),
  };
}

/**
 * Who may open a round or draw for it: a department admin; an enforcement officer whose
 * department supervises the round's domain in an area covering the round's area (a round
 * without an area is the admin's).
 */
export function mayManageRound(actor: ActorProfile | null, scope: RoundRecord['scope']): boolean {
  if (!actor) return false;
  if (actor.roles.includes('department_admin')) return true;
  if (!actor.roles.includes('enforcement') || scope.area === undefined) return false;
  return (actor.departments ?? []).some((d) => d.domains.includes(scope.domain) && d.areas.some((a) => areaCovers(a, scope.area as string)));
}

/**
 * Whether `actor` may run some round ({@link mayManageRound} for a scope it supervises): a
 * department admin, or an enforcement officer of a department. Anyone else is refused a
 * round's acts before the round is looked up.
 */
export function mayManageSomeRound(actor: ActorProfile | null): boolean {
  return !!actor && (actor.roles.includes('department_admin') || (actor.roles.includes('enforcement') && (actor.departments ?? []).length > 0));
}

async function append<T extends RoundEntryType>(store: RoundStore, draft: RoundEntryDraft<T>): Promise<RoundLogEntry<T>> {
  // Another writer may take the next seq between the read and the append: seal again (bounded).
  for (let attempt = 0; attempt < 20; attempt++) {
    const entry = sealRoundEntry(await store.lastRoundEntry(), draft);
    if (await store.appendRoundEntry(entry)) return entry;
  }
  throw new RoundError('CONFLICT', '', '轮次日志写入冲突，请重试', 'the round log is busy: try again');
}

async function actorFor(deps: RoundDeps, actorId: string, scope: RoundRecord['scope']): Promise<ActorProfile> {
  const actor = await deps.directory.resolve(actorId);
  if (!mayManageRound(actor, scope)) throw roundForbidden();
  return actor as ActorProfile;
}

function roundForbidden(): RoundError {
  return new RoundError(
    'FORBIDDEN',
    '',
    '只有部门管理员或主管该领域、该区域的执法人员可以组织轮次和抽查',
    'only a department admin or an officer supervising the domain in the area may run rounds and draws',
  );
}

/**
 * Opens a round: checks it ({@link checkRoundInput}), authorises the actor
 * ({@link mayManageRound}) and appends `round_opened` to the round log. A round id is used
 * once (`ROUND_EXISTS`).
 *
 * @example
 * ```ts
 * const round = await openRound(deps, { id: 'fire-2026-12', kind: 'special_campaign', title: { 'zh-CN': '生命通道专项' },
 *   packId: 'fire', scope: { area: 'D1', groupRental: true }, startsOn: '2026-12-01', endsOn: '2026-12-31' }, 'admin-chen');
 * ```
 */
export async function openRound(deps: RoundDeps, input: RoundInput, actorId: string): Promise<RoundRecord> {
  const scope = checkRoundInput(input, deps.packDomain);
  await actorFor(deps, actorId, scope);
  if (deps.seedKey !== undefined && !validSeedKey(deps.seedKey)) throw invalidSeedKey();
  if ((await deps.rounds.roundEntries(input.id)).length > 0) throw new RoundError('ROUND_EXISTS', '/id', `轮次 ${input.id} 已存在`, `round ${input.id} exists`);
  const openedAt = deps.clock.now().toISOString();
  const round: RoundRecord = {
    id: input.id,
    kind: input.kind,
    title: input.title.en === undefined ? { 'zh-CN': input.title['zh-CN'].trim() } : { 'zh-CN': input.title['zh-CN'].trim(), en: input.title.en.trim() },
    packId: input.packId,
    scope,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    openedBy: actorId,
    openedAt,
    ...(deps.seedKey === undefined ? {} : { seeds: newRoundSeedCommitment(deps.seedKey, input.id) }),
  };
  await append(deps.rounds, { type: 'round_opened', roundId: round.id, actorId, recordedAt: openedAt, data: round });
  return round;
}

/** One round and its draws from the log, or `null`. */
export async function readRound(rounds: RoundStore, roundId: string): Promise<RoundState | null> {
  return roundsFromLog(await rounds.roundEntries(roundId))[0] ?? null;
}

/**
 * How many times a round may be drawn again after its first draw. Each re-draw reveals a fresh
 * committed seed, so a drawer who re-draws until he likes the list would choose the sample;
 * the cap bounds that choice to the best of three, and every draw stays on the record with its
 * reason. A sample that still cannot be inspected is explained on the inspection record, or the
 * department opens a new round (itself on the round log).
 */
export const MAX_ROUND_REDRAWS = 2;

/**
 * How many more times a round drawn `drawCount` times may be drawn: the first draw and
 * {@link MAX_ROUND_REDRAWS} re-draws, then none (`drawRoundSample` refuses with `REDRAW_LIMIT`).
 * What a page reads to offer the draw form, or to say why it does not.
 */
export function roundDrawsLeft(drawCount: number): number {
  return Math.max(0, MAX_ROUND_REDRAWS + 1 - drawCount);
}

/** Input of {@link drawRoundSample}. There is no seed: the round's committed seed is revealed (T33). */
export interface RoundDrawInput {
  roundId: string;
  /** How many enterprises to select: a positive integer, at most the round's population. */
  count: number;
  /** Why the round is drawn again: required for every draw after the first, recorded with it (1–200 characters, one line). */
  reason?: string;
  /** The request's Idempotency-Key (1–128 of A–Z a–z 0–9 . _ : -): a retry with it answers the draw it recorded. */
  key: string;
  /** The register (e.g. from `roundUnits`); the round's scope picks the population. */
  units: readonly RoundUnit[];
}

/** What {@link drawRoundSample} answers: the recorded draw, and whether it was recorded by an earlier request with the same key. */
export interface RoundDrawResult {
  entry: RoundLogEntry<'sample_drawn'>;
  replayed: boolean;
}

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;
/** The fields of a round a request may give (RoundInput); anything else is `UNKNOWN_FIELD`. */
const ROUND_FIELDS: ReadonlySet<string> = new Set(['id', 'kind', 'title', 'packId', 'scope', 'startsOn', 'endsOn']);
const DRAW_FIELDS = new Set(['roundId', 'count', 'reason', 'key', 'units']);

function invalidSeedKey(): RoundError {
  return new RoundError(
    'SEED_KEY_INVALID',
    '',
    '服务器的轮次种子密钥无效（须为至少 32 字节的随机数）：请运维人员配置后重试',
    "the server's round seed key is invalid (it must be at least 32 random bytes): ask the operator to configure it",
  );
}

/** The draw id of an actor's Idempotency-Key: the same actor and key find the same draw. */
const drawIdOf = (actorId: string, key: string) => `rd-${sha256Hex(`round-draw\n${actorId}\n${key}`).slice(0, 32)}`;

/**
 * 双随机 for a round: draws `count` enterprises from the round's population with
 * `drawSpotCheck` (`sha256-rank-v1`) and the round's **committed** seed, and records the whole
 * draw as a `sample_drawn` entry of the hash-chained round log before answering.
 *
 * Nobody chooses the seed (T33): draw `n` reveals the seed committed to before it — by the
 * round's opening for the first draw, by the previous draw's `nextCommitment` after — so anyone
 * can check `sha256(seed) = commitment` and re-draw the list by hand. A request carrying a
 * `seed` is refused (`SEED_NOT_ACCEPTED`). Drawing again is allowed but never silent: it needs a
 * `reason`, reveals the next committed seed, and `roundsFromLog` marks it `seedChanged`; a round is
 * drawn again at most {@link MAX_ROUND_REDRAWS} times (`REDRAW_LIMIT`).
 * `count` is a positive integer no larger than the round's population (`INVALID_DRAW`,
 * `COUNT_ABOVE_POPULATION` at `/count`; nothing is appended).
 * Fails closed on a round opened without a commitment (`NO_SEED_COMMITMENT`), a server
 * without its seed key (`NO_SEED_KEY`), or a key that no longer answers the commitment
 * (`SEED_KEY_CHANGED`).
 *
 * Idempotent: the same actor and `key` answer the draw recorded first (`replayed: true`),
 * also when several requests race (each appends only after re-reading the round's draws);
 * the same key asking for another count or reason is `IDEMPOTENCY_KEY_REUSED`.
 *
 * @example
 * ```ts
 * const { entry } = await drawRoundSample(deps, { roundId: 'gas-2026-12', count: 5, key: 'draw-1', units }, 'officer-li');
 * entry.data.seed; // revealed: sha256(seed) === round.seeds.commitment
 * ```
 */
export async function drawRoundSample(deps: RoundDeps, input: RoundDrawInput, actorId: string): Promise<RoundDrawResult> {
  const fail = (code: string, pointer: string, zh: string, en: string): never => {
    throw new RoundError(code, pointer, zh, en);
  };
  if (typeof input !== 'object' || input === null) fail('INVALID_DRAW', '', '抽取请求应为对象', 'a draw request is an object');
  if ('seed' in input)
    fail(
      'SEED_NOT_ACCEPTED',
      '/seed',
      '抽查种子不能由抽取人提供：服务器在开启轮次时已生成种子并公布其 SHA-256 承诺值，抽取时揭示，任何人可核验。请去掉 seed，只填写抽取数量（重新抽取时填写原因）',
      'the drawer cannot give a seed: the server generated it when the round opened and published its SHA-256 commitment; the draw reveals it for anyone to check. Leave out seed and give count (and reason for a re-draw)',
    );
  for (const field of Object.keys(input)) if (!DRAW_FIELDS.has(field)) fail('UNKNOWN_FIELD', `/${field}`, `抽取请求中没有字段 ${field}`, `a draw request has no field ${field}`);
  if (typeof input.key !== 'string' || !KEY.test(input.key)) fail('INVALID_DRAW', '/key', '幂等键须为 1–128 个字母、数字或 . _ : -', 'the idempotency key must be 1–128 letters, digits or . _ : -');
  if (!Number.isInteger(input.count) || input.count < 1)
    fail('INVALID_DRAW', '/count', `抽取数量 count 必须是正整数，收到 ${String(input.count)}`, `count must be a positive integer, got ${String(input.count)}`);
  let reason: string | undefined;
  if (input.reason !== undefined) {
    const issues: CommandIssue[] = [];
    reason = checkText(input.reason, '/reason', REASON_RULE, issues);
    if (reason === undefined) fail('INVALID_DRAW', '/reason', `重新抽取原因 ${issues[0]!.message['zh-CN']}`, `reason ${issues[0]!.message.en}`);
  }
  // Who may run no round at all is refused before the round is looked up: the same answer
  // for a round that exists and one that does not (no existence oracle).
  if (!mayManageSomeRound(await deps.directory.resolve(actorId))) throw roundForbidden();
  const opened = await readRound(deps.rounds, input.roundId);
  if (!opened) return fail('UNKNOWN_ROUND', '/roundId', `没有轮次 ${quoteInput(String(input.roundId))}`, `no round ${quoteInput(String(input.roundId))}`);
  await actorFor(deps, actorId, opened.round.scope);
  const drawId = drawIdOf(actorId, input.key);
  const requestDigest = sha256Hex(canonicalJson({ count: input.count, reason: reason ?? null }));

  // Another writer may take the next seq (or record this key's draw) between the reads and the
  // append: read the head first, then the round, seal after that head — an append after a
  // newer entry fails, and the next attempt sees it (bounded).
  for (let attempt = 0; attempt < 20; attempt++) {
    const last = await deps.rounds.lastRoundEntry();
    const entries = await deps.rounds.roundEntries(input.roundId);
    const earlier = entries.find((e): e is RoundLogEntry<'sample_drawn'> => e.type === 'sample_drawn' && (e.data as { drawId?: string }).drawId === drawId);
    if (earlier) {
      if (earlier.data.requestDigest !== requestDigest)
        fail(
          'IDEMPOTENCY_KEY_REUSED',
          '/key',
          '该幂等键已用于另一次抽取（数量或原因不同）：新的抽取请使用新的幂等键',
          'this Idempotency-Key was used for another draw (another count or reason): use a new key for a new draw',
        );
      return { entry: earlier, replayed: true };
    }
    const state = roundsFromLog(entries)[0] as RoundState;
    // A draw selects some of the round's population, never more than it holds (a replay above answers what it recorded).
    const population = roundPopulation(state.round.scope, input.units);
    if (input.count > population.length)
      fail(
        'COUNT_ABOVE_POPULATION',
        '/count',
        population.length === 0
          ? `本轮次范围内没有企业，不能抽取：请核对名录或轮次范围`
          : `抽取数量 ${input.count} 超过本轮次范围内的企业数 ${population.length}：请填写 1–${population.length} 之间的数量`,
        population.length === 0
          ? `the round's scope holds no enterprise, so nothing can be drawn: check the register or the round's scope`
          : `count ${input.count} is more than the ${population.length} enterprises in the round's scope: give a count from 1 to ${population.length}`,
      );
    const seeds = state.round.seeds;
    if (!seeds)
      return fail(
        'NO_SEED_COMMITMENT',
        '/roundId',
        `轮次 ${input.roundId} 开启时没有公布种子承诺值（在种子承诺启用前开启，或服务器未配置种子密钥），不能抽取：请开启新的轮次`,
        `round ${input.roundId} was opened without a seed commitment (before commitments, or on a server without a seed key) and cannot be drawn: open a new round`,
      );
    if (deps.seedKey === undefined)
      fail('NO_SEED_KEY', '', '服务器未配置轮次种子密钥，不能抽取：请运维人员配置后重试', 'this server has no round seed key, so it cannot draw: ask the operator to configure one');
    if (!validSeedKey(deps.seedKey)) throw invalidSeedKey();
    const drawNo = state.draws.length + 1;
    if (drawNo > 1 && reason === undefined)
      fail(
        'REASON_REQUIRED',
        '/reason',
        `本轮次已抽取 ${drawNo - 1} 次：重新抽取须填写原因，新的抽取会与原抽取一并公开并标记“种子已变更”`,
        `this round was drawn ${drawNo - 1} time(s): a re-draw needs a reason, and is shown next to the earlier draws, marked seedChanged`,
      );
    if (roundDrawsLeft(state.draws.length) === 0) {
      const reasons = state.draws.flatMap((d) => (d.draw.reason === undefined ? [] : [d.draw.reason]));
      fail(
        'REDRAW_LIMIT',
        '/roundId',
        `轮次 ${input.roundId} 已抽取 ${drawNo - 1} 次（首次抽取后最多重新抽取 ${MAX_ROUND_REDRAWS} 次，原因：${reasons.join('；')}），不能再抽取：请按最近一次抽取的名单检查，无法检查的企业在检查记录中说明原因；确需另行抽取的，由部门开启新的轮次`,
        `round ${input.roundId} was drawn ${drawNo - 1} times (at most ${MAX_ROUND_REDRAWS} re-draws after the first draw; reasons: ${reasons.join('; ')}) and cannot be drawn again: inspect the latest draw's list and explain on the inspection record why an enterprise could not be inspected; if another draw is really needed, the department opens a new round`,
      );
    }
    const previous = state.draws[state.draws.length - 1]?.draw;
    const commitment = drawNo === 1 ? seeds.commitment : previous?.nextCommitment;
    const seed = roundSeed(deps.seedKey as Uint8Array, input.roundId, seeds.nonce, drawNo);
    if (commitment === undefined || seedCommitment(seed) !== commitment)
      fail(
        'SEED_KEY_CHANGED',
        '',
        `服务器的种子密钥与轮次 ${input.roundId} 公布的承诺值不符（密钥已更换？），不能抽取：请开启新的轮次`,
        `the server's seed key does not answer the commitment round ${input.roundId} published (was the key changed?), so it cannot draw: open a new round`,
      );
    let draw: SpotCheckDraw;
    try {
      draw = drawSpotCheck({ seed, count: input.count, scope: {}, enterprises: population.map((u) => u.enterprise) });
    } catch (e) {
      if (e instanceof SpotCheckDrawError) throw new RoundError('INVALID_DRAW', '', e.localized['zh-CN'], e.localized.en);
      throw e;
    }
    const data = {
      ...draw,
      roundId: input.roundId,
      drawNo,
      commitment: commitment as string,
      nextCommitment: seedCommitment(roundSeed(deps.seedKey as Uint8Array, input.roundId, seeds.nonce, drawNo + 1)),
      ...(reason === undefined ? {} : { reason }),
      drawId,
      requestDigest,
    };
    const entry = sealRoundEntry(last, { type: 'sample_drawn', roundId: input.roundId, actorId, recordedAt: deps.clock.now().toISOString(), data });
    if (await deps.rounds.appendRoundEntry(entry)) return { entry, replayed: false };
  }
  return fail('CONFLICT', '', '轮次日志写入冲突，请重试', 'the round log is busy: try again');
}

/**
 * Re-draws a recorded draw with its own seed and count over `units` (the register as it is
 * now): `same` is true when the list and digest match the record — anyone can check a draw.
 */
export function redrawRoundSample(round: RoundRecord, recorded: SpotCheckDraw, units: readonly RoundUnit[]): { same: boolean; draw: SpotCheckDraw } {
  const draw = drawSpotCheck({ seed: recorded.seed, count: recorded.count, scope: {}, enterprises: roundPopulation(round.scope, units).map((u) => u.enterprise) });
  return { same: draw.digest === recorded.digest, draw };
}
