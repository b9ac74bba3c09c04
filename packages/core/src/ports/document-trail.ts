/**
 * The document trail: an append-only, hash-chained log of issued documents, written by the
 * store in the transaction of `recordDocumentHash` and signed by checkpoints (extension line
 * `anjian-documents <count> <head>`). Each entry commits to one issued document's identity
 * (series and number, hazard, issuing event), its content hash and verification code, and a
 * digest of the content the register stored — so that a database rewrite of a register row's
 * hash and content together is caught by `verifyAudit` (decision 009).
 *
 * @module
 */
import { canonicalJson } from '../chain/canonical-json.js';
import { GENESIS_HASH, sha256Hex } from '../chain/hash-event.js';
import type { DocumentRecord } from './document-register.js';
import { StoreError } from './store-error.js';

/** The issued document an entry of the document trail is about. */
export interface DocumentTrailFields {
  jurisdiction: string;
  kind: string;
  year: number;
  /** The document's number within its series (`DocumentKey.seq`). */
  documentSeq: number;
  hazardId: string;
  /** The issuing event. */
  eventId: string;
  /** The register's `contentHash` (the sealed document's hash). */
  contentHash: string;
  verificationCode: string;
  /** Hex SHA-256 of the content text the register stored with the hash ({@link documentContentDigest}). */
  contentDigest: string;
  /** The register's `hashedAt`: when the document was issued (the caller's clock). */
  issuedAt: string;
  /** Events in the log when the entry was written: places the entry in the log's order. */
  logSize: number;
  /**
   * When the store wrote the entry (the caller's clock of the `recordDocumentHash` that
   * chained it). Absent from entries written before voids were chained (decision 009, second
   * part): its presence tells that the store chained voids too.
   */
  chainedAt?: string;
}

/** The void of a document number an entry of the document trail is about (decision 009: voids are chained too). */
export interface DocumentVoidFields {
  jurisdiction: string;
  kind: string;
  year: number;
  documentSeq: number;
  hazardId: string;
  /** The issuing event of the voided number. */
  eventId: string;
  /** The register's `voided.at`, `voided.reason`, `voided.actorId`. */
  voidedAt: string;
  reason: string;
  actorId: string;
  /** When the store wrote the entry (the caller's clock): `voidedAt` for a void, later for a void chained afterwards. */
  chainedAt: string;
  /** Events in the log when the entry was written. */
  logSize: number;
}

interface ChainedEntry {
  /** 1, 2, 3 … without gap. */
  seq: number;
  /** The previous entry's `hash` ({@link GENESIS_HASH} for the first). */
  prevHash: string;
  /** Hex SHA-256 of the entry's canonical JSON without `hash` ({@link documentTrailEntryHash}). */
  hash: string;
}

/** An entry of the document trail for an issued document: {@link DocumentTrailFields} chained to the previous entry. */
export interface DocumentIssuedEntry extends DocumentTrailFields, ChainedEntry {
  type?: undefined;
}

/** An entry of the document trail for a voided document number: {@link DocumentVoidFields}, `type: 'voided'`. */
export interface DocumentVoidedEntry extends DocumentVoidFields, ChainedEntry {
  type: 'voided';
}

/** One entry of the document trail: an issue (no `type`) or a void (`type: 'voided'`); one of each at most per number. */
export type DocumentTrailEntry = DocumentIssuedEntry | DocumentVoidedEntry;

/** The document trail facet of a Store (read side; entries are written by `recordDocumentHash` and `voidDocument`). */
export interface DocumentTrailStore {
  /** At most `limit` entries with `seq >= fromSeq`, ordered by `seq`. MUST NOT write. */
  readDocumentTrail(fromSeq: number, limit: number): Promise<DocumentTrailEntry[]>;
  /**
   * Every entry about one hazard's documents — its issue and void entries, those whose
   * `hazardId` is `hazardId` — ordered by `seq`; `[]` for a hazard without any. MUST NOT write.
   * Read through an index on the hazard (cost in proportion to the hazard's entries, not to
   * the trail): `GET /hazards/{id}/audit` reads it on each call (decision 009, per hazard).
   */
  readHazardDocumentTrail(hazardId: string): Promise<DocumentTrailEntry[]>;
  /**
   * The issue entry of the highest number below `documentSeq` in `series`, or `null` when no
   * lower number of the series is chained. MUST NOT write. Read through the trail's unique
   * index on the number (the audit's backdating check, decision 009).
   */
  readDocumentIssueBefore(series: { jurisdiction: string; kind: string; year: number }, documentSeq: number): Promise<DocumentIssuedEntry | null>;
}

/** Hex SHA-256 of a document's content text (UTF-8), as the trail commits to it. */
export function documentContentDigest(content: string): string {
  return sha256Hex(content);
}

