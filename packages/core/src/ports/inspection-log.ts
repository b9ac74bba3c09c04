import type { FindingSource, Inspection } from '../classify/types.js';
import type { LocalizedText } from '../pack/types.js';
import type { HazardLevel } from '../pack/types.js';

/** One hazard an inspection found, as reported into the chain. */
export interface InspectionHazard {
  rule: string;
  hazardId: string;
  level: HazardLevel;
  title: LocalizedText;
  /** Whether the report entered the chain (false: refused, e.g. not allowed). */
  reported: boolean;
}

/**
 * A submitted inspection (自查, 巡查, 执法检查) as recorded when it is reported: the answers as
 * given, and what the server derived — enterprise, area, domain, pack version, source from the
 * actor's role, the hazards found. A compliant inspection is recorded too (no hazards), so a
 * patrol leaves a trace that can be opened later.
 */
export interface InspectionRecord {
  /** `in-` and 24 hex digits of SHA-256 over actor and idempotency key ({@link inspectionRecordId}). */
  id: string;
  enterpriseId: string;
  area: string;
  /** The premises it took place at, checked against the rental directory (absent when none was named). */
  premisesId?: string;
  domain: string;
  pack: { id: string; version: string };
  source: FindingSource;
  actorId: string;
  /** When the inspection took place, as the inspector recorded it (ISO 8601), or null. */
  inspectedAt: string | null;
  /** When the server recorded it (`toISOString()` form). */
  recordedAt: string;
  /** The answers (`subject` and `source` as the server derived them, not as sent). */
  inspection: Inspection;
  hazards: InspectionHazard[];
}

/** A page of an enterprise's inspections, newest first. */
export interface InspectionQuery {
  enterpriseId: string;
  /** At most this many (1–500). */
  limit: number;
  /** Only records older than this one (the last id of the previous page). */
  before?: string;
  /**
   * Only records the server recorded before this instant (`toISOString()` form, compared with
   * `recordedAt`), newest first among them: a reader of a past window (a round's days) skips
   * what came after it without reading it. Stores MUST apply it in the query.
   */
  recordedBefore?: string;
  /**
   * Only records the server recorded at or after this instant (`toISOString()` form, compared
   * with `recordedAt`; inclusive, so `[recordedSince, recordedBefore)` is a half-open window),
   * newest first among them: a reader of a window (a round's days) reads none of what came
   * before it. Stores MUST apply it in the query — on every record, not by stopping at the
   * first older one (`recordedAt` need not follow the recording order across servers) — and
   * MUST NOT hand out, or read the content of, a record recorded before it. Order, `limit` and
   * `before` are as without it.
   */
  recordedSince?: string;
}

/**
 * What {@link InspectionLog.firstInspections} is asked: the enterprises, and the criteria a
 * record must meet (a round's pack, its kind's sources, its days as a half-open window).
 */
export interface FirstInspectionsQuery {
  /** The enterprises to answer for (any number; duplicates and unknown ids are fine). */
  enterpriseIds: readonly string[];
  /** Only records of this pack (`pack.id`). */
  packId: string;
  /** Only records of one of these sources (none: nothing qualifies). */
  sources: readonly FindingSource[];
  /** Only records recorded at or after this instant (`toISOString()` form, inclusive). */
  recordedSince: string;
  /** Only records recorded before this instant (`toISOString()` form, exclusive). */
  recordedBefore: string;
}

/** An enterprise's first qualifying record, as {@link InspectionLog.firstInspections} answers it. */
export interface FirstInspection {
  enterpriseId: string;
  /** The record's id. */
  id: string;
  /** The record's `recordedAt`. */
  recordedAt: string;
}

/**
 * Where submitted inspections are kept (a port: memory in core, SQLite and PostgreSQL in the
 * store packages; run `runInspectionLogConformance` of `@anjian/core/testing`). Records are
 * written once and never changed.
 */
export interface InspectionLog {
  /**
   * Records an inspection. Idempotent on `id`: a retry of the same submission (same actor,
   * same key) keeps the first record and answers `false`; a new record answers `true`.
   */
  recordInspection(record: InspectionRecord): Promise<boolean>;
  /** One record, or null when there is none with this id. */
  readInspection(id: string): Promise<InspectionRecord | null>;
  /** An enterprise's records, newest first (by the order they were recorded). */
  listInspections(query: InspectionQuery): Promise<InspectionRecord[]>;
  /**
   * Optional: for each enterprise of `query.enterpriseIds` that has a record of `packId`, of
   * one of `sources`, recorded in `[recordedSince, recordedBefore)`, that enterprise's first
   * such record — the earliest `recordedAt` (compared as strings, as `listInspections`
   * compares them); among records of the same `recordedAt`, the one recorded last (the one
   * `listInspections` lists first). One entry per such enterprise, in no particular order;
   * nothing for an enterprise without one. In one read of the log (a query, not one per
   * enterprise): a round's coverage (`collectRoundCoverage`) asks it once per round instead
   * of listing each enterprise's records. A log without it is read per enterprise through
   * `listInspections`, with the same result.
   */
  firstInspections?(query: FirstInspectionsQuery): Promise<FirstInspection[]>;
}
