/**
 * Premises, rental relations and group-rental points: the {@link RentalDirectory} facet of
 * the directory (issue 17). Separate from {@link Directory} so a host without rental data
 * implements nothing new.
 *
 * @module
 */

/**
 * A premises (场所) an enterprise holds: where it works, or what it rents out.
 * `enterpriseId` is the holder; when others rent at the premises it is their landlord (出租方).
 */
export interface PremisesRecord {
  id: string;
  /** The holding enterprise (owner or head lessee); the landlord of any tenancy here. */
  enterpriseId: string;
  address: string;
  /** Area code (e.g. `D1/G1`), as in {@link EnterpriseRecord.area}. */
  area: string;
  /** Premises kinds of the packs (`restaurant`, `factory`, …), sorted, no duplicates. */
  kinds: readonly string[];
  /** 九小场所: one of the nine kinds of small premises. */
  nineSmall: boolean;
  /** 劳动密集型: labour-intensive. */
  labourIntensive: boolean;
  /** 群租房: a group-rental point (several tenants at one premises). */
  groupRental: boolean;
}

/** A tenant renting at a premises. The landlord is the premises' holder, never declared here. */
export interface TenancyInput {
  premisesId: string;
  tenantEnterpriseId: string;
}

/**
 * A tenancy as the directory answers it: the landlord and area derived from the premises.
 * A tenancy is one period of one tenant at one premises, identified by `premisesId`,
 * `tenantEnterpriseId` and `period` (1 for the first, 2 when the tenant rents the premises
 * again after an end, …): at most one of them is current (has no `endedAt`).
 */
export interface TenancyRecord {
  premisesId: string;
  landlordEnterpriseId: string;
  tenantEnterpriseId: string;
  /** The premises' area: a landlord reads its tenants' hazards in this area only. */
  area: string;
  /** Which period of this tenant at this premises: 1, 2, … in the order they started. */
  period: number;
  /**
   * When the tenancy started (ISO instant, `toISOString()` form), for one started through
   * `startTenancy`; a loaded tenancy has none (it started before the records): the landlord
   * reads the tenant's hazards there found from this instant on.
   */
  startedAt?: string;
  /** Who recorded the start (an actor id), when `startTenancy` was told. */
  startedBy?: string;
  /**
   * When the tenancy ended (ISO instant, `toISOString()` form), for an ended one: the history
   * is kept, and the landlord no longer reads the former tenant's hazards found from then on.
   */
  endedAt?: string;
  /** Who recorded the end (an actor id), when `endTenancy` was told. */
  endedBy?: string;
}

/** Which tenancies to list: every field narrows; omitted fields do not. */
export interface TenancyQuery {
  landlordEnterpriseId?: string;
  tenantEnterpriseId?: string;
  premisesId?: string;
  /** Also list ended tenancies (with their `endedAt`). Default: current tenancies only. */
  includeEnded?: boolean;
}

/** Ending a tenancy: the current one of this tenant at this premises, when (ISO instant in `toISOString()` form) and who records it. */
export interface TenancyEnd {
  premisesId: string;
  tenantEnterpriseId: string;
  endedAt: string;
  /** The actor recording the end, kept on the tenancy as `endedBy`. */
  endedBy?: string;
}

/** Starting a tenancy: a tenant at a premises from an instant (ISO, `toISOString()` form), and who records it. */
export interface TenancyStart {
  premisesId: string;
  tenantEnterpriseId: string;
  startedAt: string;
  /** The actor recording the start, kept on the tenancy as `startedBy`. */
  startedBy?: string;
}

/** A group-rental point (群租房) with its tenants, for supervision as a unit (挂牌督办). */
export interface GroupRentalPoint {
  premises: PremisesRecord;
  /** Tenant enterprise ids, sorted. */
  tenantEnterpriseIds: readonly string[];
}