/** The hash of an entry: SHA-256 over the canonical JSON of every field but `hash`. */
export function documentTrailEntryHash(entry: (Omit<DocumentIssuedEntry, 'hash'> | Omit<DocumentVoidedEntry, 'hash'>) & { hash?: string }): string {
  const { hash: _ignored, ...body } = entry;
  // An issue entry written before voids were chained has neither `type` nor `chainedAt`: hashed without them.
  const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  return sha256Hex(canonicalJson(clean));
}

/** The number, hazard and issuing event of a register record, as both kinds of entry name them. */
const numberOf = (r: DocumentRecord) => ({ jurisdiction: r.jurisdiction, kind: r.kind, year: r.year, documentSeq: r.seq, hazardId: r.hazardId, eventId: r.eventId });
const numberName = (r: DocumentRecord) => `${r.jurisdiction}/${r.kind}/${r.year}/${r.seq}`;

/**
 * The fields of the issue entry for `record`, as every store chains them: the record's number,
 * hazard, issuing event, hash, code and `hashedAt`, the digest of `content` (the text the
 * register stored with the hash), `logSize` (events in the log, read in the same transaction)
 * and `at` (the caller's clock of the `recordDocumentHash` that chains it). One definition, so
 * that the memory and SQL stores cannot chain different entries for one document.
 *
 * @throws {StoreError} `INVALID_DOCUMENT` when the record has no recorded hash (nothing is issued to chain).
 */
export function documentTrailInput(record: DocumentRecord, content: string, logSize: number, at: string): DocumentTrailFields {
  if (record.contentHash === null || record.verificationCode === null || record.hashedAt === null) {
    const name = numberName(record);
    throw new StoreError('INVALID_DOCUMENT', { 'zh-CN': `文书 ${name} 尚未记录哈希，不能写入文书链`, en: `document ${name} has no recorded hash: nothing to chain` });
  }
  return {
    ...numberOf(record),
    contentHash: record.contentHash,
    verificationCode: record.verificationCode,
    contentDigest: documentContentDigest(content),
    issuedAt: record.hashedAt,
    logSize,
    chainedAt: at,
  };
}

/**
 * The fields of the void entry for `record`, as every store chains them: the record's number,
 * hazard and issuing event, its `voided` (when, why, who), `logSize` and `at` (the caller's
 * clock of the `voidDocument` that chains it).
 *
 * @throws {StoreError} `INVALID_DOCUMENT` when the record is not voided.
 */
export function documentVoidInput(record: DocumentRecord, logSize: number, at: string): DocumentVoidFields {
  if (record.voided === null) {
    const name = numberName(record);
    throw new StoreError('INVALID_DOCUMENT', { 'zh-CN': `文书 ${name} 未作废，不能写入作废条目`, en: `document ${name} is not voided: no void to chain` });
  }
  return {
    ...numberOf(record),
    voidedAt: record.voided.at,
    reason: record.voided.reason,
    actorId: record.voided.actorId,
    chainedAt: at,
    logSize,
  };
}

/**
 * The next entry of the trail after `previous` (`null` for the first): `seq` one more, linked
 * by `prevHash`, hashed. Stores call it inside the transaction that records the hash, with
 * the trail's last entry read in that transaction (writers of the trail run one at a time).
 */
export function sealDocumentTrailEntry(previous: Pick<ChainedEntry, 'seq' | 'hash'> | null, fields: DocumentTrailFields): DocumentIssuedEntry {
  const body = {
    seq: (previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? GENESIS_HASH,
    jurisdiction: fields.jurisdiction,
    kind: fields.kind,
    year: fields.year,
    documentSeq: fields.documentSeq,
    hazardId: fields.hazardId,
    eventId: fields.eventId,
    contentHash: fields.contentHash,
    verificationCode: fields.verificationCode,
    contentDigest: fields.contentDigest,
    issuedAt: fields.issuedAt,
    logSize: fields.logSize,
    ...(fields.chainedAt === undefined ? {} : { chainedAt: fields.chainedAt }),
  };
  return { ...body, hash: documentTrailEntryHash(body) };
}

/**
 * The next entry of the trail for a void (decision 009, voids): `type: 'voided'`, the
 * number's fields and the register's void, chained after `previous`. Stores call it in the
 * transaction that voids the number (or that chains a void written before voids were chained).
 */
export function sealDocumentVoidEntry(previous: Pick<ChainedEntry, 'seq' | 'hash'> | null, fields: DocumentVoidFields): DocumentVoidedEntry {
  const body = {
    seq: (previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? GENESIS_HASH,
    type: 'voided' as const,
    jurisdiction: fields.jurisdiction,
    kind: fields.kind,
    year: fields.year,
    documentSeq: fields.documentSeq,
    hazardId: fields.hazardId,
    eventId: fields.eventId,
    voidedAt: fields.voidedAt,
    reason: fields.reason,
    actorId: fields.actorId,
    chainedAt: fields.chainedAt,
    logSize: fields.logSize,
  };
  return { ...body, hash: documentTrailEntryHash(body) };
}
