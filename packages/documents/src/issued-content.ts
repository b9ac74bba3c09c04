import type { DocumentRecord } from '@anjian/core/ports';
import { canonicalJson } from '@anjian/core/audit';
import type { ComposedDocument } from './compose.js';
import { documentIssue } from './issue.js';
import type { DocumentResult } from './types.js';
import { documentContentHash, type DocumentVerification } from './verification.js';

/** A sealed document: what is issued, registered and printed. */
type SealedDocument = ComposedDocument & { verification: DocumentVerification };

/**
 * The text the register keeps for an issued document: the canonical JSON of the sealed
 * document — every printed value, and the verification (hash, code, QR address) as issued.
 * HTML and PDF render from it deterministically, so a reader gets the bytes of the issue.
 */
export function issuedContentText(document: SealedDocument): string {
  return canonicalJson(document);
}

/**
 * The document an issued number's stored content holds, checked against its register record:
 * its content hash is the registered one (so are the verification's hash and code) and it is
 * the record's kind, hazard and event. Anything else — the stored text was changed outside the
 * store — is `DOCUMENT_CONTENT_ALTERED`, never served. @internal
 */
export function parseIssuedContent(text: string, record: DocumentRecord, name: string): DocumentResult<SealedDocument> {
  let document: SealedDocument | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isSealed(parsed)) document = parsed;
  } catch {
    // not JSON: altered below
  }
  if (
    document !== null &&
    document.kind === record.kind &&
    document.hazardId === record.hazardId &&
    document.eventId === record.eventId &&
    document.verification.hash === record.contentHash &&
    document.verification.code === record.verificationCode &&
    documentContentHash(document) === record.contentHash
  ) {
    return { ok: true, value: document };
  }
  return {
    ok: false,
    issues: [
      documentIssue('DOCUMENT_CONTENT_ALTERED', {
        'zh-CN': `文书「${name}」登记的原文与出具时登记的摘要不符：存储中的原文曾被绕过本系统修改，不予提供；请从备份恢复并运行 anjian audit verify`,
        en: `the stored content of document "${name}" does not match the hash registered at issue: it was changed outside the store and is not served; restore it from a backup and run anjian audit verify`,
      }),
    ],
  };
}

function isSealed(value: unknown): value is SealedDocument {
  if (typeof value !== 'object' || value === null) return false;
  const doc = value as Partial<SealedDocument>;
  const v = doc.verification as Partial<DocumentVerification> | undefined;
  return (
    typeof doc.kind === 'string' &&
    typeof doc.hazardId === 'string' &&
    typeof doc.eventId === 'string' &&
    Array.isArray(doc.blocks) &&
    typeof v === 'object' &&
    v !== null &&
    typeof v.hash === 'string' &&
    typeof v.code === 'string' &&
    typeof v.url === 'string'
  );
}