/**
 * Premises and rental relations, next to {@link Directory}. Run
 * `runRentalDirectoryConformance` of `@anjian/core/testing` against an implementation.
 *
 * - `premises(id)` MUST return `null` for an unknown premises; `premisesOf(enterpriseId)`
 *   the premises the enterprise holds, sorted by id (`[]` for an unknown enterprise);
 *   `listPremises()`, when implemented, every premises, sorted by id.
 * - `tenancies(query)` MUST derive `landlordEnterpriseId` and `area` from the premises;
 *   results are sorted by premises id, then tenant id, then period. Ended tenancies are left
 *   out unless `includeEnded`; then they carry `endedAt` (current ones never do).
 * - `groupRentalPoints(area?)` lists premises flagged `groupRental` (in `area` and its
 *   sub-areas when given), sorted by id, with their current tenants.
 * - `endTenancy(end)` MUST record the end of the current tenancy of the tenant at the premises
 *   after `checkTenancyEnd`, keep it (listed with `includeEnded`) and answer it with `endedAt`;
 *   it MUST refuse, writing nothing, with a `RentalDirectoryError` (`code` as in
 *   {@link tenancyEndRefused}), a tenancy it does not hold, one already ended, and an end not
 *   after the tenancy's `startedAt`.
 * - `startTenancy(start)` MUST, after `checkTenancyStart`, record a new current tenancy — the
 *   next `period` of the tenant at the premises (1 for the first) — and answer it; it MUST
 *   refuse, writing nothing, a start before `TENANCY_EARLIEST` (`INVALID`), an unknown premises (`UNKNOWN`), the holder renting its own
 *   premises (`INVALID`), a tenant with a current tenancy there (`CONFLICT`) and a start before
 *   the end of its previous period there (`CONFLICT`): periods never overlap.
 * - Returned records are copies: changing them changes nothing stored.
 */
export interface RentalDirectory {
  premises(premisesId: string): Promise<PremisesRecord | null>;
  premisesOf(enterpriseId: string): Promise<PremisesRecord[]>;
  /**
   * Every premises of the directory, sorted by id, as `premises(id)` answers each. Optional:
   * `roundUnits` (the register a round works on, read by the work queues, the round pages and
   * the reports) reads the whole register's premises with it in one call; without it, one
   * `premisesOf` per enterprise (a city's 30 000 enterprises are 30 000 reads per request).
   */
  listPremises?(): Promise<PremisesRecord[]>;
  tenancies(query: TenancyQuery): Promise<TenancyRecord[]>;
  groupRentalPoints(area?: string): Promise<GroupRentalPoint[]>;
  endTenancy(end: TenancyEnd): Promise<TenancyRecord>;
  startTenancy(start: TenancyStart): Promise<TenancyRecord>;
}

/** Rental data to load into a directory: premises and tenancies. */
export interface RentalSeed {
  premises: readonly PremisesRecord[];
  tenancies: readonly TenancyInput[];
}

/**
 * Invalid rental data or a refused change; `localized` holds the message in both languages
 * (`message` is English). `code`: `INVALID` (the input), `UNKNOWN` (no such premises or
 * tenancy), `CONFLICT` (the state: ended already, rented already, overlapping periods);
 * `field` names the input field at fault, when one is.
 */
export class RentalDirectoryError extends Error {
  override readonly name = 'RentalDirectoryError';
  readonly localized: { 'zh-CN': string; en: string };
  readonly code: 'INVALID' | 'UNKNOWN' | 'CONFLICT';
  readonly field: string | undefined;
  constructor(zh: string, en: string, code: 'INVALID' | 'UNKNOWN' | 'CONFLICT' = 'INVALID', field?: string) {
    super(en);
    this.localized = { 'zh-CN': zh, en };
    this.code = code;
    this.field = field;
  }
}

const AREA = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/**
 * Checks rental data before any implementation stores it (fail closed): unique premises
 * ids, non-empty ids, address and a well-formed area, tenancies at known premises, no
 * tenant renting from itself, no duplicate tenancy. Throws {@link RentalDirectoryError}
 * naming the first offending entry.
 */
