import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKeysetCursor, encodeKeysetCursor, InvalidCursorError } from './keyset-cursor.js';

describe('keyset cursors', () => {
  it('round-trip any key, including non-ASCII ids, in URL-safe characters', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (updatedAt, hazardId) => {
        const cursor = encodeKeysetCursor(updatedAt, hazardId);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeKeysetCursor(cursor)).toEqual([updatedAt, hazardId]);
      }),
      { seed: 20261128, numRuns: 500 },
    );
    expect(decodeKeysetCursor(encodeKeysetCursor('2026-11-28T00:00:00.000Z', '隐患-1'))).toEqual(['2026-11-28T00:00:00.000Z', '隐患-1']);
  });

  it('reject cursors they did not make', () => {
    for (const bad of ['', 'eHl6', 'not a cursor!', '%%%', encodeKeysetCursor('a', 'b').slice(0, -3) + '___', 'W1sxXV0']) {
      expect(() => decodeKeysetCursor(bad)).toThrow(InvalidCursorError);
    }
  });
});
