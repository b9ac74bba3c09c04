import { describe, expect, it } from 'vitest';
import { hazardRef, hazardRefOf } from './hazard-ref.js';
import type { StoredEvent } from './types.js';

describe('hazardRef', () => {
  it('is YH- and the report’s sequence number, at least four digits', () => {
    expect(hazardRef(1)).toBe('YH-0001');
    expect(hazardRef(42)).toBe('YH-0042');
    expect(hazardRef(123456)).toBe('YH-123456');
  });

  it('refuses what is not a sequence number', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => hazardRef(bad)).toThrow(RangeError);
  });

  it('takes the first stored event (the report); null without events', () => {
    expect(hazardRefOf([{ seq: 7 }, { seq: 9 }] as StoredEvent[])).toBe('YH-0007');
    expect(hazardRefOf(null)).toBeNull();
    expect(hazardRefOf([])).toBeNull();
  });
});
