import { servicePhase, type DocumentServiceLog, type DocumentServiceRecord } from '../ports/document-service.js';

const keyOf = (r: DocumentServiceRecord) => `${r.jurisdiction}\n${r.kind}\n${r.year}\n${r.seq}\n${servicePhase(r.entry)}`;

/**
 * A {@link DocumentServiceLog} in memory (tests, demos): one entry per document and phase,
 * kept as recorded.
 *
 * @example
 * ```ts
 * const service = createMemoryDocumentServiceLog();
 * ```
 */
export function createMemoryDocumentServiceLog(): DocumentServiceLog {
  const entries: DocumentServiceRecord[] = [];
  const byKey = new Map<string, DocumentServiceRecord>();
  return {
    async recordService(record) {
      const existing = byKey.get(keyOf(record));
      if (existing) return { kind: 'exists', record: structuredClone(existing) };
      const copy = structuredClone(record);
      byKey.set(keyOf(copy), copy);
      entries.push(copy);
      return { kind: 'recorded', record: structuredClone(copy) };
    },
    async readService(hazardId) {
      return entries.filter((e) => e.hazardId === hazardId).map((e) => structuredClone(e));
    },
  };
}
