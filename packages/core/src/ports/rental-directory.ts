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
}

/** Which tenancies to list: every field narrows; omitted fields do not. */
export interface TenancyQuery {
  landlordEnterpriseId?: string;
  tenantEnterpriseId?: string;
  premisesId?: string;
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
 *   results are sorted by premises id, then tenant id.
 * - `groupRentalPoints(area?)` lists premises flagged `groupRental` (in `area` and its
 *   sub-areas when given), sorted by id, with their tenants.
 * - Returned records are copies: changing them changes nothing stored.
 */
export interface RentalDirectory {
  premises(premisesId: string): Promise<PremisesRecord | null>;
  premisesOf(enterpriseId: string): Promise<PremisesRecord[]>;
  tenancies(query: TenancyQuery): Promise<TenancyRecord[]>;
  groupRentalPoints(area?: string): Promise<GroupRentalPoint[]>;
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
