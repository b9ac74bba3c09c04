import type { HazardSummary } from '../chain/types.js';
import type { PremisesRecord, RentalDirectory, TenancyRecord } from '../ports/rental-directory.js';
import type { ReadModelStore } from '../ports/store.js';

/** One tenant at one of the landlord's premises, with its hazards there (found during its current period) rolled up. */
export interface LandlordTenantLine {
  tenantEnterpriseId: string;
  /** Which period of the tenancy (1, 2, … when the tenant rents the premises again). */
  period: number;
  /** When the current period started, when recorded. */
  startedAt?: string;
  /** Hazards found at this premises (open = not closed). */
  open: number;
  closed: number;
  /** Open hazards by level. */
  openByLevel: { simple: number; general: number; major: number };
  /** Open hazards past their running deadline at `asOf`. */
  overdue: number;
  /** The open hazards' ids, newest first (at most 50). */
  openHazardIds: string[];
}

/** An ended tenancy at one of the landlord's premises: its period and what the tenant found there during it. */
export interface LandlordPastTenancy {
  tenantEnterpriseId: string;
  period: number;
  /** When it started, when recorded. */
  startedAt?: string;
  endedAt: string;
  /** Hazards the tenant found at the premises during the period (open = not closed yet). */
  open: number;
  closed: number;
}

/** One premises of the landlord: a rental point with its tenants (挂牌督办 as a unit). */
export interface LandlordPremisesLine {
  premises: PremisesRecord;
  tenants: LandlordTenantLine[];
  /** Ended tenancies here, by tenant then period (the history of the rental point). */
  pastTenancies: LandlordPastTenancy[];
  /** Sums over the tenants. */
  open: number;
  overdue: number;
  majorOpen: number;
}

/** A landlord's rental points, tenants and their hazards rolled up (出租方视图). */
export interface LandlordView {
  landlordEnterpriseId: string;
  asOf: string;
  premises: LandlordPremisesLine[];
  totals: { premises: number; groupRental: number; tenants: number; open: number; overdue: number; majorOpen: number };
}

/**
 * The landlord view: every premises the enterprise holds that has or had tenants or is a
 * group-rental point, each current tenant with its hazards found at that premises (the
 * hazard's `premisesId`, derived when it was reported) during its current period rolled up,
 * and the ended tenancies with their periods and what was found during each. `visible` is the
 * caller's read policy (`canRead(readScopes(actor), row)`): a hazard the caller may not read is
 * not counted.
 */
export async function buildLandlordView(
  deps: { rental: RentalDirectory; store: Pick<ReadModelStore, 'query'> },
  landlordEnterpriseId: string,
  options: { asOf: Date; visible: (row: HazardSummary) => boolean },
): Promise<LandlordView> {
  const asOf = options.asOf.toISOString();
  const all = await deps.rental.tenancies({ landlordEnterpriseId, includeEnded: true });
  // A tenant's hazards at a premises (visible to the caller), read once however many periods it had there.
  const found = new Map<string, HazardSummary[]>();
  const hazardsAt = async (tenantEnterpriseId: string, premisesId: string): Promise<HazardSummary[]> => {
    const key = `${premisesId}\u0000${tenantEnterpriseId}`;
    const known = found.get(key);
    if (known) return known;
    const rows: HazardSummary[] = [];
    for (let after: string | null = null; ;) {
      const page = await deps.store.query({ enterpriseId: tenantEnterpriseId, premisesId }, { limit: 500, ...(after === null ? {} : { after }) });
      rows.push(...page.items.filter(options.visible));
      if (!page.next) break;
      after = page.next;
    }
    found.set(key, rows);
    return rows;
  };
  const during = (t: TenancyRecord) => (r: HazardSummary) => (t.startedAt === undefined || r.createdAt >= t.startedAt) && (t.endedAt === undefined || r.createdAt < t.endedAt);
  const lines: LandlordPremisesLine[] = [];
  for (const premises of await deps.rental.premisesOf(landlordEnterpriseId)) {
    const here = all.filter((t) => t.premisesId === premises.id && t.endedAt === undefined);
    const ended = all.filter((t) => t.premisesId === premises.id && t.endedAt !== undefined);
    if (here.length === 0 && ended.length === 0 && !premises.groupRental) continue;
    const tenants: LandlordTenantLine[] = [];
    for (const t of here) {
      const rows = (await hazardsAt(t.tenantEnterpriseId, premises.id)).filter(during(t));
      const open = rows.filter((r) => r.status !== 'closed').sort((a, b) => (a.createdAt > b.createdAt ? -1 : 1));
      tenants.push({
        tenantEnterpriseId: t.tenantEnterpriseId,
        period: t.period,
        ...(t.startedAt === undefined ? {} : { startedAt: t.startedAt }),
        open: open.length,
        closed: rows.length - open.length,
        openByLevel: { simple: open.filter((r) => r.level === 'simple').length, general: open.filter((r) => r.level === 'general').length, major: open.filter((r) => r.level === 'major').length },
        overdue: open.filter((r) => r.deadline !== null && r.deadline < asOf).length,
        openHazardIds: open.slice(0, 50).map((r) => r.hazardId),
      });
    }
    const pastTenancies: LandlordPastTenancy[] = [];
    for (const t of ended) {
      const rows = (await hazardsAt(t.tenantEnterpriseId, premises.id)).filter(during(t));
      const open = rows.filter((r) => r.status !== 'closed').length;
      pastTenancies.push({
        tenantEnterpriseId: t.tenantEnterpriseId,
        period: t.period,
        ...(t.startedAt === undefined ? {} : { startedAt: t.startedAt }),
        endedAt: t.endedAt as string,
        open,
        closed: rows.length - open,
      });
    }
    const sum = (f: (t: LandlordTenantLine) => number) => tenants.reduce((n, t) => n + f(t), 0);
    lines.push({ premises, tenants, pastTenancies, open: sum((t) => t.open), overdue: sum((t) => t.overdue), majorOpen: sum((t) => t.openByLevel.major) });
  }
  const sum = (f: (l: LandlordPremisesLine) => number) => lines.reduce((n, l) => n + f(l), 0);
  return {
    landlordEnterpriseId,
    asOf,
    premises: lines,
    totals: {
      premises: lines.length,
      groupRental: lines.filter((l) => l.premises.groupRental).length,
      tenants: new Set(lines.flatMap((l) => l.tenants.map((t) => t.tenantEnterpriseId))).size,
      open: sum((l) => l.open),
      overdue: sum((l) => l.overdue),
      majorOpen: sum((l) => l.majorOpen),
    },
  };
}