export function checkRentalSeed(seed: RentalSeed): void {
  const ids = new Set<string>();
  seed.premises.forEach((p, i) => {
    const at = `premises[${i}]`;
    if (typeof p.id !== 'string' || p.id === '') throw new RentalDirectoryError(`${at}：场所缺少 id`, `${at}: the premises has no id`);
    if (ids.has(p.id)) throw new RentalDirectoryError(`${at}：场所 id ${p.id} 重复`, `${at}: premises id ${p.id} is listed twice`);
    ids.add(p.id);
    if (typeof p.enterpriseId !== 'string' || p.enterpriseId === '')
      throw new RentalDirectoryError(`${at}（${p.id}）：缺少持有企业 enterpriseId`, `${at} (${p.id}): enterpriseId (the holder) is missing`);
    if (typeof p.address !== 'string' || p.address.trim() === '') throw new RentalDirectoryError(`${at}（${p.id}）：缺少地址`, `${at} (${p.id}): the address is missing`);
    if (typeof p.area !== 'string' || !AREA.test(p.area))
      throw new RentalDirectoryError(`${at}（${p.id}）：区域代码 "${String(p.area)}" 无效，应如 D1/G1`, `${at} (${p.id}): area "${String(p.area)}" is not an area code like D1/G1`);
    for (const flag of ['nineSmall', 'labourIntensive', 'groupRental'] as const) {
      if (typeof p[flag] !== 'boolean') throw new RentalDirectoryError(`${at}（${p.id}）：${flag} 必须是 true 或 false`, `${at} (${p.id}): ${flag} must be true or false`);
    }
    if (!Array.isArray(p.kinds) || p.kinds.some((k) => typeof k !== 'string' || k === ''))
      throw new RentalDirectoryError(`${at}（${p.id}）：场所类型 kinds 必须是非空字符串列表`, `${at} (${p.id}): kinds must be a list of non-empty strings`);
  });
  const holder = new Map(seed.premises.map((p) => [p.id, p.enterpriseId]));
  const seen = new Set<string>();
  seed.tenancies.forEach((t, i) => {
    const at = `tenancies[${i}]`;
    const landlord = holder.get(t.premisesId);
    if (landlord === undefined) throw new RentalDirectoryError(`${at}：场所 ${String(t.premisesId)} 未登记`, `${at}: premises ${String(t.premisesId)} is not registered`);
    if (typeof t.tenantEnterpriseId !== 'string' || t.tenantEnterpriseId === '') throw new RentalDirectoryError(`${at}：缺少承租企业 tenantEnterpriseId`, `${at}: tenantEnterpriseId is missing`);
    if (t.tenantEnterpriseId === landlord)
      throw new RentalDirectoryError(`${at}：企业 ${landlord} 不能承租自己持有的场所 ${t.premisesId}`, `${at}: enterprise ${landlord} cannot rent its own premises ${t.premisesId}`);
    const key = `${t.premisesId}\u0000${t.tenantEnterpriseId}`;
    if (seen.has(key))
      throw new RentalDirectoryError(`${at}：${t.tenantEnterpriseId} 在场所 ${t.premisesId} 的租赁关系重复`, `${at}: the tenancy of ${t.tenantEnterpriseId} at ${t.premisesId} is listed twice`);
    seen.add(key);
  });
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const isInstant = (v: unknown): v is string => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;

/**
 * The earliest instant a tenancy may start or end: 2000-01-01 (UTC). The directory knows no
 * registration date of a premises or an enterprise, so this is the documented floor — a
 * start in 1970 is a mistyped or defaulted date, never a rental anjian supervises (the
 * 安全生产法 dates from 2002). A tenancy older than that is loaded without `startedAt`.
 */
export const TENANCY_EARLIEST = '2000-01-01T00:00:00.000Z';

/**
 * Why `at` (an instant in `toISOString()` form) cannot be a tenancy's `startedAt` or
 * `endedAt`, or `null`: before {@link TENANCY_EARLIEST}, or (given the clock's `now`) in the
 * future. The one rule for every directory and the HTTP routes.
 */
export function tenancyInstantRefused(field: 'startedAt' | 'endedAt', at: string, now?: Date): RentalDirectoryError | null {
  const zh = field === 'startedAt' ? '开始时间' : '终止时间';
  if (at < TENANCY_EARLIEST)
    return new RentalDirectoryError(
      `${zh} ${field} ${at} 早于 ${TENANCY_EARLIEST}：请填写实际的${zh}（更早开始的租赁关系在导入名录时登记，不带开始时间）`,
      `${field} ${at} is before ${TENANCY_EARLIEST}: give the real date (a tenancy older than that is loaded with the directory, without startedAt)`,
      'INVALID',
      field,
    );
  if (now !== undefined && Date.parse(at) > now.getTime())
    return new RentalDirectoryError(
      `${zh} ${field} ${at} 晚于当前时间 ${now.toISOString()}：不能登记将来的时间`,
      `${field} ${at} is after now (${now.toISOString()}): it cannot be in the future`,
      'INVALID',
      field,
    );
  return null;
}

function checkPair(x: { premisesId: unknown; tenantEnterpriseId: unknown }, what: string, whatEn: string): void {
  if (typeof x !== 'object' || x === null) throw new RentalDirectoryError(`租赁关系的${what}应为对象`, `a tenancy ${whatEn} is an object`);
  if (typeof x.premisesId !== 'string' || x.premisesId === '') throw new RentalDirectoryError('缺少场所 premisesId', 'premisesId is missing', 'INVALID', 'premisesId');
  if (typeof x.tenantEnterpriseId !== 'string' || x.tenantEnterpriseId === '')
    throw new RentalDirectoryError('缺少承租企业 tenantEnterpriseId', 'tenantEnterpriseId is missing', 'INVALID', 'tenantEnterpriseId');
}

/** A tenancy as an SQL store reads it: the optional fields as `null` when not recorded. */
export type TenancyRow = Pick<TenancyRecord, 'premisesId' | 'landlordEnterpriseId' | 'tenantEnterpriseId' | 'area' | 'period'> & {
  startedAt: string | null;
  startedBy: string | null;
  endedAt: string | null;
  endedBy: string | null;
};

/** A {@link TenancyRow} as the {@link TenancyRecord} every implementation returns (a `null` field left out). */
export function tenancyFromRow(row: TenancyRow): TenancyRecord {
  const t: TenancyRecord = { premisesId: row.premisesId, landlordEnterpriseId: row.landlordEnterpriseId, tenantEnterpriseId: row.tenantEnterpriseId, area: row.area, period: row.period };
  for (const k of ['startedAt', 'startedBy', 'endedAt', 'endedBy'] as const) if (row[k] !== null) t[k] = row[k];
  return t;
}

function checkBy(by: unknown, field: string): void {
  if (by !== undefined && (typeof by !== 'string' || by === '' || by.length > 200))
    throw new RentalDirectoryError(`${field} 应为 1–200 个字符的用户 id`, `${field} is an actor id of 1–200 characters`, 'INVALID', field);
}

/**
 * Checks a tenancy end before any implementation records it: non-empty ids and `endedAt` an
 * instant in `toISOString()` form (so it compares with hazards' `createdAt` as text), not
 * before {@link TENANCY_EARLIEST} and, given the clock's `now`, not in the future
 * ({@link tenancyInstantRefused}). Throws {@link RentalDirectoryError} (`INVALID`, `field`).
 */
export function checkTenancyEnd(end: TenancyEnd, now?: Date): void {
  checkPair(end, '终止', 'end');
  if (!isInstant(end.endedAt))
    throw new RentalDirectoryError(
      `终止时间 "${String(end.endedAt)}" 无效，应如 2026-12-06T00:00:00.000Z`,
      `endedAt "${String(end.endedAt)}" is not an instant like 2026-12-06T00:00:00.000Z`,
      'INVALID',
      'endedAt',
    );
  const refused = tenancyInstantRefused('endedAt', end.endedAt, now);
  if (refused) throw refused;
  checkBy(end.endedBy, 'endedBy');
}

/** Checks a tenancy start as {@link checkTenancyEnd} checks an end (`startedAt` an instant in `toISOString()` form, not before {@link TENANCY_EARLIEST}, not after `now` when given). */
export function checkTenancyStart(start: TenancyStart, now?: Date): void {
  checkPair(start, '开始', 'start');
  if (!isInstant(start.startedAt))
    throw new RentalDirectoryError(
      `开始时间 "${String(start.startedAt)}" 无效，应如 2026-12-06T00:00:00.000Z`,
      `startedAt "${String(start.startedAt)}" is not an instant like 2026-12-06T00:00:00.000Z`,
      'INVALID',
      'startedAt',
    );
  const refused = tenancyInstantRefused('startedAt', start.startedAt, now);
  if (refused) throw refused;
  checkBy(start.startedBy, 'startedBy');
}

/**
 * Whether the directory may end `current` (the latest tenancy of the tenant at the premises,
 * or `undefined`) as `end` asks: the refusal, the same words in every implementation, or `null`.
 */
export function tenancyEndRefused(end: TenancyEnd, current: TenancyRecord | undefined): RentalDirectoryError | null {
  if (current === undefined)
    return new RentalDirectoryError(
      `名录中没有 ${end.tenantEnterpriseId} 在场所 ${end.premisesId} 的租赁关系`,
      `no tenancy of ${end.tenantEnterpriseId} at ${end.premisesId} in the directory`,
      'UNKNOWN',
    );
  if (current.endedAt !== undefined)
    return new RentalDirectoryError(
      `${end.tenantEnterpriseId} 在场所 ${end.premisesId} 的租赁关系已终止`,
      `the tenancy of ${end.tenantEnterpriseId} at ${end.premisesId} has already ended`,
      'CONFLICT',
    );
  if (current.startedAt !== undefined && end.endedAt <= current.startedAt)
    return new RentalDirectoryError(
      `终止时间 ${end.endedAt} 应晚于租赁开始时间 ${current.startedAt}`,
      `endedAt ${end.endedAt} must be after the tenancy's start ${current.startedAt}`,
      'INVALID',
      'endedAt',
    );
  return null;
}

/**
 * Whether the directory may start a tenancy as `start` asks, given the premises' holder
 * (`undefined`: unknown premises) and the latest tenancy of the tenant there (or `undefined`):
 * the refusal, the same words in every implementation, or `null`.
 */
export function tenancyStartRefused(start: TenancyStart, holder: string | undefined, latest: TenancyRecord | undefined): RentalDirectoryError | null {
  if (holder === undefined) return new RentalDirectoryError(`场所 ${start.premisesId} 未登记`, `premises ${start.premisesId} is not registered`, 'UNKNOWN', 'premisesId');
  if (holder === start.tenantEnterpriseId)
    return new RentalDirectoryError(
      `企业 ${holder} 不能承租自己持有的场所 ${start.premisesId}`,
      `enterprise ${holder} cannot rent its own premises ${start.premisesId}`,
      'INVALID',
      'tenantEnterpriseId',
    );
  if (latest !== undefined && latest.endedAt === undefined)
    return new RentalDirectoryError(
      `${start.tenantEnterpriseId} 已在承租场所 ${start.premisesId}`,
      `${start.tenantEnterpriseId} already rents at ${start.premisesId}`,
      'CONFLICT',
      'tenantEnterpriseId',
    );
  if (latest?.endedAt !== undefined && start.startedAt < latest.endedAt)
    return new RentalDirectoryError(
      `开始时间 ${start.startedAt} 早于上一次租赁的终止时间 ${latest.endedAt}：租期不能重叠`,
      `startedAt ${start.startedAt} is before the end of the previous tenancy (${latest.endedAt}): periods never overlap`,
      'CONFLICT',
      'startedAt',
    );
  return null;
}
