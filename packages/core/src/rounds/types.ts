/**
 * Inspection rounds and campaigns (检查轮次与专项行动, issue 17): what a round is, who it
 * covers, and the hash-chained round log that records rounds and their 双随机 draws.
 *
 * @module
 */
import type { FindingSource } from '../classify/types.js';
import type { SpotCheckDraw } from '../chain/draw-spot-check.js';
import type { LocalizedText } from '../pack/types.js';
import type { EnterpriseRecord } from '../ports/directory.js';
import type { PremisesRecord } from '../ports/rental-directory.js';
import type { RoundSeedCommitment } from './round-seed.js';

/**
 * The kind of a round: `self_inspection` (企业自查轮次: every enterprise in scope inspects
 * itself), `patrol_coverage` (网格全覆盖巡查: the grid visits every one), `special_campaign`
 * (专项执法行动, e.g. 生命通道 or 有限空间: enforcement or grid inspections).
 */
export type RoundKind = 'self_inspection' | 'patrol_coverage' | 'special_campaign';

/** Every round kind, in a stable order. */
export const ROUND_KINDS: readonly RoundKind[] = Object.freeze(['self_inspection', 'patrol_coverage', 'special_campaign']);

/** Which inspections count for a round of each kind: a self-inspection round counts only self-checks. */
export const ROUND_SOURCES: Readonly<Record<RoundKind, readonly FindingSource[]>> = Object.freeze({
  self_inspection: Object.freeze(['self_check'] as FindingSource[]),
  patrol_coverage: Object.freeze(['grid_patrol'] as FindingSource[]),
  special_campaign: Object.freeze(['grid_patrol', 'enforcement'] as FindingSource[]),
});

/**
 * Who a round covers. Every field narrows; omitted fields do not. `area` is matched against
 * the enterprise's registered area (sub-areas included); the premises fields against the
 * premises the enterprise holds or rents (at least one must match all of them).
 */
export interface RoundScope {
  /** The pack's domain (`gas`, `fire`, …): fixed by the round's pack, recorded for readers. */
  domain: string;
  area?: string;
  /** Premises kinds of the pack (`restaurant`, …): a premises of one of these kinds. */
  premisesKinds?: readonly string[];
  /** Only 九小场所. */
  nineSmall?: boolean;
  /** Only labour-intensive premises (劳动密集型). */
  labourIntensive?: boolean;
  /** Only group-rental points (群租房). */
  groupRental?: boolean;
}

/** What a host asks for when it opens a round (checked by `checkRoundInput`). */
export interface RoundInput {
  /** `[A-Za-z0-9._:-]{1,128}`, unique in the round log. */
  id: string;
  kind: RoundKind;
  title: LocalizedText;
  /** The pack whose inspections count (its domain becomes the scope's domain). */
  packId: string;
  scope: Omit<RoundScope, 'domain'>;
  /** First day (YYYY-MM-DD, China Standard Time), inclusive. */
  startsOn: string;
  /** Last day (YYYY-MM-DD), inclusive; not before `startsOn`. */
  endsOn: string;
}

/** A round as the log records it. */
export interface RoundRecord extends Omit<RoundInput, 'scope'> {
  scope: RoundScope;
  openedBy: string;
  openedAt: string;
  /**
   * The commitment to the round's draw seeds (T33), recorded when the round opened on a server
   * with a round seed key. A round without it (opened before commitments, or on a server
   * without a key) cannot be drawn: its draws, if any, used seeds a person typed.
   */
  seeds?: RoundSeedCommitment;
}

/**
 * What a committed draw adds to the `sha256-rank-v1` record (draws recorded before T33 had a
 * typed seed and none of these fields).
 */
export interface CommittedDrawFields {
  /** 1 for the round's first draw, 2 for the first re-draw, … */
  drawNo: number;
  /** The commitment the revealed `seed` answers: the round's (`seeds.commitment`) for draw 1, the previous draw's `nextCommitment` after. */
  commitment: string;
  /** SHA-256 hex of the next draw's seed, published with this one. */
  nextCommitment: string;
  /** Why the round was drawn again: required for every draw after the first. */
  reason?: string;
  /** From the drawer and its Idempotency-Key: a retry with the same key finds this draw. */
  drawId: string;
  /** SHA-256 hex of the canonical JSON of what was asked (`{ count, reason }`): the same key asking otherwise is refused. */
  requestDigest: string;
}

/** A round entry's payload, by type. */
export interface RoundEntryDataMap {
  round_opened: RoundRecord;
  /** A 双随机 draw for the round: the whole record, so anyone can re-draw and compare. */
  sample_drawn: SpotCheckDraw & { roundId: string } & Partial<CommittedDrawFields>;
}

/** Types of round log entries. */
export type RoundEntryType = keyof RoundEntryDataMap;

/**
 * One entry of the round log: hash-chained like the hazards' events (`hash` = SHA-256 of the
 * canonical JSON of every other field, `prevHash` the previous entry's hash, `''` for the
 * first), so an entry changed or removed afterwards is found by `verifyRoundLog`.
 */
export interface RoundLogEntry<T extends RoundEntryType = RoundEntryType> {
  /** 1, 2, 3 … in the order appended. */
  seq: number;
  type: T;
  roundId: string;
  actorId: string;
  recordedAt: string;
  data: RoundEntryDataMap[T];
  prevHash: string;
  hash: string;
}

/** One enterprise as a round sees it: its registered record and the premises it holds or rents. */
export interface RoundUnit {
  enterprise: EnterpriseRecord;
  premises: readonly PremisesRecord[];
}

/** Where an enterprise stands in a round. */
export type CoverageStatus = 'done' | 'due' | 'overdue';

/** One enterprise's line of a round's coverage. */
export interface CoverageEntry {
  enterpriseId: string;
  status: CoverageStatus;
  /** The inspection that covered it (the earliest in the round's dates), when done. */
  inspectionId?: string;
  /** Its day (YYYY-MM-DD, UTC+8). */
  inspectedOn?: string;
}

/** A round's coverage as of one day: computed from the inspection log, never stored. */
export interface RoundCoverage {
  roundId: string;
  /** The day it was computed for (YYYY-MM-DD, UTC+8). */
  asOf: string;
  total: number;
  done: number;
  due: number;
  overdue: number;
  /** `done / total` (0 when the scope is empty). */
  rate: number;
  /** One line per enterprise in scope, sorted by enterprise id. */
  entries: CoverageEntry[];
}

/** Invalid round input or a refused round action; `localized` holds the message in both languages, `pointer` where. */
export class RoundError extends Error {
  override readonly name = 'RoundError';
  readonly code: string;
  readonly pointer: string;
  readonly localized: { 'zh-CN': string; en: string };
  constructor(code: string, pointer: string, zh: string, en: string) {
    super(en);
    this.code = code;
    this.pointer = pointer;
    this.localized = { 'zh-CN': zh, en };
  }
}
