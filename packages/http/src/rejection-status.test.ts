import { describe, expect, it } from 'vitest';
import type { RejectionCode } from '@anjian/core';
import { rejectionStatus } from './rejection-status.js';

const ALL: RejectionCode[] = [
  'FORBIDDEN', 'UNKNOWN_ACTOR', 'INVALID_TRANSITION', 'HAZARD_NOT_FOUND', 'HAZARD_EXISTS', 'CONFLICT', 'IDEMPOTENCY_KEY_REUSED',
  'EVIDENCE_INSUFFICIENT', 'PROVISIONAL_UNCONFIRMED', 'NOT_PROVISIONAL', 'DOWNGRADE_FORBIDDEN', 'LEVEL_UNCHANGED', 'PLAN_INCOMPLETE',
  'NO_PENDING_EXTENSION', 'EXTENSION_PENDING', 'OCCURRED_AT_OUT_OF_RANGE', 'REASON_REQUIRED', 'INVALID_COMMAND', 'NOT_DUE',
];

describe('rejectionStatus', () => {
  it('maps every rejection code', () => {
    const table = Object.fromEntries(ALL.map((code) => [code, rejectionStatus(code, true)]));
    expect(table).toEqual({
      FORBIDDEN: 403,
      UNKNOWN_ACTOR: 403,
      HAZARD_NOT_FOUND: 404,
      HAZARD_EXISTS: 409,
      CONFLICT: 412,
      INVALID_TRANSITION: 422,
      IDEMPOTENCY_KEY_REUSED: 422,
      EVIDENCE_INSUFFICIENT: 422,
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
    });
  });

  it('a conflict without a pinned version (concurrent writers, retries exhausted) is a 409', () => {
    expect(rejectionStatus('CONFLICT', false)).toBe(409);
  });
});
