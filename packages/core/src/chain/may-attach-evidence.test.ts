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
    expect([...EVIDENCE_COMMAND_TYPES].sort()).toEqual(['accept', 'lift_stop_work', 'reject', 'reopen', 'report', 'report_observation', 'spot_check', 'submit_rectification', 'verify']);
  });

  it('the enterprise while it may submit the rectification; a grid inspector or officer while it may review; an officer for acceptance; never a landlord or a mere reader', () => {
    const owner = Object.values(TEST_ACTORS).find((a) => a.roles.includes('enterprise') && a.enterpriseIds?.includes('E1'))!;
    const grid = Object.values(TEST_ACTORS).find((a) => a.roles.includes('grid') && a.gridAreas?.includes('D1/G1'))!;
    const otherGrid = Object.values(TEST_ACTORS).find((a) => a.roles.includes('grid') && !a.gridAreas?.includes('D1/G1'))!;
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
    // A reviewer's photos: an officer of the jurisdiction reviews a general hazard's rectification, spot-checks or reopens it once closed.
    expect(mayAttachEvidence(officer, hazard('general', 'submitted'))).toBe(true);
    expect(mayAttachEvidence(officer, hazard('general', 'closed'))).toBe(true);
    expect(mayAttachEvidence(officer, hazard('general', 'verified'))).toBe(false);
    for (const status of HAZARD_STATUSES) {
      for (const level of ['simple', 'general', 'major'] as const) {
        expect(mayAttachEvidence(landlord, hazard(level, status)), `landlord ${level} ${status}`).toBe(false);
        // The grid inspector of the area exactly while a review of its own is open: verify or reject a submitted
        // rectification, spot-check or reopen a closed hazard — never on the major path (those acts are the officers').
        expect(mayAttachEvidence(grid, hazard(level, status)), `grid ${level} ${status}`).toBe(level !== 'major' && (status === 'submitted' || status === 'closed'));
        expect(mayAttachEvidence(otherGrid, hazard(level, status)), `grid of another area ${level} ${status}`).toBe(false);
        expect(mayAttachEvidence(owner, hazard(level, status)), `owner ${level} ${status}`).toBe(
          ['rectifying', 'reported', 'escalated'].includes(status) && (level !== 'major' || status === 'rectifying'),
        );
      }
    }
  });
});
