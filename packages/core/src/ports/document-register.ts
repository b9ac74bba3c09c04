/**
 * The document register facet of a Store: enforcement-document numbers (文号) allocated in
 * the transaction of the event that issues the document, and the content hash, verification
 * code and content of each issued document.
 *
 * @module
 */
import type { ChainEvent } from '../chain/types.js';
import type { DocumentTrailStore } from './document-trail.js';
import type { CommandIssue } from '../chain/command-issue.js';
import { checkText } from '../chain/command-text.js';
import { StoreError } from './store-error.js';

/** A numbering series: one jurisdiction, one document kind, one calendar year (China time). */
export interface DocumentSeries {
  /** Jurisdiction (department) code, e.g. `D1`. */
  jurisdiction: string;
  /** Document kind, e.g. `rectification_order`. */
  kind: string;
  /** Calendar year in China time of the issuing event. */
  year: number;
}

/** A number to allocate with an append: the next one of its series, for one of the append's events. */
export interface DocumentNumberRequest extends DocumentSeries {
  /** The issuing event: one of the append's events. */
  eventId: string;
}

/** An allocated document number. */
export interface DocumentNumber extends DocumentNumberRequest {
  /** 1, 2, 3 … within the series: no gap, no duplicate. */
  seq: number;
  hazardId: string;
  /** The issuing event's `recordedAt`. */
  issuedAt: string;
}

/** A document number with what was recorded when the document was issued. */
export interface DocumentRecord extends DocumentNumber {
  /** Hex SHA-256 of the composed document (`documentContentHash`), once recorded. */
  contentHash: string | null;
  /** The short code printed on the document, once recorded. */
  verificationCode: string | null;
  /** When the hash was recorded (the caller's clock). */
  hashedAt: string | null;
  /** Set when the document was voided (作废): the number stays taken and says so. */
  voided: { at: string; reason: string; actorId: string } | null;
}

/** A row of {@link DocumentRegisterStore.readDocumentRegister}: the record and its stored content (`null` when none). */
export interface DocumentRecordWithContent extends DocumentRecord {
  content: string | null;
}

/** Arguments of {@link DocumentRegisterStore.voidDocument}. */
export interface VoidDocumentInput extends DocumentSeries {
  seq: number;
  /** Why (printed by verification). */
  reason: string;
  /** Who voided it (the authenticated actor). */
  actorId: string;
  /** The caller's clock (ISO). */
  at: string;
}

/** Result of {@link DocumentRegisterStore.voidDocument}. */
export type VoidDocumentResult = { kind: 'voided' | 'already-voided'; record: DocumentRecord } | { kind: 'not-found' };

/** One numbered document: its series and its number within it. */
export interface DocumentKey extends DocumentSeries {
  seq: number;
}

/** Arguments of {@link DocumentRegisterStore.recordDocumentHash}. */
export interface RecordDocumentHashInput extends DocumentKey {
  contentHash: string;
  verificationCode: string;
  /**
   * The issued document as it was sealed (`@anjian/documents` stores the canonical JSON of
   * the sealed composed document, whose hash is `contentHash`): what every later reader is
   * served, byte for byte. Opaque to the store, kept as given.
   */
  content: string;
  /** The caller's clock (ISO). */
  at: string;
}

/** Result of {@link DocumentRegisterStore.recordDocumentHash}. */
export type RecordDocumentHashResult =
  | { kind: 'recorded'; record: DocumentRecord }
  /** A hash was recorded before (the same or another): nothing changed but, for the same hash, a missing content stored. Compare `record.contentHash`. */
  | { kind: 'exists'; record: DocumentRecord }
  | { kind: 'not-found' }
  /** The verification code is recorded for another number (a hash-prefix collision): nothing changed. */
  | { kind: 'code-taken' };

/**
 * The document register of a {@link Store}. Numbers are allocated by
 * {@link EventLogStore.append} from `AppendInput.documents`, in the append's transaction:
 * an append that writes nothing (conflict, duplicate command, error, crash before COMMIT)
 * allocates nothing, so a series is 1, 2, 3 … without gap or duplicate under any
 * concurrency, across processes and instances.
 */
