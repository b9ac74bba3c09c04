// Issuing is the act's, reading is not: issueEventDocuments registers each number of a
// command's events once; readIssuedDocument serves only what was registered and writes nothing.
import { createMemoryStore, type Store } from '@anjian/core';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, issueEventDocuments, loadOverride, readIssuedDocument, renderDocumentHtml } from '../src/index.js';
import { loadBuiltinTemplate, loadBuiltinTemplates } from '../src/node/index.js';
import { runChain, TEST_DOCUMENT_ENTERPRISES, TEST_NUMBERED_OVERRIDE_YAML, testDocumentDirectory } from './chain-run.js';
import { checkIssuedStands } from './issued-stands.js';

const override = loadOverride(TEST_NUMBERED_OVERRIDE_YAML, 'd1.yaml');
if (!override.ok) throw new Error('override');
const templates = [...loadBuiltinTemplates().values()];
const HAZARDS = ['H-ALARM', 'H-HOSE', 'H-TANK'];

/** A store that counts what is written to the register. */
function counting(store: Store): { store: Store; writes: string[] } {
  const writes: string[] = [];
  const recordDocumentHash: Store['recordDocumentHash'] = async (input) => {
    writes.push(`${input.kind}/${input.seq}`);
    return store.recordDocumentHash(input);
  };
  return { store: Object.assign(Object.create(store) as Store, { recordDocumentHash }), writes };
}

describe('issuing (the act) and reading (anyone)', () => {
  it('each number of the events is issued once, at issue; readers get the same hash and bytes and write nothing', async () => {
    const base = createMemoryStore();
    await runChain(base, { numbered: true });
    const { store, writes } = counting(base);
    const directory = testDocumentDirectory();
    const now = '2026-11-21T00:00:00.000Z';
    for (const hazardId of HAZARDS) {
      const eventIds = (await store.readEvents(hazardId)).map((e) => e.id);
      const outcomes = await issueEventDocuments({ store, hazardId, eventIds, templates, override: override.value, directory, now });
      expect(
        outcomes.every((o) => o.issued && o.record.contentHash !== null),
        JSON.stringify(outcomes),
      ).toBe(true);
    }
    // Every kind of the table was issued, each number once.
    expect(new Set(writes.map((w) => w.split('/')[0]))).toEqual(new Set(DOCUMENT_KINDS));
    const issuedWrites = writes.length;
    // Issuing the same events again (a replayed command) composes nothing and writes nothing.
    const again = await issueEventDocuments({ store, hazardId: 'H-ALARM', eventIds: (await store.readEvents('H-ALARM')).map((e) => e.id), templates, override: override.value, directory, now });
    expect(again.every((o) => o.issued)).toBe(true);
    expect(writes.length).toBe(issuedWrites);
    for (const hazardId of HAZARDS) {
      for (const record of await store.readDocuments(hazardId)) {
        const read = () => readIssuedDocument({ store, hazardId, eventId: record.eventId, template: loadBuiltinTemplate(record.kind as never), override: override.value, directory });
        const [a, b] = [await read(), await read()];
        if (!a.ok || !b.ok) throw new Error(JSON.stringify(a));
        expect(a.value.document.verification.hash).toBe(record.contentHash);
        expect(renderDocumentHtml(a.value.document)).toBe(renderDocumentHtml(b.value.document));
      }
    }
    expect(writes.length).toBe(issuedWrites);
  });

  it('a number not issued is not served (and reading does not issue it); an issued one is served as issued after the directory changed', async () => {
    const store = createMemoryStore();
    await runChain(store, { numbered: true });
    const template = loadBuiltinTemplate('rectification_order');
    const directory = testDocumentDirectory();
    const before = await store.readDocuments('H-ALARM');
    const notIssued = await readIssuedDocument({ store, hazardId: 'H-ALARM', template, override: override.value, directory });
    expect(notIssued.ok ? [] : notIssued.issues.map((i) => i.code)).toEqual(['DOCUMENT_NOT_ISSUED']);
    expect(notIssued.ok ? '' : notIssued.issues[0]!.message['zh-CN']).toContain('阅读不会出具文书');
    expect(await store.readDocuments('H-ALARM')).toEqual(before);
    // An event that issues no order: the hazard of the grid inspector's notice.
    const none = await readIssuedDocument({ store, hazardId: 'H-HOSE', template, override: override.value, directory });
    expect(none.ok ? [] : none.issues.map((i) => [i.code, i.message.en.includes('issued no')])).toEqual([['DOCUMENT_NOT_ISSUED', true]]);

    const eventIds = (await store.readEvents('H-ALARM')).map((e) => e.id);
    await issueEventDocuments({ store, hazardId: 'H-ALARM', eventIds, templates, override: override.value, directory, now: '2026-11-06T00:00:00.000Z' });
    const issued = await readIssuedDocument({ store, hazardId: 'H-ALARM', template, override: override.value, directory });
    // The directory changes after the issue: the issued document is served as issued, not composed anew.
    const renamed = testDocumentDirectory({ enterprises: TEST_DOCUMENT_ENTERPRISES.filter((e) => e.id === 'E1').map((e) => ({ ...e, name: '老王饭店（更名）' })) });
    const after = await readIssuedDocument({ store, hazardId: 'H-ALARM', template, override: override.value, directory: renamed });
    if (!issued.ok || !after.ok) throw new Error(JSON.stringify([issued, after]));
    expect([after.value.source, after.value.document.verification.hash]).toEqual(['register', issued.value.document.verification.hash]);
    expect(renderDocumentHtml(after.value.document)).toBe(renderDocumentHtml(issued.value.document));
    expect(renderDocumentHtml(after.value.document)).not.toContain('更名');
  });

  it('a refused issue is an outcome with located issues, the number kept unissued', async () => {
    const store = createMemoryStore();
    await runChain(store, { numbered: true });
    const noAddress = testDocumentDirectory({ enterprises: TEST_DOCUMENT_ENTERPRISES.filter((e) => e.id === 'E1').map(({ address: _a, ...e }) => e) });
    const eventIds = (await store.readEvents('H-HOSE')).map((e) => e.id);
    const [outcome] = await issueEventDocuments({ store, hazardId: 'H-HOSE', eventIds, templates, override: override.value, directory: noAddress, now: '2026-11-06T00:00:00.000Z' });
    expect([outcome?.issued, outcome?.record.contentHash, outcome?.issues?.map((i) => i.code)]).toEqual([false, null, ['VALUE_MISSING']]);
    expect((await store.readDocuments('H-HOSE'))[0]?.contentHash).toBeNull();
  });
});

