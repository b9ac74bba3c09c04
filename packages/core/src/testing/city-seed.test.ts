import { describe, expect, it } from 'vitest';
import { inspectionRecordId, reportHazardId } from '../chain/report-inspection.js';
import { generateCity } from './city-seed.js';

describe('generateCity ids', () => {
  it('are the ids reportInspection derives for the same actor, key and rule (one definition each), so a seeded city reads as reported data', () => {
    const city = generateCity({ seed: 'city-seed ids', enterprises: 12, inspectionsPerEnterprise: 20, hazardRate: 0.5 });
    let records = 0;
    let hazards = 0;
    for (const { enterprise, inspections, hazards: histories } of city.chunks()) {
      const byId = new Map(histories.map((h) => [h.summary.hazardId, h]));
      inspections.forEach((record, k) => {
        // the seed's idempotency key of an enterprise's k-th inspection
        const key = `${enterprise.id}-${k}`;
        expect(record.id).toBe(inspectionRecordId(record.actorId, key));
        records++;
        for (const found of record.hazards) {
          const id = reportHazardId(record.actorId, key, found.rule);
          expect(found.hazardId).toBe(id);
          expect(byId.get(id)?.events.map((e) => e.hazardId)).toEqual(expect.arrayContaining([id]));
          hazards++;
        }
      });
    }
    expect(records).toBeGreaterThan(100);
    expect(hazards).toBeGreaterThan(50);
  });
});
