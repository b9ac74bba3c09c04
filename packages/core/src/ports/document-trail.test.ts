import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from './document-register.js';
import { documentContentDigest, documentTrailInput, documentVoidInput, sealDocumentTrailEntry, sealDocumentVoidEntry } from './document-trail.js';
import { isStoreError } from './store-error.js';

const issued: DocumentRecord = {
  jurisdiction: 'D1',
  kind: 'rectification_order',
  year: 2026,
  seq: 7,
  eventId: 'h1/3',
  hazardId: 'h1',
  issuedAt: '2026-03-01T02:00:00.000Z',
  contentHash: 'a'.repeat(64),
  verificationCode: 'K7QX-2M',
  hashedAt: '2026-03-01T02:00:01.000Z',
  voided: null,
};

describe('documentTrailInput (the one mapping of a register record to a trail entry)', () => {
  it('takes every field of the issue entry from the record, the content, the log size and the clock', () => {
    expect(documentTrailInput(issued, '{"doc":1}', 42, '2026-03-01T02:00:05.000Z')).toEqual({
      jurisdiction: 'D1',
      kind: 'rectification_order',
      year: 2026,
      documentSeq: 7,
      hazardId: 'h1',
      eventId: 'h1/3',
      contentHash: 'a'.repeat(64),
      verificationCode: 'K7QX-2M',
      contentDigest: documentContentDigest('{"doc":1}'),
      issuedAt: '2026-03-01T02:00:01.000Z',
      logSize: 42,
      chainedAt: '2026-03-01T02:00:05.000Z',
    });
  });

  it('seals to the entry the stores wrote before (same hash)', () => {
    const entry = sealDocumentTrailEntry(null, documentTrailInput(issued, 'x', 3, '2026-03-01T02:00:05.000Z'));
    // The hash the stores' literal produced for these values, pinned so the mapping cannot drift.
    expect(entry.hash).toBe(
      sealDocumentTrailEntry(null, {
        jurisdiction: 'D1',
        kind: 'rectification_order',
        year: 2026,
        documentSeq: 7,
        hazardId: 'h1',
        eventId: 'h1/3',
        contentHash: 'a'.repeat(64),
        verificationCode: 'K7QX-2M',
        contentDigest: documentContentDigest('x'),
        issuedAt: '2026-03-01T02:00:01.000Z',
        logSize: 3,
        chainedAt: '2026-03-01T02:00:05.000Z',
      }).hash,
    );
  });

  it('refuses a record whose hash is not recorded (nothing to chain)', () => {
    const error = (() => {
      try {
        documentTrailInput({ ...issued, contentHash: null, verificationCode: null, hashedAt: null }, 'x', 1, '2026-03-01T02:00:05.000Z');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(isStoreError(error) && error.code).toBe('INVALID_DOCUMENT');
  });
});

describe('documentVoidInput', () => {
  const voided = { ...issued, voided: { at: '2026-03-02T01:00:00.000Z', reason: '文书错误', actorId: 'officer-1' } };

  it("takes the void entry's fields from the record's void, the log size and the clock", () => {
    const fields = documentVoidInput(voided, 50, '2026-03-02T01:00:00.000Z');
    expect(fields).toEqual({
      jurisdiction: 'D1',
      kind: 'rectification_order',
      year: 2026,
      documentSeq: 7,
      hazardId: 'h1',
      eventId: 'h1/3',
      voidedAt: '2026-03-02T01:00:00.000Z',
      reason: '文书错误',
      actorId: 'officer-1',
      chainedAt: '2026-03-02T01:00:00.000Z',
      logSize: 50,
    });
    expect(sealDocumentVoidEntry({ seq: 1, hash: 'b'.repeat(64) }, fields).seq).toBe(2);
  });

  it('refuses a record that is not voided', () => {
    expect(() => documentVoidInput(issued, 1, '2026-03-02T01:00:00.000Z')).toThrow(/not voided/);
  });
});
