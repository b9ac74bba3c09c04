/** The actors and enterprises of the attack server's directory (shared with the tests that pick from them). */
import type { ActorProfile } from '@anjian/core';
import type { EnterpriseRecord } from '@anjian/core/ports';

const gasD1 = [{ id: 'gas-d1', domains: ['gas', 'confined_space'], areas: ['D1'] }];

/**
 * Who may call the server (the `x-actor` header): owners of E1 and E2, grid inspectors of
 * D1/G1 and D1/G2, three gas officers of D1 and one of D2, a fire officer of D1 (each with
 * a 执法证号), a gas officer of D1 without one, a department admin, a profile with no
 * role, and the owners of E4 (a tenant) and E5 (its landlord). Kept here, not taken from core's test fixtures, so the attacks do not move when
 * those do.
 */
export const ACTORS: readonly ActorProfile[] = [
  { id: 'owner-e1', roles: ['enterprise'], enterpriseIds: ['E1'] },
  { id: 'owner-e2', roles: ['enterprise'], enterpriseIds: ['E2'] },
  { id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] },
  { id: 'grid-g2', roles: ['grid'], gridAreas: ['D1/G2'] },
  { id: 'officer-gas-d1', roles: ['enforcement'], certificateNo: 'GAS-D1-0001', departments: gasD1 },
  { id: 'officer2-gas-d1', roles: ['enforcement'], certificateNo: 'GAS-D1-0002', departments: gasD1 },
  { id: 'officer3-gas-d1', roles: ['enforcement'], certificateNo: 'GAS-D1-0003', departments: gasD1 },
  { id: 'officer-gas-d2', roles: ['enforcement'], certificateNo: 'GAS-D2-0001', departments: [{ id: 'gas-d2', domains: ['gas', 'confined_space'], areas: ['D2'] }] },
  { id: 'officer-fire-d1', roles: ['enforcement'], certificateNo: 'FIRE-D1-0001', departments: [{ id: 'fire-d1', domains: ['fire'], areas: ['D1'] }] },
  { id: 'officer-nocert-d1', roles: ['enforcement'], departments: gasD1 },
  { id: 'admin-gas', roles: ['department_admin'] },
  { id: 'nobody', roles: [] },
  { id: 'owner-e4', roles: ['enterprise'], enterpriseIds: ['E4'] },
  { id: 'owner-e5', roles: ['enterprise'], enterpriseIds: ['E5'] },
];
/**
 * Enterprises of the test actors (E1 in D1/G1, E2 in D1/G2), E3 in district D2, and E4 that
 * rents premises P5 of E5 (both in D1/G1): E5's owner is E4's landlord ({@link RENTAL}).
 */
export const ENTERPRISES: readonly EnterpriseRecord[] = [
  { id: 'E1', name: '测试餐馆一', area: 'D1/G1' },
  { id: 'E2', name: '测试餐馆二', area: 'D1/G2' },
  { id: 'E3', name: '测试餐馆三', area: 'D2/G1' },
  { id: 'E4', name: '测试餐馆四', area: 'D1/G1' },
  { id: 'E5', name: '测试厂房五', area: 'D1/G1' },
];
/** The rental directory's seed: E5 holds premises P5 and rents it to E4 (its only place). */
export const RENTAL = {
  premises: [{ id: 'P5', enterpriseId: 'E5', address: '工业路 5 号', area: 'D1/G1', kinds: ['restaurant'], nineSmall: true, labourIntensive: false, groupRental: true }],
  tenancies: [{ premisesId: 'P5', tenantEnterpriseId: 'E4' }],
};
