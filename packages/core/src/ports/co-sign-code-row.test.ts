import { describe, expect, it } from 'vitest';
import type { CoSignCodeRecord } from './co-sign-code-store.js';
import { CO_SIGN_CODE_COLUMNS, CO_SIGN_CODE_REPLACED_COLUMNS, coSignCodeFromRow, coSignCodeToRow } from './co-sign-code-row.js';

const record: CoSignCodeRecord = {
  id: 'c-1',
  officerId: 'officer-2',
  subject: 'hazard:H-1',
  act: 'file_case',
  salt: '0'.repeat(32),
  hash: 'f'.repeat(64),
  issuedAt: '2026-12-07T01:00:00.000Z',
  expiresAt: '2026-12-07T01:05:00.000Z',
  usedAt: null,
  content: '{"act":"file_case"}',
  contentDigest: 'a'.repeat(64),
};

describe('the co_sign_codes row of a co-sign code (one mapping for the SQL stores)', () => {
  it('maps every field to its column and back', () => {
    const row = coSignCodeToRow(record);
    expect(row).toMatchObject({ officer_id: 'officer-2', issued_at: record.issuedAt, expires_at: record.expiresAt, used_at: null, content_digest: record.contentDigest });
    expect(coSignCodeFromRow(row)).toEqual(record);
    expect(coSignCodeFromRow({ ...row, used_at: '2026-12-07T01:01:00.000Z' }).usedAt).toBe('2026-12-07T01:01:00.000Z');
  });

  it('names every column of the row once, and an issue replaces all but the officer, subject and act', () => {
    expect([...CO_SIGN_CODE_COLUMNS].sort()).toEqual(Object.keys(coSignCodeToRow(record)).sort());
    expect(Object.keys(coSignCodeToRow(record))).toHaveLength(Object.keys(record).length);
    expect(CO_SIGN_CODE_REPLACED_COLUMNS).toEqual(['id', 'salt', 'hash', 'issued_at', 'expires_at', 'used_at', 'content', 'content_digest']);
  });
});
