/**
 * The UI's copy of the permission table (public/permissions.js, plain data for the
 * browser) must equal core's PERMISSION_TABLE row for row, so the hazard page offers
 * exactly the actions the chain allows.
 */
import { PERMISSION_TABLE } from '@anjian/core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a browser ES module without types
import { allowed, PERMISSION_ROWS } from '../public/permissions.js';

describe('public/permissions.js', () => {
  it('mirrors core PERMISSION_TABLE row for row', () => {
    expect(JSON.parse(JSON.stringify(PERMISSION_ROWS))).toEqual(JSON.parse(JSON.stringify(PERMISSION_TABLE)));
  });

  it('applies separation of duties and no-downgrade like authorize()', () => {
    const state = { level: 'general', status: 'submitted', reporterId: 'grid-wang', rectifierIds: ['grid-wang'] };
    expect(allowed(['grid'], 'grid-wang', 'verify', state)).toBe(false);
    expect(allowed(['grid'], 'grid-wang', 'reject', state)).toBe(true);
    const reported = { level: 'general', status: 'reported', reporterId: 'owner-anping', rectifierIds: [] };
    expect(allowed(['enterprise'], 'owner-anping', 'reclassify', reported, 'simple')).toBe(false);
    expect(allowed(['enterprise'], 'owner-anping', 'reclassify', reported, 'major')).toBe(true);
  });
});
