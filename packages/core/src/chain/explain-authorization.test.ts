import { describe, expect, it } from 'vitest';
import type { HazardLevel } from '../pack/types.js';
import { TEST_ACTORS } from '../testing/chain-fixtures.js';
import { authorize, type AuthorizationSubject } from './authorize.js';
import { explainAuthorization } from './explain-authorization.js';
import { COMMAND_TYPES, HAZARD_STATUSES, type StatusOrNew } from './types.js';

const LEVELS: HazardLevel[] = ['simple', 'general', 'major'];
const STATES: StatusOrNew[] = ['new', ...HAZARD_STATUSES];
const subject = (level: HazardLevel, status: StatusOrNew, extra: Partial<AuthorizationSubject> = {}): AuthorizationSubject => ({
  level,
  status,
  domain: 'gas',
  area: 'D1/G1',
  enterpriseId: 'E1',
  reporterId: 'owner-e1',
  rectifierIds: [],
  ...extra,
});

describe('explainAuthorization', () => {
  it('allows exactly what authorize allows, for every actor, command, level, status, reporter, rectifier and target', () => {
    let checked = 0;
    for (const actor of Object.values(TEST_ACTORS)) {
      for (const command of COMMAND_TYPES) {
        for (const level of LEVELS) {
          for (const status of STATES) {
            for (const reporterId of [null, actor.id]) {
              for (const rectifierIds of [[], [actor.id]]) {
                for (const target of [undefined, ...LEVELS]) {
                  const s = subject(level, status, { reporterId, rectifierIds });
                  expect(explainAuthorization(actor, command, s, target).allowed, `${actor.id} ${command} ${level} ${status}`).toBe(authorize(actor, command, s, target).allowed);
                  checked++;
                }
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('names the first gate that fails, with the levels or statuses the command needs', () => {
    const grid = TEST_ACTORS['grid-g1']!;
    const owner = TEST_ACTORS['owner-e1']!;
    const officer = TEST_ACTORS['officer-gas-d1']!;
    expect(explainAuthorization(owner, 'verify', subject('general', 'submitted'))).toEqual({ allowed: false, reason: 'role' });
    expect(explainAuthorization(grid, 'accept', subject('major', 'submitted'))).toEqual({ allowed: false, reason: 'role' });
    expect(explainAuthorization(grid, 'close', subject('general', 'submitted'))).toEqual({ allowed: false, reason: 'status', statuses: ['verified'] });
    expect(explainAuthorization(grid, 'close', subject('major', 'accepted'))).toEqual({ allowed: false, reason: 'level', levels: ['simple', 'general'] });
    expect(explainAuthorization(TEST_ACTORS['grid-g2']!, 'verify', subject('general', 'submitted'))).toEqual({ allowed: false, reason: 'relation' });
    expect(explainAuthorization(officer, 'accept', subject('major', 'submitted', { reporterId: officer.id }))).toEqual({ allowed: false, reason: 'reporter' });
    expect(explainAuthorization(grid, 'verify', subject('general', 'submitted', { rectifierIds: [grid.id] }))).toEqual({ allowed: false, reason: 'rectifier' });
    expect(explainAuthorization(owner, 'reclassify', subject('general', 'reported'), 'simple')).toEqual({ allowed: false, reason: 'downgrade' });
    expect(explainAuthorization(grid, 'verify', subject('general', 'submitted'))).toEqual({ allowed: true });
  });
});
