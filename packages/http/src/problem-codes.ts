import type { RejectionCode } from '@anjian/core';
import { rejectionStatus } from './rejection-status.js';

/**
 * Every rejection code of the review chain: listed here so the document enumerates each
 * one under its HTTP status (`satisfies` fails the build when core adds a code).
 */
const REJECTION_CODES = Object.keys({
  FORBIDDEN: 1,
  UNKNOWN_ACTOR: 1,
  INVALID_TRANSITION: 1,
  HAZARD_NOT_FOUND: 1,
  HAZARD_EXISTS: 1,
  CONFLICT: 1,
  IDEMPOTENCY_KEY_REUSED: 1,
  EVIDENCE_INSUFFICIENT: 1,
  EVIDENCE_INVALID: 1,
  SEPARATION_OF_DUTIES: 1,
  PROVISIONAL_UNCONFIRMED: 1,
  NOT_PROVISIONAL: 1,
  DOWNGRADE_FORBIDDEN: 1,
  LEVEL_UNCHANGED: 1,
  PLAN_INCOMPLETE: 1,
  NO_PENDING_EXTENSION: 1,
  EXTENSION_PENDING: 1,
  OCCURRED_AT_OUT_OF_RANGE: 1,
  REASON_REQUIRED: 1,
  INVALID_COMMAND: 1,
  NOT_DUE: 1,
  NOTICE_REQUIRED: 1,
  NO_PENDING_PLAN: 1,
  PLAN_NOT_APPROVED: 1,
  NO_STOP_WORK: 1,
  NOT_LISTED: 1,
  CO_SIGN_CODE_INVALID: 1,
  CO_SIGN_CODE_LIMITED: 1,
  CO_SIGN_CONTENT_MISMATCH: 1,
} satisfies Record<RejectionCode, 1>) as RejectionCode[];

/** The codes the HTTP layer answers itself, by status. */
const HTTP_CODES: Readonly<Record<number, readonly string[]>> = {
  400: ['BAD_REQUEST', 'INVALID_QUERY', 'INVALID_CURSOR', 'UNKNOWN_QUERY_PARAMETER'],
  401: ['UNAUTHENTICATED'],
  403: ['FORBIDDEN', 'UNKNOWN_ACTOR'],
  404: [
    'NOT_FOUND',
    'HAZARD_NOT_FOUND',
    'PACK_NOT_FOUND',
    'EVIDENCE_NOT_FOUND',
    'EVIDENCE_NOT_CONFIGURED',
    'NO_THUMBNAIL',
    'DOCUMENTS_NOT_CONFIGURED',
    'DOCUMENT_KIND_UNKNOWN',
    'DOCUMENT_NOT_ISSUED',
    'PDF_NOT_CONFIGURED',
  ],
  405: ['METHOD_NOT_ALLOWED'],
  409: ['IDEMPOTENCY_KEY_IN_FLIGHT', 'DOCUMENT_CHANGED'],
  413: ['PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
  422: ['INVALID_INSPECTION', 'INVALID_COMMAND', 'REPORT_NOT_ALLOWED', 'EVIDENCE_CONTENT_MISMATCH', 'DOCUMENT_REFUSED'],
  500: ['INTERNAL'],
  503: ['CALENDAR_NOT_COVERED'],
};

/**
 * The `code` values a problem of each status may carry: the HTTP layer's own and every
 * chain rejection under the status {@link rejectionStatus} gives it (a `CONFLICT` is a 412
 * with `If-Match`, else a 409). Sorted, each once.
 */
export function problemCodes(status: number): readonly string[] {
  const codes = new Set(HTTP_CODES[status] ?? []);
  for (const code of REJECTION_CODES) if (rejectionStatus(code, false) === status || rejectionStatus(code, true) === status) codes.add(code);
  return [...codes].sort();
}
