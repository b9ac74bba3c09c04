/**
 * Demo data at city scale, deterministic from a seed: enterprises with their premises
 * (fixed sites, 九小场所, labour-intensive sites, group-rental points), landlords and tenants,
 * a year of inspections (自查, 巡查, 执法检查, devices) and the hazards they found with their
 * whole review-chain history — hash-chained events folded by core's own `evolve`, the hazard
 * list rows by `summarize`, the outbox messages by `outboxMessagesFor`, the inspection and
 * hazard ids by `inspectionRecordId` and `reportHazardId` (from the actor and the key
 * `<enterprise id>-<n>`, as `reportInspection` derives them) — so that `verifyAudit` and the
 * reports agree with what was written. Stores write it through their bulk loaders.
 *
 * What is simplified (docs/reports.md): items and titles are synthetic (the pack ids and
 * domains are the shipped ones); every hazard takes the plain path notice → rectification →
 * verification → closure (some late, some still open); the log is written hazard by hazard,
 * not interleaved in time; no commands are recorded for replay; the seeded outbox is delivered.
 *
 * @module
 */
import { computeEventHash, GENESIS_HASH, sha256Hex } from '../chain/hash-event.js';
import { evolve } from '../chain/evolve.js';
import { outboxMessagesFor } from '../chain/outbox-messages.js';
import { inspectionRecordId, reportHazardId } from '../chain/report-inspection.js';
import { summarize } from '../chain/summarize.js';
import type { ChainEvent, EventDataMap, EventType, HazardState, HazardSummary } from '../chain/types.js';
import type { FindingSource } from '../classify/types.js';
import type { HazardLevel } from '../pack/types.js';
import type { InspectionRecord } from '../ports/inspection-log.js';
import type { PremisesRecord, RentalSeed, TenancyInput } from '../ports/rental-directory.js';
import type { OutboxMessage } from '../ports/store.js';

/** Options of {@link generateCity}. */
export interface CitySeedOptions {
  /** Any text; the same seed gives the same city. */
  seed: string;
  /** Enterprises (fixed sites and small premises). The city-year of the bench has 30 000. */
  enterprises: number;
  /** Inspections per enterprise over the year, on average (default 100: 3 million for 30 000). */
  inspectionsPerEnterprise?: number;
  /** Share of inspections that find a hazard (default 0.05: 150 000 of 3 million). */
  hazardRate?: number;
  /** The year (UTC+8) the data runs through (default 2026). */
  year?: number;
  /** Nothing happens at or after this instant (default 1 December of `year`, 00:00 UTC+8: November is the last whole month). */
  until?: string;
  /** Districts × grids per district (default 8 × 12). */
  districts?: number;
  gridsPerDistrict?: number;
  /** Letter(s) of the district codes (default `D`: areas `D1/G1` …); another prefix keeps a city apart from other data. */
  districtPrefix?: string;
  /** Prefix of the enterprise ids (default `ent-`). */
  idPrefix?: string;
}

/** An enterprise of the city. */
export interface CityEnterprise {
  id: string;
  name: string;
  area: string;
  domain: string;
  /** A 九小场所 (small premises) rather than a fixed site. */
  nineSmall: boolean;
}

/** One hazard's whole history as a store's bulk loader writes it. */
export interface CityHazard {
  events: ChainEvent[];
  summary: HazardSummary;
  outbox: OutboxMessage[];
}

/** One enterprise's year, as the generator yields it. */
export interface CityChunk {
  enterprise: CityEnterprise;
  inspections: InspectionRecord[];
  hazards: CityHazard[];
}

/** The city: its register and a generator of its year, enterprise by enterprise. */
export interface City {
  enterprises: CityEnterprise[];
  rental: RentalSeed;
  until: string;
  /** Yields each enterprise's inspections and hazards (call once; it is a fresh generator each time). */
  chunks(): Generator<CityChunk>;
}