describe('the register keeps what was issued', () => {
  it('a template or directory change after the issue changes no issued document (every kind); one issued before contents were kept is re-composed, marked, while its hash matches', async () => {
    const store = createMemoryStore();
    await checkIssuedStands(store, async (key) => {
      store.unsafeDocumentContents.delete(`${key.jurisdiction}\n${key.kind}\n${key.year}\n${key.seq}`);
    });
  });

  it('stored content altered outside the store is not served: DOCUMENT_CONTENT_ALTERED, in both languages', async () => {
    const store = createMemoryStore();
    await runChain(store, { numbered: true });
    const directory = testDocumentDirectory();
    const eventIds = (await store.readEvents('H-ALARM')).map((e) => e.id);
    await issueEventDocuments({ store, hazardId: 'H-ALARM', eventIds, templates, override: override.value, directory, now: '2026-11-06T00:00:00.000Z' });
    const template = loadBuiltinTemplate('rectification_order');
    const key = [...store.unsafeDocumentContents.keys()].find((k) => k.includes('rectification_order'))!;
    const original = store.unsafeDocumentContents.get(key)!;
    const reads: string[] = [];
    for (const altered of [original.replace('测试餐馆一', '测试餐馆二'), original.replace('"hash":"', '"hash":"0'), 'not json', '{}']) {
      store.unsafeDocumentContents.set(key, altered);
      const served = await readIssuedDocument({ store, hazardId: 'H-ALARM', template, override: override.value, directory });
      reads.push(served.ok ? 'served' : served.issues.map((i) => i.code).join());
      if (!served.ok) expect([served.issues[0]!.message['zh-CN'], served.issues[0]!.message.en].every((m) => m.includes('（东）应急责改〔2026〕1号'))).toBe(true);
    }
    expect(reads).toEqual(Array(4).fill('DOCUMENT_CONTENT_ALTERED'));
    store.unsafeDocumentContents.set(key, original);
    expect((await readIssuedDocument({ store, hazardId: 'H-ALARM', template, override: override.value, directory })).ok).toBe(true);
  });
});
