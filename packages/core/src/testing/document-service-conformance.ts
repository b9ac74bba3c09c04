import type { DocumentServiceLog, DocumentServiceRecord } from '../ports/document-service.js';
import type { ConformanceExpect } from './store-conformance.js';

/** Options of {@link runDocumentServiceConformance}. */
export interface DocumentServiceConformanceOptions {
  name: string;
  /** A fresh, empty log per test. */
  createLog: () => DocumentServiceLog | Promise<DocumentServiceLog>;
  /** Called after each test (close connections, drop schemas). */
  destroyLog?: (log: DocumentServiceLog) => void | Promise<void>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the suite. */
export const DOCUMENT_SERVICE_CONFORMANCE_TESTS = Object.freeze([
  'records a delivery and a receipt and reads them back as written, in order, per hazard',
  'each phase is recorded once per document: a second entry gets the first back, unchanged',
  'concurrent receipts of one document: exactly one is recorded',
] as const);

/** A test entry of document D1 / rectification_order / 2026 / `seq`. */
export function testServiceRecord(seq: number, entry: DocumentServiceRecord['entry'], overrides: Partial<DocumentServiceRecord> = {}): DocumentServiceRecord {
  return { jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq, hazardId: 'H-1', entry, actorId: 'officer-1', recordedAt: '2026-11-03T02:00:00.000Z', ...overrides };
}

const served = (recipient = '王建国“店长” & <b>'): DocumentServiceRecord['entry'] => ({ type: 'served', method: 'direct', recipient, servedAt: '2026-11-03T01:30:00.000Z' });

/**
 * Runs the conformance suite of the {@link DocumentServiceLog} port: entries read back
 * exactly, one delivery and one receipt per document (a second is `exists` with the
 * first), atomic under concurrency.
 *
 * @example
 * ```ts
 * runDocumentServiceConformance({ name: 'sqlite', createLog: () => createSqliteDocumentServiceLog({ path: tmpFile() }), describe, it, expect });
 * ```
 */
export function runDocumentServiceConformance(options: DocumentServiceConformanceOptions): void {
  const { expect } = options;
  const test = (name: (typeof DOCUMENT_SERVICE_CONFORMANCE_TESTS)[number], fn: (log: DocumentServiceLog) => Promise<void>) =>
    options.it(name, async () => {
      const log = await options.createLog();
      try {
        await fn(log);
      } finally {
        await options.destroyLog?.(log);
      }
    });
  options.describe(`DocumentServiceLog conformance: ${options.name}`, () => {
    test('records a delivery and a receipt and reads them back as written, in order, per hazard', async (log) => {
      const a = testServiceRecord(1, served());
      const b = testServiceRecord(1, { type: 'refused', witness: '李四', witnessRole: '社区工作人员', refusedOn: '2026-11-03', note: '拒绝签字' }, { recordedAt: '2026-11-03T02:01:00.000Z' });
      const other = testServiceRecord(2, served('赵六'), { hazardId: 'H-2' });
      expect((await log.recordService(a)).kind).toBe('recorded');
      expect((await log.recordService(other)).kind).toBe('recorded');
      expect((await log.recordService(b)).kind).toBe('recorded');
      expect(await log.readService('H-1')).toEqual([a, b]);
      expect(await log.readService('H-2')).toEqual([other]);
      expect(await log.readService('H-none')).toEqual([]);
    });

    test('each phase is recorded once per document: a second entry gets the first back, unchanged', async (log) => {
      const first = testServiceRecord(3, { type: 'signed', signedBy: '王建国', signedOn: '2026-11-03' });
      await log.recordService(first);
      const again = await log.recordService(testServiceRecord(3, { type: 'refused', witness: 'x', witnessRole: 'y', refusedOn: '2026-11-04' }));
      expect(again).toEqual({ kind: 'exists', record: first });
      // Another document of the same series, or the same number of another series, is another document.
      expect((await log.recordService(testServiceRecord(4, first.entry))).kind).toBe('recorded');
      expect((await log.recordService(testServiceRecord(3, first.entry, { kind: 'review_opinion' }))).kind).toBe('recorded');
      expect(await log.readService('H-1')).toHaveLength(3);
    });

    test('concurrent receipts of one document: exactly one is recorded', async (log) => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => log.recordService(testServiceRecord(5, { type: 'signed', signedBy: `签收人${i}`, signedOn: '2026-11-03' }))));
      expect(results.filter((r) => r.kind === 'recorded')).toHaveLength(1);
      expect(await log.readService('H-1')).toHaveLength(1);
    });
  });
}
