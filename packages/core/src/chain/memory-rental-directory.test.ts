import { describe, expect, it } from 'vitest';
import { checkTenancyStart, RentalDirectoryError, TENANCY_EARLIEST, tenancyInstantRefused } from '../ports/rental-directory.js';
import type { PremisesRecord } from '../ports/rental-directory.js';
import { runRentalDirectoryConformance } from '../testing/rental-directory-conformance.js';
import { createMemoryRentalDirectory, withLandlordTenancies } from './memory-rental-directory.js';
import { canRead, narrow, readScopes, type ReadScope } from './read-policy.js';
import { resolveInspectionPremises } from './report-inspection.js';
import type { Issue } from '../pack/types.js';

runRentalDirectoryConformance({ name: 'memory', describe, it, expect, create: createMemoryRentalDirectory });

const premises = (id: string, enterpriseId: string, area: string): PremisesRecord => ({
  id,
  enterpriseId,
  address: `${id} 号`,
  area,
  kinds: ['factory'],
  nineSmall: false,
  labourIntensive: false,
  groupRental: false,
});

describe('landlords in the read policy, derived from the rental directory', () => {
  // L1 rents P1 (D1/G1) to T1; L2 rents P2 (D1/G2) to T2; T1 also works at its own premises in D2/G1.
  const rental = createMemoryRentalDirectory({
    premises: [premises('P1', 'L1', 'D1/G1'), premises('P2', 'L2', 'D1/G2'), premises('P3', 'T1', 'D2/G1')],
    tenancies: [
      { premisesId: 'P1', tenantEnterpriseId: 'T1' },
      { premisesId: 'P2', tenantEnterpriseId: 'T2' },
    ],
  });
  const hazard = (enterpriseId: string, area: string, premisesId?: string) => ({ enterpriseId, area, domain: 'fire', ...(premisesId === undefined ? {} : { premisesId }) });

  it("a landlord reads its tenant's hazards at its premises, never the tenant's elsewhere nor another landlord's tenants", async () => {
    const landlord = await withLandlordTenancies({ id: 'u-l1', roles: ['enterprise'], enterpriseIds: ['L1'] }, rental);
    expect(landlord.tenancies).toEqual([{ premisesId: 'P1', landlordEnterpriseId: 'L1', tenantEnterpriseId: 'T1', area: 'D1/G1', period: 1 }]);
    const scopes = readScopes(landlord);
    expect(canRead(scopes, hazard('L1', 'D9'))).toBe(true); // its own
    expect(canRead(scopes, hazard('T1', 'D1/G1', 'P1'))).toBe(true); // its tenant, at its premises
    expect(canRead(scopes, hazard('T1', 'D1/G1'))).toBe(false); // its tenant, at no named premises (same area)
    expect(canRead(scopes, hazard('T1', 'D2/G1', 'P3'))).toBe(false); // its tenant, at another premises
    expect(canRead(scopes, hazard('T2', 'D1/G2', 'P2'))).toBe(false); // another landlord's tenant
  });

  it('tenancies carried in by the caller are replaced; a tenant or a non-enterprise actor gets none', async () => {
    const forged = { premisesId: 'P2', landlordEnterpriseId: 'L1', tenantEnterpriseId: 'T2', area: 'D1/G2', period: 1 };
    const landlord = await withLandlordTenancies({ id: 'u-l1', roles: ['enterprise'], enterpriseIds: ['L1'], tenancies: [forged] }, rental);
    expect(landlord.tenancies).not.toContain(forged);
    expect((await withLandlordTenancies({ id: 'u-t1', roles: ['enterprise'], enterpriseIds: ['T1'] }, rental)).tenancies).toBeUndefined();
    expect((await withLandlordTenancies({ id: 'g', roles: ['grid'], enterpriseIds: ['L1'], tenancies: [forged] }, rental)).tenancies).toBeUndefined();
  });

  it('an ended tenancy: the landlord keeps what was found before the end, nothing found after; the tenant may no longer report there', async () => {
    const dir = createMemoryRentalDirectory({ premises: [premises('P1', 'L1', 'D1/G1'), premises('P4', 'L1', 'D1/G1')], tenancies: [{ premisesId: 'P1', tenantEnterpriseId: 'T1' }] });
    const endedAt = '2026-12-06T04:00:00.000Z';
    await dir.endTenancy({ premisesId: 'P1', tenantEnterpriseId: 'T1', endedAt });
    const landlord = await withLandlordTenancies({ id: 'u-l1', roles: ['enterprise'], enterpriseIds: ['L1'] }, dir);
    expect(landlord.tenancies).toEqual([{ premisesId: 'P1', landlordEnterpriseId: 'L1', tenantEnterpriseId: 'T1', area: 'D1/G1', period: 1, endedAt }]);
    const scopes = readScopes(landlord);
    expect(scopes).toEqual([{ enterpriseId: 'L1' }, { enterpriseId: 'T1', premisesId: 'P1', foundBefore: endedAt }]);
    const at = (createdAt?: string) => ({ ...hazard('T1', 'D1/G1', 'P1'), ...(createdAt === undefined ? {} : { createdAt }) });
    expect(canRead(scopes, at('2026-12-06T03:59:59.999Z'))).toBe(true); // found during the tenancy
    expect(canRead(scopes, at(endedAt))).toBe(false); // found at the end or after
    expect(canRead(scopes, at('2027-01-01T00:00:00.000Z'))).toBe(false);
    expect(canRead(scopes, at())).toBe(false); // when it was found is unknown: fail closed
    expect(canRead(scopes, { ...hazard('L1', 'D1/G1'), createdAt: '2027-01-01T00:00:00.000Z' })).toBe(true); // its own, any time
    // narrow leaves the bound out (stores do not know it): the row check above applies it.
    expect(narrow({}, (scopes as ReadScope[])[1]!)).toEqual({ enterpriseId: 'T1', premisesId: 'P1' });
    // The former tenant is no longer at P1: an inspection there is refused, so no new hazard carries P1 for it.
    const issues: Issue[] = [];
    expect(await resolveInspectionPremises(dir, 'P1', 'T1', issues)).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(['NOT_AT_PREMISES']);
  });

  it('renting again: the landlord reads exactly what the tenant found inside one of its periods', async () => {
    const dir = createMemoryRentalDirectory({ premises: [premises('P1', 'L1', 'D1/G1')], tenancies: [{ premisesId: 'P1', tenantEnterpriseId: 'T1' }] });
    await dir.endTenancy({ premisesId: 'P1', tenantEnterpriseId: 'T1', endedAt: '2026-03-01T00:00:00.000Z' });
    await dir.startTenancy({ premisesId: 'P1', tenantEnterpriseId: 'T1', startedAt: '2026-06-01T00:00:00.000Z' });
    await dir.endTenancy({ premisesId: 'P1', tenantEnterpriseId: 'T1', endedAt: '2026-09-01T00:00:00.000Z' });
    await dir.startTenancy({ premisesId: 'P1', tenantEnterpriseId: 'T1', startedAt: '2026-11-01T00:00:00.000Z' });
    const scopes = readScopes(await withLandlordTenancies({ id: 'u-l1', roles: ['enterprise'], enterpriseIds: ['L1'] }, dir));
    expect(scopes).toEqual([
      { enterpriseId: 'L1' },
      { enterpriseId: 'T1', premisesId: 'P1', foundBefore: '2026-03-01T00:00:00.000Z' },
      { enterpriseId: 'T1', premisesId: 'P1', foundFrom: '2026-06-01T00:00:00.000Z', foundBefore: '2026-09-01T00:00:00.000Z' },
      { enterpriseId: 'T1', premisesId: 'P1', foundFrom: '2026-11-01T00:00:00.000Z' },
    ]);
    const found = (createdAt: string) => canRead(scopes, { ...hazard('T1', 'D1/G1', 'P1'), createdAt });
    expect(
      [
        '2025-12-31T00:00:00.000Z',
        '2026-02-28T23:59:59.999Z',
        '2026-03-01T00:00:00.000Z',
        '2026-05-31T23:59:59.999Z',
        '2026-06-01T00:00:00.000Z',
        '2026-08-31T23:59:59.999Z',
        '2026-09-01T00:00:00.000Z',
        '2026-10-31T23:59:59.999Z',
        '2026-11-01T00:00:00.000Z',
        '2027-01-01T00:00:00.000Z',
      ].map(found),
    ).toEqual([true, true, false, false, true, true, false, false, true, true]);
    expect(canRead(scopes, hazard('T1', 'D1/G1', 'P1'))).toBe(false); // no createdAt: fail closed
    // The tenant reports at P1 again in its current period.
    expect(await resolveInspectionPremises(dir, 'P1', 'T1', [])).not.toBeNull();
  });

  it('invalid rental data is refused with a message in both languages naming the entry', () => {
    let error: unknown;
    try {
      createMemoryRentalDirectory({ premises: [premises('P1', 'L1', 'D1')], tenancies: [{ premisesId: 'P9', tenantEnterpriseId: 'T1' }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RentalDirectoryError);
    expect((error as RentalDirectoryError).localized).toEqual({ 'zh-CN': 'tenancies[0]：场所 P9 未登记', en: 'tenancies[0]: premises P9 is not registered' });
  });

  it('a tenancy dated before 2000 (TENANCY_EARLIEST) or, given now, in the future is refused, located and in both languages; the floor itself is accepted', async () => {
    const dir = createMemoryRentalDirectory({ premises: [premises('P1', 'L1', 'D1/G1')], tenancies: [] });
    const refused = async (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as RentalDirectoryError,
      );
    const e = await refused(dir.startTenancy({ premisesId: 'P1', tenantEnterpriseId: 'T1', startedAt: '1970-01-01T00:00:00.000Z' }));
    expect(e).toBeInstanceOf(RentalDirectoryError);
    expect([e?.code, e?.field]).toEqual(['INVALID', 'startedAt']);
    expect(e?.localized.en).toMatch(/^startedAt 1970-01-01T00:00:00.000Z is before 2000-01-01T00:00:00.000Z: give the real date/);
    expect(e?.localized['zh-CN']).toMatch(/^开始时间 startedAt 1970-01-01T00:00:00.000Z 早于 2000-01-01T00:00:00.000Z/);
    expect(await dir.tenancies({ premisesId: 'P1', includeEnded: true })).toEqual([]);
    expect(tenancyInstantRefused('startedAt', '2026-12-07T00:00:00.000Z', new Date('2026-12-06T00:00:00.000Z'))?.localized.en).toBe(
      'startedAt 2026-12-07T00:00:00.000Z is after now (2026-12-06T00:00:00.000Z): it cannot be in the future',
    );
    expect(() => checkTenancyStart({ premisesId: 'P1', tenantEnterpriseId: 'T1', startedAt: '2026-12-07T00:00:00.000Z' }, new Date('2026-12-06T00:00:00.000Z'))).toThrow(/in the future/);
    expect((await dir.startTenancy({ premisesId: 'P1', tenantEnterpriseId: 'T1', startedAt: TENANCY_EARLIEST })).period).toBe(1);
  });
});
