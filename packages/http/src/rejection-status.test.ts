import { describe, expect, it } from 'vitest';
import type { RejectionCode } from '@anjian/core';
import { rejectionStatus } from './rejection-status.js';

// A Record over RejectionCode: a code added to core without a row here fails to compile.
const EXPECTED: Record<RejectionCode, number> = {
  FORBIDDEN: 403,
  UNKNOWN_ACTOR: 403,
  SEPARATION_OF_DUTIES: 403,
  CO_SIGN_CODE_INVALID: 403,
  CO_SIGN_CODE_LIMITED: 429,
  CO_SIGN_CONTENT_MISMATCH: 422,
  HAZARD_NOT_FOUND: 404,
  HAZARD_EXISTS: 409,
  CONFLICT: 412,
  INVALID_TRANSITION: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  EVIDENCE_INSUFFICIENT: 422,
  EVIDENCE_INVALID: 422,
  PROVISIONAL_UNCONFIRMED: 422,
  NOT_PROVISIONAL: 422,
  DOWNGRADE_FORBIDDEN: 422,
  LEVEL_UNCHANGED: 422,
  PLAN_INCOMPLETE: 422,
  NO_PENDING_EXTENSION: 422,
  EXTENSION_PENDING: 422,
  OCCURRED_AT_OUT_OF_RANGE: 422,
  REASON_REQUIRED: 422,
  INVALID_COMMAND: 422,
  NOT_DUE: 422,
  NOTICE_REQUIRED: 422,
  NO_PENDING_PLAN: 422,
  PLAN_NOT_APPROVED: 422,
  NO_STOP_WORK: 422,
  NOT_LISTED: 422,
};

describe('rejectionStatus', () => {
  it.each(Object.entries(EXPECTED))('%s → %i (version pinned)', (code, status) => {
    expect(rejectionStatus(code as RejectionCode, true)).toBe(status);
  });

  it('a conflict without a pinned version (concurrent writers, retries exhausted) is a 409', () => {
    expect(rejectionStatus('CONFLICT', false)).toBe(409);
  });
});
