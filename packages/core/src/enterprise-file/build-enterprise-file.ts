import type { Pack } from '../pack/types.js';
import type { HazardSummary } from '../chain/types.js';
import type { DeviceRegistry } from '../ports/device-registry.js';
import type { Directory } from '../ports/directory.js';
import type { InspectionLog, InspectionRecord } from '../ports/inspection-log.js';
import type { RentalDirectory } from '../ports/rental-directory.js';
import { hazardReportFact } from '../ports/report-read-model.js';
import type { RoundStore } from '../ports/round-store.js';
import type { Store } from '../ports/store.js';
import { roundCoverage } from '../rounds/round-coverage.js';
import { roundsFromLog } from '../rounds/round-log.js';
import { inRoundScope } from '../rounds/round-scope.js';
import type { RoundUnit } from '../rounds/types.js';
import { findRecurrences } from './find-recurrences.js';
import type { ApplicablePack, EnterpriseFile, FileHazard, FileRound } from './types.js';

/** What {@link buildEnterpriseFile} reads. Every port but the directory and the store is optional. */
export interface EnterpriseFileDeps {
  directory: Directory;
  store: Store;
  inspections?: InspectionLog;
  rental?: RentalDirectory;
  rounds?: RoundStore;
  devices?: Pick<DeviceRegistry, 'listDevices'>;
  /** The server's packs (which ones apply is decided from their premises kinds). */
  packDefinitions?: readonly Pack[];
}

/** Options of {@link buildEnterpriseFile}. */
export interface EnterpriseFileOptions {
  /** The instant the file is built for (coverage, "missed"): the caller's clock. */
  asOf: Date;
  /** Recurrence window in days, 1–366 (default 90). */
  recurrenceDays?: number;
  /** How many inspections to list, newest first (default 100, at most 500). */
  inspectionLimit?: number;
}

const MAX_HAZARDS = 5000;

/**
 * 一企一档: builds one enterprise's file from the ports — profile; premises held, rented (with
 * the landlord and the period) and rented out (tenants); past tenancies on either side, with
 * their periods; the packs that apply (a pack's premises kinds
 * against the kinds of those premises, decided here, not by a page); devices; inspections;
 * hazards open and closed with their documents (文书); the rounds that cover it — covered,
 * due or missed (coverage as `roundCoverage` computes it); recurrences (`findRecurrences`).
 * `null` for an enterprise the directory does not know. Reads only; the caller applies the
 * read policy before showing it (the portal and HTTP show a file to those who may read the
 * enterprise's hazards).
 *
 * @example
 * ```ts
 * const file = await buildEnterpriseFile({ directory, store, inspections, rental, rounds, packDefinitions: packs }, 'E1', { asOf: new Date() });
 * file?.recurrences.map((r) => r.explanation['zh-CN']);
 * ```
 */
