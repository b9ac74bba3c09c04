import type { InspectionLog, InspectionRecord } from '../ports/inspection-log.js';

/**
 * An {@link InspectionLog} in memory (tests, the in-memory demo): records in the order they
 * were written, deep-copied in and out so a caller cannot change what was recorded.
 */
export function createMemoryInspectionLog(): InspectionLog {
  const records: InspectionRecord[] = [];
  const byId = new Map<string, InspectionRecord>();
  const copy = (r: InspectionRecord): InspectionRecord => structuredClone(r);
  return {
    async recordInspection(record) {
      if (byId.has(record.id)) return false;
      const kept = copy(record);
      records.push(kept);
      byId.set(kept.id, kept);
      return true;
    },
    async readInspection(id) {
      const r = byId.get(id);
      return r ? copy(r) : null;
    },
    async listInspections({ enterpriseId, limit, before, recordedBefore, recordedSince }) {
      const end = before === undefined ? records.length : records.findIndex((r) => r.id === before);
      const out: InspectionRecord[] = []; // an unknown `before` has nothing older: []
      for (let i = end - 1; i >= 0 && out.length < limit; i--) {
        const r = records[i]!;
        if (r.enterpriseId === enterpriseId && (recordedBefore === undefined || r.recordedAt < recordedBefore) && (recordedSince === undefined || r.recordedAt >= recordedSince)) out.push(copy(r));
      }
      return out;
    },
  };
}
