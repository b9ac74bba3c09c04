/**
 * The service log of enforcement documents (送达与签收): after a document is issued, when and
 * how it was delivered to the enterprise, and the enterprise's acknowledgement — a signature
 * with its date, or a refusal to sign recorded with a witness (留置送达). A separate facet with
 * its own tables, so a host without documents implements nothing.
 *
 * @module
 */
import type { DocumentSeries } from './document-register.js';

/** How a document was delivered (送达方式). A refusal to sign is recorded as the receipt. */
export type ServiceMethod = 'direct' | 'post' | 'electronic' | 'entrusted' | 'public_notice';

/** Every service method, in a stable order: 直接送达, 邮寄送达, 电子送达, 委托送达, 公告送达. */
export const SERVICE_METHODS: readonly ServiceMethod[] = Object.freeze(['direct', 'post', 'electronic', 'entrusted', 'public_notice']);

/** One entry of a document's service: its delivery, then the receipt (signed or refused). */
export type DocumentServiceEntry =
  | {
      type: 'served';
      method: ServiceMethod;
      /** Who received it (受送达人 or the person who took it for the enterprise). */
      recipient: string;
      /**
       * When the service took effect (ISO 8601). As the officer observed it for a delivery — the
       * handing over (直接送达, 留置送达), the date on the postal receipt (邮寄送达: 回执上注明的收件日期),
       * the arrival in the recipient's system (电子送达) — not after the recording. For
       * `public_notice` with `publishedOn`, derived by the server from the publication day
       * (`publicNoticeServedAt` of `@anjian/core/review`: the end of the 30th day after it, 视为送达).
       */
      servedAt: string;
      /**
       * 公告送达 only: the day (China time, `YYYY-MM-DD`) the public notice was published, as the
       * officer recorded it; `servedAt` is derived from it. Absent on public notices recorded
       * before this field existed (their `servedAt` is the day the officer entered as the service).
       */
      publishedOn?: string;
    }
  | {
      type: 'signed';
      /** Who signed the receipt for the enterprise (签收人). */
      signedBy: string;
      /** The date written next to the signature (YYYY-MM-DD). */
      signedOn: string;
    }
  | {
      type: 'refused';
      /** The witness of the refusal (见证人), named. */
      witness: string;
      /** The witness's position or unit (e.g. 社区工作人员). */
      witnessRole: string;
      /** The date of the refusal (YYYY-MM-DD). */
      refusedOn: string;
      note?: string;
    };

/** A recorded service entry of one numbered document. */
export interface DocumentServiceRecord extends DocumentSeries {
  /** The document's number within its series. */
  seq: number;
  hazardId: string;
  entry: DocumentServiceEntry;
  /** Who recorded it (the authenticated officer). */
  actorId: string;
  /** The server's clock when recorded (ISO 8601). */
  recordedAt: string;
}

/** Result of {@link DocumentServiceLog.recordService}. */
export type RecordServiceResult = { kind: 'recorded'; record: DocumentServiceRecord } | { kind: 'exists'; record: DocumentServiceRecord };

/**
 * Where service entries are kept. Each document has at most one delivery (`served`) and one
 * receipt (`signed` or `refused`): `recordService` MUST write an entry of a phase at most once
 * per document, atomically (two concurrent receipts: one is recorded, the other gets
 * `exists` with the first), and never change a recorded entry. Whether an entry may be
 * recorded (issued, not voided, served before the receipt) is decided by the caller
 * (`checkServiceEntry` of `@anjian/documents`) before it calls.
 */
export interface DocumentServiceLog {
  recordService(record: DocumentServiceRecord): Promise<RecordServiceResult>;
  /** The entries of a hazard's documents, in recording order. MUST NOT write. */
  readService(hazardId: string): Promise<DocumentServiceRecord[]>;
}

/** The phase an entry takes: a document is served once and receipted once. */
export function servicePhase(entry: Pick<DocumentServiceEntry, 'type'>): 'service' | 'receipt' {
  return entry.type === 'served' ? 'service' : 'receipt';
}
