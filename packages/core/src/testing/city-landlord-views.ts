import { createMemoryRentalDirectory, withLandlordTenancies } from '../chain/memory-rental-directory.js';
import { createMemoryStore } from '../chain/memory-store.js';
import { canRead, readScopes } from '../chain/read-policy.js';
import { buildLandlordView, type LandlordView } from '../enterprise-file/landlord-view.js';
import type { ReadModelStore } from '../ports/store.js';
import type { City } from './city-seed.js';
import { appendCityHazard } from './append-city-hazard.js';

/**
 * The landlord view (出租方视图) of every landlord of a generated city that has tenants, as the
 * landlord itself reads it (an enterprise user of the landlord, through the read policy),
 * as of the city's `until`. With `store`, over that store (which must hold the city's
 * hazards, e.g. through a bulk loader); without, over an in-memory store filled by `append`,
 * one event at a time, from the city's histories — the reference a store test compares with.
 *
 * @example
 * ```ts
 * expect(await cityLandlordViews(city, sqliteStore)).toEqual(await cityLandlordViews(city));
 * ```
 */
export async function cityLandlordViews(city: City, store?: Pick<ReadModelStore, 'query'>): Promise<LandlordView[]> {
  const rental = createMemoryRentalDirectory(city.rental);
  const read = store ?? (await memoryStoreOf(city));
  const landlords = [...new Set((await rental.tenancies({})).map((t) => t.landlordEnterpriseId))].sort();
  const views: LandlordView[] = [];
  for (const landlord of landlords) {
    const scopes = readScopes(await withLandlordTenancies({ id: `user-${landlord}`, roles: ['enterprise'], enterpriseIds: [landlord] }, rental));
    views.push(await buildLandlordView({ rental, store: read }, landlord, { asOf: new Date(city.until), visible: (row) => canRead(scopes, row) }));
  }
  return views;
}

async function memoryStoreOf(city: City) {
  const store = createMemoryStore();
  for (const chunk of city.chunks()) for (const h of chunk.hazards) await appendCityHazard(store, h);
  return store;
}
