/**
 * The hazard page offers a button exactly when core's authorize() would accept the command
 * from a user related to the hazard: public/allowed-by.js read over core's PERMISSION_TABLE
 * (the table the portal bundles for the browser), checked for every command, role, level,
 * status, target level and separation-of-duties case.
 */
import { HAZARD_LEVELS, HAZARD_STATUSES, type ActorProfile, type Role } from '@anjian/core';
import { authorize, PERMISSION_TABLE } from '@anjian/core/internal';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a browser ES module without types
import { allowedBy } from '../public/allowed-by.js';

const PROFILES: Record<Role, ActorProfile> = {
  enterprise: { id: 'u', roles: ['enterprise'], enterpriseIds: ['E1'] },
  grid: { id: 'u', roles: ['grid'], gridAreas: ['D1'] },
  enforcement: { id: 'u', roles: ['enforcement'], departments: [{ id: 'd', domains: ['gas'], areas: ['D1'] }] },
  department_admin: { id: 'u', roles: ['department_admin'] },
  system: { id: 'u', roles: ['system'] },
};

describe('allowedBy(PERMISSION_TABLE, …)', () => {
  it("agrees with core's authorize() for a related user, case by case", () => {
    const commands = [...new Set(PERMISSION_TABLE.map((r) => r.command))];
    let cases = 0;
    for (const command of commands) {
      for (const role of Object.keys(PROFILES) as Role[]) {
        for (const level of HAZARD_LEVELS) {
          for (const status of ['new' as const, ...HAZARD_STATUSES]) {
            for (const [reporterId, rectifierIds] of [
              ['other', []],
              ['u', []],
              ['other', ['u']],
            ] as const) {
              for (const target of [undefined, ...HAZARD_LEVELS]) {
                const subject = { level, status, domain: 'gas', area: 'D1/G1', enterpriseId: 'E1', reporterId, rectifierIds };
                const core = authorize(PROFILES[role], command, subject, target).allowed;
                const ui = allowedBy(PERMISSION_TABLE, [role], 'u', command, subject, target) as boolean;
                expect(ui, `${role} ${command} ${level}/${status} reporter=${reporterId} rectifiers=${rectifierIds.join()} → ${target}`).toBe(core);
                cases++;
              }
            }
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(10_000);
  });
});
