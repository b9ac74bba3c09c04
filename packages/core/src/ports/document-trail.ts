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
}

/** One entry of the document trail: {@link DocumentTrailFields} chained to the previous entry. */
export interface DocumentTrailEntry extends DocumentTrailFields {
  /** 1, 2, 3 … without gap. */
  seq: number;
  /** The previous entry's `hash` ({@link GENESIS_HASH} for the first). */
  prevHash: string;
  /** Hex SHA-256 of the entry's canonical JSON without `hash` ({@link documentTrailEntryHash}). */
  hash: string;
}

/** The document trail facet of a Store (read side; entries are written by `recordDocumentHash`). */
export interface DocumentTrailStore {
  /** At most `limit` entries with `seq >= fromSeq`, ordered by `seq`. MUST NOT write. */
  readDocumentTrail(fromSeq: number, limit: number): Promise<DocumentTrailEntry[]>;
}

/** Hex SHA-256 of a document's content text (UTF-8), as the trail commits to it. */
export function documentContentDigest(content: string): string {
  return sha256Hex(content);
}

/** The hash of an entry: SHA-256 over the canonical JSON of every field but `hash`. */
export function documentTrailEntryHash(entry: Omit<DocumentTrailEntry, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...body } = entry;
  return sha256Hex(canonicalJson(body));
}

/**
 * The next entry of the trail after `previous` (`null` for the first): `seq` one more, linked
 * by `prevHash`, hashed. Stores call it inside the transaction that records the hash, with
 * the trail's last entry read in that transaction (writers of the trail run one at a time).
 */
export function sealDocumentTrailEntry(previous: Pick<DocumentTrailEntry, 'seq' | 'hash'> | null, fields: DocumentTrailFields): DocumentTrailEntry {
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
  };
  return { ...body, hash: documentTrailEntryHash(body) };
}
