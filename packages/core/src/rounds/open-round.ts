import { areaCovers } from '../chain/authorize.js';
import type { CommandIssue } from '../chain/command-issue.js';
import { checkText, type TextRule } from '../chain/command-text.js';
import { drawSpotCheck, SpotCheckDrawError, type SpotCheckDraw } from '../chain/draw-spot-check.js';
import type { ActorProfile, Directory } from '../ports/directory.js';
import type { Clock } from '../ports/clock.js';
import type { RoundStore } from '../ports/round-store.js';
import { roundsFromLog, sealRoundEntry, type RoundEntryDraft, type RoundState } from './round-log.js';
import { roundPopulation } from './round-scope.js';
import { ROUND_KINDS, RoundError, type RoundEntryType, type RoundInput, type RoundLogEntry, type RoundRecord, type RoundUnit } from './types.js';

/** What the round functions need from the host. */
export interface RoundDeps {
  rounds: RoundStore;
  directory: Directory;
  clock: Clock;
  /** The domain of a pack on the server, or `null` for an unknown pack (rounds name server packs only). */
  packDomain: (packId: string) => string | null;
}

const ID = /^[A-Za-z0-9._:-]{1,128}$/;
const AREA = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TITLE_RULE: TextRule = { max: 200 };
const SEED_RULE: TextRule = { max: 200 };
const validDay = (d: unknown): d is string => typeof d === 'string' && DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

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
  if (!mayManageRound(actor, scope)) {
    throw new RoundError(
      'FORBIDDEN',
      '',
      '只有部门管理员或主管该领域、该区域的执法人员可以组织轮次和抽查',
      'only a department admin or an officer supervising the domain in the area may run rounds and draws',
    );
  }
  return actor as ActorProfile;
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
  };
  await append(deps.rounds, { type: 'round_opened', roundId: round.id, actorId, recordedAt: openedAt, data: round });
  return round;
}

/** One round and its draws from the log, or `null`. */
export async function readRound(rounds: RoundStore, roundId: string): Promise<RoundState | null> {
  return roundsFromLog(await rounds.roundEntries(roundId))[0] ?? null;
}

/** Input of {@link drawRoundSample}. */
export interface RoundDrawInput {
  roundId: string;
  /** The published seed. */
  seed: string;
  count: number;
  /** The register (e.g. from `roundUnits`); the round's scope picks the population. */
  units: readonly RoundUnit[];
}

/**
 * 双随机 for a round: draws `count` enterprises from the round's population with
 * `drawSpotCheck` (seeded, re-drawable) and records the whole draw — seed, population digest,
 * list, digest — as a `sample_drawn` entry of the hash-chained round log, before answering.
 * Drawing again with another seed is allowed but never silent: the new entry stands next to
 * the earlier ones and `roundsFromLog` marks it `seedChanged`.
 */
export async function drawRoundSample(deps: RoundDeps, input: RoundDrawInput, actorId: string): Promise<RoundLogEntry<'sample_drawn'>> {
  const state = await readRound(deps.rounds, input.roundId);
  if (!state) throw new RoundError('UNKNOWN_ROUND', '/roundId', `没有轮次 ${input.roundId}`, `no round ${input.roundId}`);
  await actorFor(deps, actorId, state.round.scope);
  // The seed is published for anyone to re-draw by hand: what is shown must be what was used —
  // one line, no bidi controls or invisible padding that would make the two differ.
  const issues: CommandIssue[] = [];
  const seed = checkText(input.seed, '/seed', SEED_RULE, issues);
  if (seed === undefined) throw new RoundError('INVALID_DRAW', '/seed', `抽查种子 ${issues[0]!.message['zh-CN']}`, `seed ${issues[0]!.message.en}`);
  if (seed !== input.seed) throw new RoundError('INVALID_DRAW', '/seed', '抽查种子首尾不能有空白', 'the seed must not start or end with white space');
  let draw: SpotCheckDraw;
  try {
    draw = drawSpotCheck({ seed: input.seed, count: input.count, scope: {}, enterprises: roundPopulation(state.round.scope, input.units).map((u) => u.enterprise) });
  } catch (e) {
    if (e instanceof SpotCheckDrawError) throw new RoundError('INVALID_DRAW', '', e.localized['zh-CN'], e.localized.en);
    throw e;
  }
  return append(deps.rounds, { type: 'sample_drawn', roundId: input.roundId, actorId, recordedAt: deps.clock.now().toISOString(), data: { ...draw, roundId: input.roundId } });
}

/**
 * Re-draws a recorded draw with its own seed and count over `units` (the register as it is
 * now): `same` is true when the list and digest match the record — anyone can check a draw.
 */
export function redrawRoundSample(round: RoundRecord, recorded: SpotCheckDraw, units: readonly RoundUnit[]): { same: boolean; draw: SpotCheckDraw } {
  const draw = drawSpotCheck({ seed: recorded.seed, count: recorded.count, scope: {}, enterprises: roundPopulation(round.scope, units).map((u) => u.enterprise) });
  return { same: draw.digest === recorded.digest, draw };
}
