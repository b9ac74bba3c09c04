/**
 * A generated city beside the demo's own enterprises (`ANJIAN_DEMO_CITY=<enterprises>`): core's
 * deterministic `generateCity` — enterprises and small premises, landlords' rental premises and
 * their tenants, a year of inspections and the hazards they found with their hash-chained
 * history (hazards at a rented premises name it and its landlord). The register (enterprises,
 * premises, tenancies) is generated at every start — it depends only on the seed and the size —
 * and goes into the portal's directory and rental directory; the year is written once per data
 * folder through the SQLite store's bulk loader (a marker file records the seed and size), after
 * the demo's own seed, so the demo's hazard numbers stay small. Its districts are `C1 … C8`,
 * apart from the demo users' `D1`, so only the administrator (who reads everything) sees it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnterpriseRecord } from '@anjian/core/internal';
import { generateCity } from '@anjian/core/testing';
import type { RentalSeed } from '@anjian/core/ports';
import { createSqliteBulkLoader } from '@anjian/store-sqlite';

/** Ids of the city's enterprises start with this (`city-0001`): the demo has no phone numbers for them. */
export const CITY_ID_PREFIX = 'city-';

/** The city of one start: its register, and the writing of its year. */
interface DemoCity {
  /** The city's enterprises, for the portal's directory and the rounds' register. */
  enterprises: EnterpriseRecord[];
  /** The city's premises and tenancies, for the portal's rental directory. */
  rental: RentalSeed;
  /** Writes the year into the store file unless this data folder has it; returns the hazards written (0 when already there). */
  load(): number;
}

/** The city of `enterprises` enterprises up to `until` (ISO), for the store under `dataDir`. */
export function demoCity(dataDir: string, enterprises: number, until: string, seed = 'anjian-demo-city'): DemoCity {
  const city = generateCity({ seed, enterprises, districtPrefix: 'C', idPrefix: CITY_ID_PREFIX, until, year: Number(until.slice(0, 4)) });
  return {
    enterprises: city.enterprises.map((e) => ({ id: e.id, name: e.name, area: e.area })),
    rental: city.rental,
    load: () => {
      const marker = join(dataDir, `city-${seed}-${enterprises}.loaded`);
      if (existsSync(marker)) return 0;
      const loader = createSqliteBulkLoader({ path: join(dataDir, 'anjian.db') });
      let hazards = 0;
      try {
        let batch: ReturnType<typeof city.chunks> extends Generator<infer C> ? C[] : never = [];
        const flush = () => {
          loader.writeHazards(batch.flatMap((c) => c.hazards));
          loader.writeInspections(batch.flatMap((c) => c.inspections));
          hazards += batch.reduce((n, c) => n + c.hazards.length, 0);
          batch = [];
        };
        for (const chunk of city.chunks()) {
          batch.push(chunk);
          if (batch.length === 100) flush();
        }
        flush();
      } finally {
        loader.close();
      }
      writeFileSync(marker, `${new Date().toISOString()} ${hazards} hazards\n`);
      return hazards;
    },
  };
}
