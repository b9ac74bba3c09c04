/**
 * A generated city beside the demo's own enterprises (`ANJIAN_DEMO_CITY=<enterprises>`): core's
 * deterministic `generateCity` — enterprises and small premises, a year of inspections and the
 * hazards they found with their hash-chained history — written through the SQLite store's bulk
 * loader, so the reports page (#/reports) has a city's numbers. Its districts are `C1 … C8`,
 * apart from the demo users' `D1`, so only the administrator (who reads everything) sees it.
 * Loaded once per data folder: a marker file records the seed and size.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCity } from '@anjian/core/internal';
import { createSqliteBulkLoader } from '@anjian/store-sqlite';

/** Loads a city of `enterprises` into the store file `path` unless this data folder has it; returns the hazards written (0 when already there). */
export function loadDemoCity(dataDir: string, enterprises: number, until: string, seed = 'anjian-demo-city'): number {
  const marker = join(dataDir, `city-${seed}-${enterprises}.loaded`);
  if (existsSync(marker)) return 0;
  const city = generateCity({ seed, enterprises, districtPrefix: 'C', idPrefix: 'city-', until, year: Number(until.slice(0, 4)) });
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
}