const PACKS: ReadonlyArray<{ id: string; version: string; domain: string; prefix: string; zh: string }> = [
  { id: 'fire', version: '0.3.0', domain: 'fire', prefix: 'FIRE', zh: '消防' },
  { id: 'gas', version: '0.2.0', domain: 'gas', prefix: 'GAS', zh: '燃气' },
  { id: 'chemicals', version: '0.2.1', domain: 'chemicals', prefix: 'CHEM', zh: '危险化学品' },
  { id: 'confined-space', version: '0.4.0', domain: 'confined_space', prefix: 'CS', zh: '有限空间' },
  { id: 'hazardous-work', version: '0.5.0', domain: 'hazardous_work', prefix: 'HW', zh: '危险作业' },
];
const ITEMS_PER_PACK = 24;
/** Share of a tenant's inspections (and so of its hazards) that take place at the premises it rents. */
const AT_RENTED_PREMISES = 0.75;
const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** A small fast PRNG (sfc32) seeded from SHA-256 of the seed text: the same text, the same numbers. */
function prng(seed: string): () => number {
  const h = sha256Hex(seed);
  let a = parseInt(h.slice(0, 8), 16) >>> 0;
  let b = parseInt(h.slice(8, 16), 16) >>> 0;
  let c = parseInt(h.slice(16, 24), 16) >>> 0;
  let d = parseInt(h.slice(24, 32), 16) >>> 0;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Generate a city. Deterministic: the same options give byte-identical records (ids, times,
 * hashes). Memory stays small: the year is generated one enterprise at a time.
 *
 * @example
 * ```ts
 * const city = generateCity({ seed: 'demo', enterprises: 300 });
 * for (const chunk of city.chunks()) loader.write(chunk);
 * ```
 */
export function generateCity(options: CitySeedOptions): City {
  const year = options.year ?? 2026;
  const start = Date.UTC(year, 0, 1) - OFFSET_MS;
  const until = options.until ?? iso(Date.UTC(year, 11, 1) - OFFSET_MS);
  const end = Date.parse(until);
  if (!Number.isInteger(options.enterprises) || options.enterprises < 1) throw new RangeError(`generateCity: enterprises must be a positive integer, got ${options.enterprises}`);
  if (!(end > start)) throw new RangeError(`generateCity: until (${until}) must be after the start of ${year}`);
  const perEnterprise = options.inspectionsPerEnterprise ?? 100;
  const hazardRate = options.hazardRate ?? 0.05;
  const districts = options.districts ?? 8;
  const grids = options.gridsPerDistrict ?? 12;
  const prefix = options.districtPrefix ?? 'D';
  const idPrefix = options.idPrefix ?? 'ent-';
  if (!/^[A-Za-z]{1,4}$/.test(prefix)) throw new RangeError(`generateCity: districtPrefix must be 1–4 letters, got ${JSON.stringify(prefix)}`);
  if (!/^[a-z0-9-]{1,16}$/.test(idPrefix)) throw new RangeError(`generateCity: idPrefix must be 1–16 of a-z 0-9 -, got ${JSON.stringify(idPrefix)}`);
  const rnd = prng(`city\n${options.seed}`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

  const enterprises: CityEnterprise[] = [];
  const premises: PremisesRecord[] = [];
  const width = String(options.enterprises).length;
  for (let i = 1; i <= options.enterprises; i++) {
    const id = `${idPrefix}${String(i).padStart(width, '0')}`;
    const area = `${prefix}${1 + Math.floor(rnd() * districts)}/G${1 + Math.floor(rnd() * grids)}`;
    const pack = pick(PACKS);
    const nineSmall = rnd() < 0.7;
    enterprises.push({ id, name: `${nineSmall ? '小场所' : '企业'} ${i}`, area, domain: pack.domain, nineSmall });
    premises.push({
      id: `pr-${id}`,
      enterpriseId: id,
      address: `${area} 第 ${i} 号`,
      area,
      kinds: nineSmall ? ['small_premises'] : ['fixed_site'],
      nineSmall,
      labourIntensive: !nineSmall && rnd() < 0.3,
      groupRental: false,
    });
  }
  // Landlords: one in twenty enterprises lets out a rental premises; small premises nearby rent there.
  const tenancies: TenancyInput[] = [];
  const rentals = new Map<string, PremisesRecord[]>();
  for (let i = 0; i < enterprises.length; i += 20) {
    const landlord = enterprises[i] as CityEnterprise;
    const p: PremisesRecord = {
      id: `pr-rent-${landlord.id}`,
      enterpriseId: landlord.id,
      address: `${landlord.area} 出租厂房 ${i / 20 + 1}`,
      area: landlord.area,
      kinds: ['rental_building'],
      nineSmall: false,
      labourIntensive: rnd() < 0.5,
      groupRental: rnd() < 0.3,
    };
    premises.push(p);
    rentals.set(p.area, [...(rentals.get(p.area) ?? []), p]);
  }
  // Where each tenant rents (one premises each): its inspections mostly take place there.
  const rented = new Map<string, { premisesId: string; landlordEnterpriseId: string }>();
  for (const e of enterprises) {
    const here = rentals.get(e.area);
    if (here === undefined || !e.nineSmall || rnd() >= 0.4) continue;
    const p = pick(here);
    if (p.enterpriseId === e.id) continue;
    tenancies.push({ premisesId: p.id, tenantEnterpriseId: e.id });
    rented.set(e.id, { premisesId: p.id, landlordEnterpriseId: p.enterpriseId });
  }

  function* chunks(): Generator<CityChunk> {
    for (const enterprise of enterprises) {
      const r = prng(`enterprise\n${options.seed}\n${enterprise.id}`);
      // Whether an inspection of a tenant took place at the premises it rents: drawn from a
      // numbers stream of its own, so the counts, times and outcomes above stay as they were.
      const tenancy = rented.get(enterprise.id);
      const atRented = tenancy === undefined ? null : prng(`premises\n${options.seed}\n${enterprise.id}`);
      const pack = PACKS.find((p) => p.domain === enterprise.domain) as (typeof PACKS)[number];
      // A Poisson-ish count around the mean, spread over the year.
      const count = Math.max(1, Math.round(perEnterprise * (0.6 + 0.8 * r())));
      const times = Array.from({ length: count }, () => start + Math.floor(r() * (end - start))).sort((a, b) => a - b);
      const inspections: InspectionRecord[] = [];
      const hazards: CityHazard[] = [];
      // Each enterprise fails a few items of its pack more than others (so items recur).
      const weak = Array.from({ length: 3 }, () => 1 + Math.floor(r() * ITEMS_PER_PACK));
      for (let k = 0; k < times.length; k++) {
        const time = times[k] as number;
        const x = r();
        const source: FindingSource = x < 0.55 ? 'self_check' : x < 0.9 ? 'grid_patrol' : x < 0.98 ? 'enforcement' : 'sensor';
        const actorId = source === 'self_check' ? `user-${enterprise.id}` : source === 'sensor' ? `device-${enterprise.id}` : `${source === 'grid_patrol' ? 'grid' : 'officer'}-${enterprise.area}`;
        const key = `${enterprise.id}-${k}`;
        const recordedAt = iso(time);
        const id = inspectionRecordId(actorId, key);
        const place = tenancy !== undefined && atRented !== null && atRented() < AT_RENTED_PREMISES ? tenancy : null;
        const found: InspectionRecord['hazards'] = [];
        if (r() < hazardRate) {
          const itemNo = r() < 0.5 ? pick2(weak, r) : 1 + Math.floor(r() * ITEMS_PER_PACK);
          const item = `${pack.prefix}-${String(itemNo).padStart(3, '0')}`;
          const y = r();
          const level: HazardLevel = y < 0.6 ? 'simple' : y < 0.97 ? 'general' : 'major';
          const hazard = hazardHistory({ r, enterprise, premises: place, pack, item, level, source, actorId, key, at: time, end });
          hazards.push(hazard);
          found.push({ rule: `${item}-H1`, hazardId: hazard.summary.hazardId, level, title: titleOf(pack, item), reported: true });
        }
        inspections.push({
          id,
          enterpriseId: enterprise.id,
          area: enterprise.area,
          ...(place === null ? {} : { premisesId: place.premisesId }),
          domain: pack.domain,
          pack: { id: pack.id, version: pack.version },
          source,
          actorId,
          inspectedAt: recordedAt,
          recordedAt,
          inspection: { pack: pack.id, source, subject: { id: enterprise.id, area: enterprise.area }, findings: {} },
          hazards: found,
        });
      }
      yield { enterprise, inspections, hazards };
    }
  }
  return { enterprises, rental: { premises, tenancies }, until, chunks };
}

function pick2(list: readonly number[], r: () => number): number {
  return list[Math.floor(r() * list.length)] as number;
}

function titleOf(pack: (typeof PACKS)[number], item: string) {
  return { 'zh-CN': `${pack.zh}检查项 ${item} 不符合要求`, en: `${pack.domain} item ${item} not compliant` };
}

/** A hazard's history: reported, notice with a deadline, then rectified in time, late, or still open. */
function hazardHistory(input: {
  r: () => number;
  enterprise: CityEnterprise;
  /** The rented premises the inspection took place at, with its landlord (as `reportInspection` derives them), or null. */
  premises: { premisesId: string; landlordEnterpriseId: string } | null;
  pack: (typeof PACKS)[number];
  item: string;
  level: HazardLevel;
  source: FindingSource;
  actorId: string;
  key: string;
  at: number;
  end: number;
}): CityHazard {
  const { r, enterprise, pack, item, level, source, at, end } = input;
  const rule = `${item}-H1`;
  const hazardId = reportHazardId(input.actorId, input.key, rule);
  const title = titleOf(pack, item);
  const officer = { id: `officer-${enterprise.area}`, role: 'enforcement' as const };
  const grid = { id: `grid-${enterprise.area}`, role: 'grid' as const };
  const owner = { id: `user-${enterprise.id}`, role: 'enterprise' as const };
  const reporter = source === 'self_check' ? owner : source === 'grid_patrol' ? grid : source === 'sensor' ? { id: input.actorId, role: 'system' as const } : officer;
  const days = level === 'major' ? 30 : level === 'general' ? 10 : 3;
  const steps: HistoryStep[] = [];
  steps.push({
    type: 'reported',
    actor: reporter,
    at,
    data: {
      title,
      level,
      provisional: false,
      basis: [],
      deadline: { days },
      pack: { id: pack.id, version: pack.version },
      domain: pack.domain,
      area: enterprise.area,
      enterpriseId: enterprise.id,
      ...(input.premises ?? {}),
      source,
      findings: [
        {
          rule,
          item,
          kind: 'rule',
          level,
          provisional: false,
          party: 'operator',
          title,
          basis: [],
          deadline: { days },
          observations: [],
          explanation: { 'zh-CN': `${item} 判定为不符合`, en: `${item} was found not compliant` },
        },
      ],
      evidence: [],
    },
  });
  const noticeAt = at + Math.floor((0.1 + r()) * DAY_MS);
  const deadline = noticeAt + days * DAY_MS;
  steps.push({ type: 'notice_issued', actor: source === 'self_check' ? grid : reporter.role === 'system' ? grid : reporter, at: noticeAt, data: { deadline: iso(deadline), policy: { days } } });
  const outcome = r();
  if (outcome < 0.92) {
    // 80 % in time, 12 % late (an overdue notice first), 8 % still open.
    const late = outcome >= 0.8;
    if (late) steps.push({ type: 'overdue_noticed', actor: { id: 'system', role: 'system' }, at: deadline + 3_600_000, data: { deadline: iso(deadline) } });
    const submitAt = late ? deadline + Math.floor((1 + r() * 10) * DAY_MS) : noticeAt + Math.floor(r() * (deadline - noticeAt));
    steps.push({ type: 'rectification_submitted', actor: owner, at: submitAt, data: { evidence: [] } });
    const verifyAt = submitAt + Math.floor((0.2 + r() * 2) * DAY_MS);
    steps.push({ type: 'verified', actor: grid, at: verifyAt, data: {} });
    steps.push({ type: 'closed', actor: officer, at: verifyAt + Math.floor((0.1 + r()) * DAY_MS), data: {} });
  }
  return chainHistory(
    hazardId,
    { id: pack.id, version: pack.version },
    steps.filter((step) => step.at < end),
  );
}

/** One step of a hazard's history for {@link chainHistory}: an event's type, actor, time (ms) and data. */
export interface HistoryStep {
  type: EventType;
  actor: ChainEvent['actor'];
  at: number;
  data: EventDataMap[EventType];
}

/**
 * A hazard's whole history from its steps, as the chain would record it: events hash-chained
 * by `computeEventHash`, folded with `evolve`, the list row by `summarize`, the outbox by
 * `outboxMessagesFor`. The steps are not checked against the chain's decisions.
 */
export function chainHistory(hazardId: string, pack: { id: string; version: string }, steps: readonly HistoryStep[]): CityHazard {
  const events: ChainEvent[] = [];
  const outbox: OutboxMessage[] = [];
  let state: HazardState | null = null;
  let prevHash = GENESIS_HASH;
  for (const step of steps) {
    const version = events.length + 1;
    const recordedAt = iso(step.at);
    const body = {
      id: `${hazardId}/${version}`,
      hazardId,
      version,
      type: step.type,
      actor: step.actor,
      commandId: `${hazardId}:${step.type}:${version}`,
      recordedAt,
      occurredAt: recordedAt,
      pack: { id: pack.id, version: pack.version },
      data: step.data,
      prevHash,
    } as Omit<ChainEvent, 'hash'>;
    const event = { ...body, hash: computeEventHash(body) } as ChainEvent;
    prevHash = event.hash;
    state = evolve(state, event);
    events.push(event);
    outbox.push(...outboxMessagesFor([event], state));
  }
  return { events, summary: summarize(state as HazardState), outbox };
}