export async function buildEnterpriseFile(deps: EnterpriseFileDeps, enterpriseId: string, options: EnterpriseFileOptions): Promise<EnterpriseFile | null> {
  const recurrenceDays = options.recurrenceDays ?? 90;
  if (!Number.isInteger(recurrenceDays) || recurrenceDays < 1 || recurrenceDays > 366) throw new RangeError(`recurrenceDays must be an integer 1–366, got ${String(recurrenceDays)}`);
  const inspectionLimit = Math.max(1, Math.min(500, Math.floor(options.inspectionLimit ?? 100)));
  const profile = await deps.directory.enterprise(enterpriseId);
  if (!profile) return null;

  const held = deps.rental ? await deps.rental.premisesOf(enterpriseId) : [];
  const rented = [];
  for (const t of deps.rental ? await deps.rental.tenancies({ tenantEnterpriseId: enterpriseId }) : []) {
    const premises = await deps.rental?.premises(t.premisesId);
    if (premises) rented.push({ premises, landlordEnterpriseId: t.landlordEnterpriseId, period: t.period, ...(t.startedAt === undefined ? {} : { startedAt: t.startedAt }) });
  }
  const tenants = deps.rental ? await deps.rental.tenancies({ landlordEnterpriseId: enterpriseId }) : [];
  const past = deps.rental
    ? [...(await deps.rental.tenancies({ tenantEnterpriseId: enterpriseId, includeEnded: true })), ...(await deps.rental.tenancies({ landlordEnterpriseId: enterpriseId, includeEnded: true }))]
        .filter((t) => t.endedAt !== undefined)
        .sort((a, b) =>
          a.premisesId !== b.premisesId
            ? a.premisesId < b.premisesId
              ? -1
              : 1
            : a.tenantEnterpriseId !== b.tenantEnterpriseId
              ? a.tenantEnterpriseId < b.tenantEnterpriseId
                ? -1
                : 1
              : a.period - b.period,
        )
    : [];
  const unit: RoundUnit = { enterprise: profile, premises: [...held, ...rented.map((r) => r.premises)] };
  const kinds = new Set(unit.premises.flatMap((p) => p.kinds));
  const packs: ApplicablePack[] = (deps.packDefinitions ?? [])
    .map((p) => ({
      id: p.id,
      version: p.version,
      domain: p.domain,
      title: p.title,
      premisesKinds: p.premises
        .map((k) => k.id)
        .filter((k) => kinds.has(k))
        .sort(),
    }))
    .filter((p) => p.premisesKinds.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : 1));

  const devices = deps.devices ? await deps.devices.listDevices({ enterpriseId }) : [];

  // Inspections: the newest for the list; all (bounded) for round coverage.
  const records: InspectionRecord[] = [];
  if (deps.inspections) {
    let before: string | undefined;
    while (records.length < MAX_HAZARDS) {
      const page = await deps.inspections.listInspections({ enterpriseId, limit: 500, ...(before === undefined ? {} : { before }) });
      records.push(...page);
      if (page.length < 500) break;
      before = page[page.length - 1]?.id;
    }
  }

  const summaries: HazardSummary[] = [];
  for (let after: string | null = null; summaries.length < MAX_HAZARDS;) {
    const page = await deps.store.query({ enterpriseId }, { limit: 500, ...(after === null ? {} : { after }) });
    summaries.push(...page.items);
    if (!page.next) break;
    after = page.next;
  }
  const hazards: { open: FileHazard[]; closed: FileHazard[] } = { open: [], closed: [] };
  const facts = [];
  for (const summary of summaries.sort((a, b) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : 0))) {
    const documents = await deps.store.readDocuments(summary.hazardId);
    (summary.status === 'closed' ? hazards.closed : hazards.open).push({ summary, documents });
    const events = await deps.store.readEvents(summary.hazardId);
    if (events.length > 0) facts.push(hazardReportFact(events));
  }

  const rounds: EnterpriseFile['rounds'] = { covered: [], due: [], missed: [] };
  if (deps.rounds) {
    for (const { round } of roundsFromLog(await deps.rounds.readRoundLog(1, 100_000))) {
      if (!inRoundScope(round.scope, unit)) continue;
      const entry = roundCoverage(round, [unit], records, options.asOf).entries[0];
      if (!entry) continue;
      const line: FileRound = {
        roundId: round.id,
        kind: round.kind,
        title: round.title,
        startsOn: round.startsOn,
        endsOn: round.endsOn,
        status: entry.status,
        ...(entry.inspectionId === undefined ? {} : { inspectionId: entry.inspectionId }),
      };
      (entry.status === 'done' ? rounds.covered : entry.status === 'due' ? rounds.due : rounds.missed).push(line);
    }
  }

  return {
    profile,
    premises: { held, rented, tenants, past },
    packs,
    devices,
    inspections: records.slice(0, inspectionLimit),
    hazards,
    rounds,
    recurrences: findRecurrences(facts, recurrenceDays),
    recurrenceDays,
    asOf: options.asOf.toISOString(),
  };
}
