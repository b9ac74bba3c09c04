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

/** A tenancy as the directory answers it: the landlord and area derived from the premises. */
export interface TenancyRecord {
  premisesId: string;
  landlordEnterpriseId: string;
  tenantEnterpriseId: string;
  /** The premises' area: a landlord reads its tenants' hazards in this area only. */
  area: string;
  /**
   * When the tenancy ended (ISO instant, `toISOString()` form), for an ended one: the history
   * is kept, and the landlord no longer reads the former tenant's hazards found from then on.
   */
  endedAt?: string;
}

/** Which tenancies to list: every field narrows; omitted fields do not. */
export interface TenancyQuery {
  landlordEnterpriseId?: string;
  tenantEnterpriseId?: string;
  premisesId?: string;
  /** Also list ended tenancies (with their `endedAt`). Default: current tenancies only. */
  includeEnded?: boolean;
}

/** Ending a tenancy: which one, and when (ISO instant in `toISOString()` form). */
export interface TenancyEnd {
  premisesId: string;
  tenantEnterpriseId: string;
  endedAt: string;
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
 *   the premises the enterprise holds, sorted by id (`[]` for an unknown enterprise).
 * - `tenancies(query)` MUST derive `landlordEnterpriseId` and `area` from the premises;
 *   results are sorted by premises id, then tenant id. Ended tenancies are left out unless
 *   `includeEnded`; then they carry `endedAt` (current ones never do).
 * - `groupRentalPoints(area?)` lists premises flagged `groupRental` (in `area` and its
 *   sub-areas when given), sorted by id, with their current tenants.
 * - `endTenancy(end)` MUST record the end after `checkTenancyEnd`, keep the tenancy (listed
 *   with `includeEnded`) and answer it with `endedAt`; it MUST refuse, writing nothing, with a
 *   `RentalDirectoryError`, a tenancy it does not hold or one already ended. A tenant renting
 *   the same premises again after an end is not supported (one tenancy per premises and tenant).
 * - Returned records are copies: changing them changes nothing stored.
 */
export interface RentalDirectory {
  premises(premisesId: string): Promise<PremisesRecord | null>;
  premisesOf(enterpriseId: string): Promise<PremisesRecord[]>;
  tenancies(query: TenancyQuery): Promise<TenancyRecord[]>;
  groupRentalPoints(area?: string): Promise<GroupRentalPoint[]>;
  endTenancy(end: TenancyEnd): Promise<TenancyRecord>;
}

/** Rental data to load into a directory: premises and tenancies. */
export interface RentalSeed {
  premises: readonly PremisesRecord[];
  tenancies: readonly TenancyInput[];
}

/** Invalid rental data; `localized` holds the message in both languages (`message` is English). */
export class RentalDirectoryError extends Error {
  override readonly name = 'RentalDirectoryError';
  readonly localized: { 'zh-CN': string; en: string };
  constructor(zh: string, en: string) {
    super(en);
    this.localized = { 'zh-CN': zh, en };
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

/**
 * Checks a tenancy end before any implementation records it: non-empty ids and `endedAt` an
 * instant in `toISOString()` form (so it compares with hazards' `createdAt` as text). Throws
 * {@link RentalDirectoryError}.
 */
export function checkTenancyEnd(end: TenancyEnd): void {
  if (typeof end !== 'object' || end === null) throw new RentalDirectoryError('租赁关系的终止应为对象', 'a tenancy end is an object');
  if (typeof end.premisesId !== 'string' || end.premisesId === '') throw new RentalDirectoryError('缺少场所 premisesId', 'premisesId is missing');
  if (typeof end.tenantEnterpriseId !== 'string' || end.tenantEnterpriseId === '') throw new RentalDirectoryError('缺少承租企业 tenantEnterpriseId', 'tenantEnterpriseId is missing');
  if (typeof end.endedAt !== 'string' || !INSTANT.test(end.endedAt) || Number.isNaN(Date.parse(end.endedAt)) || new Date(end.endedAt).toISOString() !== end.endedAt)
    throw new RentalDirectoryError(`终止时间 "${String(end.endedAt)}" 无效，应如 2026-12-06T00:00:00.000Z`, `endedAt "${String(end.endedAt)}" is not an instant like 2026-12-06T00:00:00.000Z`);
}

/** The refusal for a tenancy the directory does not hold, or holds as ended already: the same words in every implementation. */
export function tenancyEndRefused(end: TenancyEnd, ended: boolean): RentalDirectoryError {
  return ended
    ? new RentalDirectoryError(`${end.tenantEnterpriseId} 在场所 ${end.premisesId} 的租赁关系已终止`, `the tenancy of ${end.tenantEnterpriseId} at ${end.premisesId} has already ended`)
    : new RentalDirectoryError(`名录中没有 ${end.tenantEnterpriseId} 在场所 ${end.premisesId} 的租赁关系`, `no tenancy of ${end.tenantEnterpriseId} at ${end.premisesId} in the directory`);
}
