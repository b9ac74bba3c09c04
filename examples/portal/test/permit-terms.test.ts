/**
 * The permit page labels a permit's status and every event of its record from the terminology
 * table (public/terms.js): each event type and status the API documents has a 中文 and an
 * English term, so a new core event (e.g. `approval_due`) is not shown as its code.
 */
import { describe, expect, it } from 'vitest';
import { PERMIT_ROUTES } from '@anjian/http';
import { term } from '../public/terms.js';

/** The `enum` lists of the permit routes' schemas that contain every one of `markers`. */
function enumsWith(...markers: string[]): string[][] {
  const found: string[][] = [];
  JSON.stringify(PERMIT_ROUTES, (key, value: unknown) => {
    if (key === 'enum' && Array.isArray(value) && markers.every((m) => value.includes(m))) found.push(value as string[]);
    return value;
  });
  return found;
}

describe('permit terms', () => {
  it('every permit event type and status of the API has a term in 中文 and English', () => {
    const events = enumsWith('applied', 'gas_tested', 'attendant_absent');
    const statuses = enumsWith('applied', 'in_progress', 'suspended');
    expect(events.flat()).toContain('approval_due');
    expect(statuses.length).toBeGreaterThan(0);
    for (const [group, lists] of [
      ['permitEvent', events],
      ['permitStatus', statuses],
    ] as const) {
      for (const code of new Set(lists.flat())) for (const lang of ['zh-CN', 'en'] as const) expect(term(group, code, lang), `${group} ${code} ${lang}`).not.toBe(code);
    }
  });
});