export interface DocumentRegisterStore extends DocumentTrailStore {
  /** The numbers allocated for a hazard's events, in allocation order. MUST NOT write. */
  readDocuments(hazardId: string): Promise<DocumentRecord[]>;
  /** At most `limit` numbers of a series with `seq >= fromSeq`, ordered by `seq`. MUST NOT write. */
  readDocumentSeries(series: DocumentSeries, fromSeq: number, limit: number): Promise<DocumentRecord[]>;
  /**
   * Optional: a page of the whole register — at most `limit` numbers after the number `after`
   * (`null`: from the first), in the store's order of (jurisdiction, kind, year, seq), each with
   * the content `readDocumentContent` would answer. Pass the last row's key for the next page;
   * a page shorter than `limit` is the last. MUST NOT write. The audit reads the register with
   * it when the store has it (one round trip per page instead of one per hazard and one per
   * document), and per hazard otherwise.
   */
  readDocumentRegister?(after: DocumentKey | null, limit: number): Promise<DocumentRecordWithContent[]>;
  /**
   * Issues an allocated number, once: records its content hash, verification code and
   * content together — all three or nothing (a crash or a refusal writes none). MUST NOT
   * overwrite a recorded hash or a stored content: a number with a hash returns `exists`
   * with the record as it is. The one write to an issued number: when it has a hash but no
   * content (issued before the store kept contents) and `input.contentHash` equals the
   * recorded hash, the content is stored — the same document, proven by its hash — and the
   * answer is still `exists`. Returns `not-found` for a number never allocated and
   * `code-taken` (writing nothing) when the verification code is recorded for another
   * number. Concurrent calls for one number: one records (its hash, code and content, never
   * replaced); the others answer `exists` unless their code is another number's — the same
   * issue twice at once (a command and its retry) MUST NOT be `code-taken`. Throws
   * `StoreError` `INVALID_DOCUMENT` (writing nothing) for a content that is not text of 1 to
   * {@link MAX_DOCUMENT_CONTENT_LENGTH} characters without U+0000 or a lone surrogate
   * ({@link checkDocumentContent}).
   *
   * The document trail: in the same transaction, a `recorded` issue appends one entry to the
   * trail ({@link DocumentTrailStore.readDocumentTrail}), sealed with `sealDocumentTrailEntry`
   * after the trail's last entry: the number's fields, the recorded hash and code,
   * `contentDigest` of `input.content`, `issuedAt` = `input.at` and `logSize` = the events in
   * the log. An `exists` answer for the recorded hash appends one for a number that has none
   * (issued before stores kept the trail: it is chained now, `issuedAt` = the record's
   * `hashedAt`). One issue entry per number, never changed; writers of the trail run one at a time
   * (the chain has no fork), a refusal or a crash appends none.
   */
  recordDocumentHash(input: RecordDocumentHashInput): Promise<RecordDocumentHashResult>;
  /**
   * The content stored with the number's hash, exactly as `recordDocumentHash` got it (the
   * same characters: stores keep it as text, never as a re-serialised JSON value), or `null`
   * when the number was never allocated, is not issued yet, or was issued before the store
   * kept contents (its record has a hash, then). MUST NOT write.
   */
  readDocumentContent(key: DocumentKey): Promise<string | null>;
  /**
   * Voids an allocated number once: it stays taken (no number is reused) and its record
   * says when, why and by whom. A second void changes nothing in the register
   * (`already-voided`); a number never allocated is `not-found`.
   *
   * The document trail: in the same transaction, a `voided` answer appends one entry
   * (`sealDocumentVoidEntry`: `type: 'voided'`, the number's fields, the void's `at`, `reason`
   * and `actorId`, `chainedAt` = `input.at`, `logSize`). An `already-voided` answer appends one
   * for a number whose void has none (voided before voids were chained: it is chained now,
   * with the register's void as it is and `chainedAt` = `input.at`). One void entry per number,
   * never changed; the trail's writers run one at a time, as in `recordDocumentHash`.
   *
   * Throws `StoreError` `INVALID_DOCUMENT` (writing nothing, whatever the number's state) for a
   * reason or actor that is not well-formed text ({@link checkVoidDocumentInput}).
   */
  voidDocument(input: VoidDocumentInput): Promise<VoidDocumentResult>;
  /** The record whose verification code is `code` (exact match), or `null`. MUST NOT write. */
  findDocumentByCode(code: string): Promise<DocumentRecord | null>;
}

const CODE = /^[A-Za-z0-9_./-]{1,64}$/;

/** Longest content {@link DocumentRegisterStore.recordDocumentHash} stores: 1 MiB characters (a composed document is a few KB). */
export const MAX_DOCUMENT_CONTENT_LENGTH = 1_048_576;

