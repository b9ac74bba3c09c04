/**
 * 一企一档 — one file per enterprise (issue 17): everything the platform knows of one
 * enterprise in one value, built by `buildEnterpriseFile` from the ports.
 *
 * @module
 */
import type { HazardSummary } from '../chain/types.js';
import type { LocalizedText } from '../pack/types.js';
import type { DocumentRecord } from '../ports/document-register.js';
import type { EnterpriseRecord } from '../ports/directory.js';
import type { InspectionRecord } from '../ports/inspection-log.js';
import type { PremisesRecord, TenancyRecord } from '../ports/rental-directory.js';
import type { Device } from '../monitoring/device.js';
import type { CoverageStatus, RoundKind } from '../rounds/types.js';

/** A premises the enterprise rents, and from whom. */
export interface RentedPremises {
  premises: PremisesRecord;
  landlordEnterpriseId: string;
  /** Which period of its tenancy there (1, 2, … when it rented the premises again). */
  period: number;
  /** When the tenancy started, when recorded. */
  startedAt?: string;
}

/** A pack that applies to the enterprise, and through which premises kinds. */
export interface ApplicablePack {
  id: string;
  version: string;
  domain: string;
  title: LocalizedText;
  /** The kinds of the enterprise's premises the pack covers, sorted. */
  premisesKinds: string[];
}

/** A hazard of the file: its list row and its enforcement documents (文书), if any. */
export interface FileHazard {
  summary: HazardSummary;
  documents: DocumentRecord[];
}

/** How the enterprise stands in one round whose scope covers it. */
export interface FileRound {
  roundId: string;
  kind: RoundKind;
  title: LocalizedText;
  startsOn: string;
  endsOn: string;
  status: CoverageStatus;
  inspectionId?: string;
}

/**
 * The same item (`pack id:item`, as the reports count it) failed again at the enterprise within
 * the configured number of days: recorded, explained, and a reason to raise attention.
 */
export interface Recurrence {
  item: string;
  /** The later hazard, and when it was reported. */
  hazardId: string;
  reportedAt: string;
  /** The earlier hazard of the same item inside the window. */
  previousHazardId: string;
  previousReportedAt: string;
  /** Whole days between the two reports. */
  days: number;
  /** The window that was applied. */
  windowDays: number;
  explanation: { 'zh-CN': string; en: string };
}

/** One enterprise's file (一企一档). */
export interface EnterpriseFile {
  profile: EnterpriseRecord;
  premises: {
    /** Premises the enterprise holds (its own, or what it rents out). */
    held: PremisesRecord[];
    /** Premises it rents from a landlord. */
    rented: RentedPremises[];
    /** Its tenants, when it is a landlord. */
    tenants: TenancyRecord[];
    /**
     * Ended tenancies, with their periods (`startedAt` when recorded, `endedAt`): where it
     * rented before, and who rented from it — sorted by premises, tenant, period.
     */
    past: TenancyRecord[];
  };
  /** Packs whose premises kinds match a premises it holds or rents. */
  packs: ApplicablePack[];
  /** Monitoring devices registered to it (empty without a device registry). */
  devices: Device[];
  /** Its inspections, newest first (at most `inspectionLimit`). */
  inspections: InspectionRecord[];
  hazards: { open: FileHazard[]; closed: FileHazard[] };
  /** Rounds whose scope covers it, with its status in each. */
  rounds: { covered: FileRound[]; due: FileRound[]; missed: FileRound[] };
  recurrences: Recurrence[];
  /** The recurrence window applied, in days. */
  recurrenceDays: number;
  /** When the file was built (`toISOString()`). */
  asOf: string;
}
