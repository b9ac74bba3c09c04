import { describe, expect, it } from 'vitest';
import type { HazardLevel } from '../pack/types.js';
import type { ActorProfile } from '../ports/directory.js';
import { TEST_ACTORS } from '../testing/chain-fixtures.js';
import type { AuthorizationSubject } from './authorize.js';
import { EVIDENCE_COMMAND_TYPES } from './command-shape.js';
import { mayAttachEvidence } from './may-attach-evidence.js';
import { HAZARD_STATUSES, type StatusOrNew } from './types.js';

const hazard = (level: HazardLevel, status: StatusOrNew): AuthorizationSubject => ({ level, status, domain: 'gas', area: 'D1/G1', enterpriseId: 'E1', reporterId: 'grid-g1', rectifierIds: [] });

describe('mayAttachEvidence', () => {
  it('the commands that carry evidence are read from their shapes', () => {
    expect([...EVIDENCE_COMMAND_TYPES].sort()).toEqual(['accept', 'lift_stop_work', 'report', 'report_observation', 'submit_rectification']);
  });

  it('the enterprise while it may submit the rectification; an officer of the jurisdiction for acceptance; never a landlord or a mere reader', () => {
    const owner = Object.values(TEST_ACTORS).find((a) => a.roles.includes('enterprise') && a.enterpriseIds?.includes('E1'))!;
    const grid = Object.values(TEST_ACTORS).find((a) => a.roles.includes('grid') && a.gridAreas?.includes('D1/G1'))!;
    const officer = Object.values(TEST_ACTORS).find((a) => a.roles.includes('enforcement') && a.departments?.some((d) => d.domains.includes('gas')))!;
    // E2 rents the premises to E1: it reads E1's hazard there, and acts on none of it.
    const landlord: ActorProfile = {
      id: 'owner-e2',
      roles: ['enterprise'],
      enterpriseIds: ['E2'],
      tenancies: [{ premisesId: 'PA', landlordEnterpriseId: 'E2', tenantEnterpriseId: 'E1', area: 'D1/G1', period: 1, startedAt: '2026-01-01T00:00:00.000Z' }],
    };
    expect(mayAttachEvidence(owner, hazard('general', 'reported'))).toBe(true);
    expect(mayAttachEvidence(owner, hazard('general', 'submitted'))).toBe(false);
    expect(mayAttachEvidence(owner, hazard('major', 'reported'))).toBe(false);
    expect(mayAttachEvidence(owner, hazard('major', 'rectifying'))).toBe(true);
    expect(mayAttachEvidence(officer, hazard('major', 'submitted'))).toBe(true);
    expect(mayAttachEvidence(officer, hazard('general', 'submitted'))).toBe(false);
    for (const status of HAZARD_STATUSES) {
      for (const level of ['simple', 'general', 'major'] as const) {
        expect(mayAttachEvidence(landlord, hazard(level, status)), `landlord ${level} ${status}`).toBe(false);
        expect(mayAttachEvidence(grid, hazard(level, status)), `grid ${level} ${status}`).toBe(false);
        expect(mayAttachEvidence(owner, hazard(level, status)), `owner ${level} ${status}`).toBe(
          ['rectifying', 'reported', 'escalated'].includes(status) && (level !== 'major' || status === 'rectifying'),
        );
      }
    }
  });
});