// U+0000 (PostgreSQL text cannot hold it) and lone surrogates (UTF-8 cannot: a driver would
// store U+FFFD instead) — JSON escapes both, so a document's canonical JSON has neither.
const NOT_STORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks the content of a `recordDocumentHash` before anything is written: a string of 1 to
 * {@link MAX_DOCUMENT_CONTENT_LENGTH} characters that every store keeps as it is (no U+0000,
 * no lone surrogate). Throws {@link StoreError} `INVALID_DOCUMENT`.
 * Stores call it first in `recordDocumentHash`. @internal
 */
export function checkDocumentContent(content: unknown): void {
  if (typeof content === 'string' && content.length > 0 && content.length <= MAX_DOCUMENT_CONTENT_LENGTH && !NOT_STORABLE.test(content)) return;
  throw new StoreError('INVALID_DOCUMENT', {
    'zh-CN': `出具文书须同时登记文书内容（1–${MAX_DOCUMENT_CONTENT_LENGTH} 个字符的文本，不含 U+0000 和孤立代理项），收到的是${typeof content === 'string' ? ` ${content.length} 个字符` : ` ${typeof content}`}：未写入任何内容`,
    en: `issuing a document registers its content with its hash (text of 1–${MAX_DOCUMENT_CONTENT_LENGTH} characters without U+0000 or a lone surrogate), got ${typeof content === 'string' ? `${content.length} characters` : typeof content}: nothing was written`,
  });
}

/** Longest void reason {@link DocumentRegisterStore.voidDocument} takes: 500 characters (trimmed), as `POST /documents/…/void`. */
const MAX_VOID_REASON_LENGTH = 500;

/**
 * Checks a `voidDocument` before anything is written: the `reason` one text of 1–500
 * characters by core's one text check (`checkText`: no lone surrogate, U+0000 or other control
 * character but line breaks and tabs, no bidi control, not blank once white space and invisible
 * characters are removed) and the `actorId` one line of 1–200. The reason is hash-chained into
 * the document trail as given and stored as text: a lone surrogate is stored as U+FFFD (UTF-8
 * cannot hold it), so the void entry would fail every later audit (docs/security.md T72). Throws
 * {@link StoreError} `INVALID_DOCUMENT`. Stores call it first in `voidDocument`. @internal
 */
export function checkVoidDocumentInput(input: Pick<VoidDocumentInput, 'reason' | 'actorId'>): void {
  const issues: CommandIssue[] = [];
  if (checkText(input.reason, '/reason', { max: MAX_VOID_REASON_LENGTH, multiLine: true }, issues) !== undefined && checkText(input.actorId, '/actorId', { max: 200 }, issues) !== undefined) return;
  const why = issues[0]?.message ?? { 'zh-CN': '无效', en: 'invalid' };
  throw new StoreError('INVALID_DOCUMENT', {
    'zh-CN': `作废文书须给出作废原因（1–${MAX_VOID_REASON_LENGTH} 个字符的文本）和操作人：${why['zh-CN']}；未写入任何内容`,
    en: `voiding a document takes a reason (text of 1–${MAX_VOID_REASON_LENGTH} characters) and the actor: ${why.en}; nothing was written`,
  });
}

/**
 * Checks the document requests of an append before anything is written: each names one
 * of the append's events, a jurisdiction and kind of 1–64 letters, digits, `_ . -`, a year
 * 2000–2999, and no (event, kind) twice. Throws {@link StoreError} `INVALID_APPEND`.
 * Stores call it first in `append`. @internal
 */
export function checkDocumentRequests(events: readonly Pick<ChainEvent, 'id'>[], requests: readonly DocumentNumberRequest[] | undefined): void {
  if (requests === undefined) return;
  const seen = new Set<string>();
  for (const r of requests) {
    const bad =
      !events.some((e) => e.id === r.eventId) ||
      typeof r.jurisdiction !== 'string' ||
      !CODE.test(r.jurisdiction) ||
      typeof r.kind !== 'string' ||
      !CODE.test(r.kind) ||
      !Number.isInteger(r.year) ||
      r.year < 2000 ||
      r.year > 2999 ||
      seen.has(`${r.eventId}\n${r.kind}`);
    if (bad) {
      throw new StoreError('INVALID_APPEND', {
        'zh-CN': `文书编号请求无效：${JSON.stringify(r)}（须指向本次追加的事件，辖区与文书种类为 1–64 位字母数字，年份 2000–2999，同一事件同一种类只编一次号）`,
        en: `invalid document number request ${JSON.stringify(r)}: it must name one of the appended events, a jurisdiction and kind of 1–64 letters or digits, a year 2000–2999, each (event, kind) once`,
      });
    }
    seen.add(`${r.eventId}\n${r.kind}`);
  }
}
