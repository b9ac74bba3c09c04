import { createMemoryStore } from '@anjian/core';
import { describe, expect, it } from 'vitest';
import { chinaYear, DOCUMENT_KINDS, formatDocumentNumber, loadOverride } from '../src/index.js';
import { composeAllKinds, runChain, TEST_OVERRIDE_YAML } from './chain-run.js';

describe('document numbers (文号) from the store', () => {
  it('a numbered chain run gives every issuing event exactly its kinds, one number each, 1 per series', async () => {
    const store = createMemoryStore();
    const run = await runChain(store, { numbered: true });
    const numbers = [...(await store.readDocuments('H-ALARM')), ...(await store.readDocuments('H-HOSE')), ...(await store.readDocuments('H-TANK'))];
    expect(new Set(numbers.map((n) => n.kind))).toEqual(new Set(DOCUMENT_KINDS));
    expect(numbers.map((n) => [n.jurisdiction, n.year, n.seq])).toEqual(DOCUMENT_KINDS.map(() => ['D1', 2026, 1]));
    const events = new Map(
      Object.values(run)
        .flat()
        .map((e) => [e.id, e]),
    );
    for (const n of numbers) expect(events.get(n.eventId)?.recordedAt).toBe(n.issuedAt);
  });

  it('the composed document prints the allocated number with the override and template prefixes, not a number the command declared', async () => {
    const docs = await composeAllKinds(createMemoryStore(), { numbered: true });
    expect(docs.get('rectification_order')?.number).toBe('（东）应急责改〔2026〕1号');
    expect(docs.get('rectification_order')?.registered).toEqual({ jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq: 1 });
    expect(docs.get('case_filing_approval')?.number).toBe('（东）应急立〔2026〕1号');
    for (const doc of docs.values()) expect(doc.number).toMatch(/^（东）应急.*〔2026〕1号$/);
  });

  it('formats and years in China time', () => {
    expect(formatDocumentNumber({ year: 2026, seq: 12 }, '（东）应急', '责改')).toBe('（东）应急责改〔2026〕12号');
    expect(chinaYear('2026-12-31T15:59:59.999Z')).toBe(2026);
    expect(chinaYear('2026-12-31T16:00:00.000Z')).toBe(2027);
  });

  it("an override of another jurisdiction than the number's series is refused", async () => {
    const other = loadOverride(TEST_OVERRIDE_YAML.replace('jurisdiction: D1', 'jurisdiction: D2'), 'd2.yaml');
    if (!other.ok) throw new Error('override');
    await expect(composeAllKinds(createMemoryStore(), { numbered: true, override: other.value })).rejects.toThrow(/NUMBER_JURISDICTION_MISMATCH/);
  });
});
