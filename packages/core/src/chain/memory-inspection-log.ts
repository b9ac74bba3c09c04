import type { FirstInspection, InspectionLog, InspectionRecord } from '../ports/inspection-log.js';

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
    async firstInspections({ enterpriseIds, packId, sources, recordedSince, recordedBefore }) {
      const wanted = new Set(enterpriseIds);
      const first = new Map<string, FirstInspection>();
      // Newest first, as listInspections reads: a later record of the same recordedAt stays.
      for (let i = records.length - 1; i >= 0; i--) {
        const r = records[i]!;
        if (!wanted.has(r.enterpriseId) || r.pack.id !== packId || !sources.includes(r.source) || r.recordedAt < recordedSince || r.recordedAt >= recordedBefore) continue;
        const seen = first.get(r.enterpriseId);
        if (!seen || r.recordedAt < seen.recordedAt) first.set(r.enterpriseId, { enterpriseId: r.enterpriseId, id: r.id, recordedAt: r.recordedAt });
      }
      return [...first.values()];
    },
  };
}
