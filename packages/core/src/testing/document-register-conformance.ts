import type { AppendInput, Store } from '../ports/store.js';
import { MAX_DOCUMENT_CONTENT_LENGTH, type DocumentNumberRequest } from '../ports/document-register.js';
import { documentContentDigest, documentTrailEntryHash, type DocumentTrailEntry } from '../ports/document-trail.js';
import { GENESIS_HASH } from '../chain/hash-event.js';
import { decide } from '../chain/decide.js';
import { evolve } from '../chain/evolve.js';
import { commandFingerprint } from '../chain/command-fingerprint.js';
import { outboxMessagesFor } from '../chain/outbox-messages.js';
import { summarize } from '../chain/summarize.js';
import type { HazardState } from '../chain/types.js';
import { isStoreError } from '../ports/store-error.js';
import { reportCommand, TEST_ACTORS, TEST_CALENDAR_2026 } from './chain-fixtures.js';
import type { StoreConformanceOptions } from './store-conformance.js';

/** Names of every test of {@link runDocumentRegisterConformance} (for `skip`). */
export const DOCUMENT_REGISTER_CONFORMANCE_TESTS = Object.freeze([
  'an append allocates the next number of each series, in request order',
  'an append that writes nothing allocates nothing',
  'series are independent by jurisdiction, kind and year',
  '16 concurrent issuers of one series: numbers 1..16, no gap, no duplicate',
  'recordDocumentHash records once; findDocumentByCode finds it',
  'invalid document requests throw StoreError INVALID_APPEND and write nothing',
  'voidDocument voids once; the number stays taken and the next is not reused',
  'a void reason or actor that is not one well-formed text (lone surrogate, U+0000, bidi control, blank, over 500) throws StoreError INVALID_DOCUMENT and writes nothing',
  'the content is stored with the hash and read back byte for byte; issuing again never overwrites it',
  'a content that is not 1 to MAX_DOCUMENT_CONTENT_LENGTH characters of well-formed text throws StoreError INVALID_DOCUMENT and writes nothing',
  'issuing appends one entry to the document trail, chained, once per number; refusals and concurrent issuers append no other',
  'voiding appends one void entry to the document trail, once per number; a void written before voids were chained is chained by voiding again',
  'readDocumentRegister (when the store has it) pages the whole register once, each number with its content',
  "readHazardDocumentTrail reads one hazard's issue and void entries in seq order; readDocumentIssueBefore the chained number below",
] as const);

const T0 = Date.parse('2026-10-12T01:00:00.000Z');
const grid = TEST_ACTORS['grid-g1']!;

/** A report of a new hazard as an append input (the grid member of `TEST_ACTORS`). */
function reportInput(hazardId: string, at: number, documents?: (eventId: string) => DocumentNumberRequest[]): { input: AppendInput; after: HazardState } {
  const command = reportCommand(hazardId, { commandId: `${hazardId}:report` });
  const decision = decide(null, command, grid, new Date(at), { calendar: TEST_CALENDAR_2026 }, {});
  if ('rejection' in decision) throw new Error(`fixture report refused: ${decision.rejection.code}`);
  let after: HazardState | null = null;
  for (const e of decision.events) after = evolve(after, e);
  const a = after as HazardState;
  const input: AppendInput = {
    hazardId,
    expectedVersion: 0,
    events: decision.events,
    outbox: outboxMessagesFor(decision.events, a),
    commandId: command.commandId,
    commandFingerprint: commandFingerprint(command, grid.id),
    summary: summarize(a),
  };
  const first = decision.events[0];
  if (documents && first) input.documents = documents(first.id);
  return { input, after: a };
}

function uid(): string {
  return globalThis.crypto.randomUUID().slice(0, 8);
}

/**
 * The document register suite (文号 allocated in the append's transaction): every Store
 * adapter runs it with the options of `runStoreConformance`. Jurisdictions are unique per
 * test, so a shared database is fine.
 *
 * @example
 * ```ts
 * runDocumentRegisterConformance({ name: 'sqlite', createStore, describe, it, expect });
 * ```
 */
export function runDocumentRegisterConformance(options: StoreConformanceOptions): void {
  const { describe, expect } = options;
  const skipped = new Map<string, string>();
  for (const group of options.skip ?? []) for (const t of group.tests) skipped.set(t, group.reason);
  const test = (name: (typeof DOCUMENT_REGISTER_CONFORMANCE_TESTS)[number], fn: (store: Store, ns: string) => Promise<void>): void => {
    const reason = skipped.get(name);
    if (reason !== undefined) {
      options.it(`${name} [skipped: ${reason}]`, async () => {});
      return;
    }
    options.it(name, async () => {
      const store = await options.createStore();
      try {
        await fn(store, uid());
      } finally {
        await options.destroyStore?.(store);
      }
    });
  };

  describe(`Document register conformance: ${options.name}`, () => {
    test('an append allocates the next number of each series, in request order', async (store, ns) => {
      const j = `J${ns}`;
      const a = reportInput(`H-${ns}-a`, T0, (eventId) => [
        { jurisdiction: j, kind: 'inspection_record', year: 2026, eventId },
        { jurisdiction: j, kind: 'rectification_order', year: 2026, eventId },
      ]);
      const r1 = await store.append(a.input);
      expect(r1.kind).toBe('ok');
      if (r1.kind !== 'ok') return;
      expect(r1.documents?.map((d) => [d.kind, d.seq])).toEqual([
        ['inspection_record', 1],
        ['rectification_order', 1],
      ]);
      const event = r1.events[0]!;
      expect(r1.documents?.[0]).toEqual({ jurisdiction: j, kind: 'inspection_record', year: 2026, eventId: event.id, seq: 1, hazardId: `H-${ns}-a`, issuedAt: event.recordedAt });
      const b = reportInput(`H-${ns}-b`, T0 + 1000, (eventId) => [{ jurisdiction: j, kind: 'inspection_record', year: 2026, eventId }]);
      const r2 = await store.append(b.input);
      expect(r2.kind === 'ok' ? r2.documents?.map((d) => d.seq) : null).toEqual([2]);
      const records = await store.readDocuments(`H-${ns}-a`);
      expect(records.map((r) => [r.kind, r.seq, r.contentHash, r.verificationCode, r.voided])).toEqual([
        ['inspection_record', 1, null, null, null],
        ['rectification_order', 1, null, null, null],
      ]);
      const series = await store.readDocumentSeries({ jurisdiction: j, kind: 'inspection_record', year: 2026 }, 1, 10);
      expect(series.map((r) => [r.seq, r.hazardId])).toEqual([
        [1, `H-${ns}-a`],
        [2, `H-${ns}-b`],
      ]);
      expect((await store.readDocumentSeries({ jurisdiction: j, kind: 'inspection_record', year: 2026 }, 2, 10)).map((r) => r.seq)).toEqual([2]);
      // An append without requests numbers nothing and returns no documents.
      const c = reportInput(`H-${ns}-c`, T0 + 2000);
      const r3 = await store.append(c.input);
      expect(r3.kind === 'ok' ? (r3.documents ?? []).length : -1).toBe(0);
      expect(await store.readDocuments(`H-${ns}-c`)).toEqual([]);
    });

    test('an append that writes nothing allocates nothing', async (store, ns) => {
      const j = `J${ns}`;
      const req = (eventId: string) => [{ jurisdiction: j, kind: 'inspection_record', year: 2026, eventId }];
      const a = reportInput(`H-${ns}`, T0, req);
      expect((await store.append(a.input)).kind).toBe('ok');
      // The same command again (duplicate) and the same hazard anew (conflict): no number.
      expect((await store.append(a.input)).kind).toBe('duplicate-command');
      const twin = reportInput(`H-${ns}`, T0 + 5, req);
      twin.input.commandId = `${twin.input.commandId}:twin`;
      expect((await store.append(twin.input)).kind).toBe('conflict');
      const b = reportInput(`H-${ns}-b`, T0 + 10, req);
      const r = await store.append(b.input);
      expect(r.kind === 'ok' ? r.documents?.map((d) => d.seq) : null).toEqual([2]);
      expect((await store.readDocumentSeries({ jurisdiction: j, kind: 'inspection_record', year: 2026 }, 1, 10)).map((x) => x.seq)).toEqual([1, 2]);
    });

    test('series are independent by jurisdiction, kind and year', async (store, ns) => {
      const seqs: number[] = [];
      const series: [string, string, number][] = [
        [`J${ns}`, 'inspection_record', 2026],
        [`J${ns}`, 'inspection_record', 2027],
        [`K${ns}`, 'inspection_record', 2026],
        [`J${ns}`, 'review_opinion', 2026],
        [`J${ns}`, 'inspection_record', 2026],
      ];
      for (const [i, [jurisdiction, kind, year]] of series.entries()) {
        const r = await store.append(reportInput(`H-${ns}-${i}`, T0 + i, (eventId) => [{ jurisdiction, kind, year, eventId }]).input);
        seqs.push(r.kind === 'ok' ? (r.documents?.[0]?.seq ?? 0) : 0);
      }
      expect(seqs).toEqual([1, 1, 1, 1, 2]);
    });

    test('16 concurrent issuers of one series: numbers 1..16, no gap, no duplicate', async (store, ns) => {
      const j = `J${ns}`;
      const inputs = Array.from({ length: 16 }, (_, i) => reportInput(`H-${ns}-${i}`, T0 + i, (eventId) => [{ jurisdiction: j, kind: 'rectification_order', year: 2026, eventId }]).input);
      const results = await Promise.all(inputs.map((input) => store.append(input)));
      const seqs = results.map((r) => (r.kind === 'ok' ? (r.documents?.[0]?.seq ?? 0) : 0));
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      const stored = await store.readDocumentSeries({ jurisdiction: j, kind: 'rectification_order', year: 2026 }, 1, 100);
      expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      // Each number belongs to the hazard whose append returned it.
      for (const [i, r] of results.entries()) expect(stored.find((x) => x.seq === seqs[i])?.hazardId).toBe(r.kind === 'ok' ? `H-${ns}-${i}` : 'none');
    });

    test('recordDocumentHash records once; findDocumentByCode finds it', async (store, ns) => {
      const j = `J${ns}`;
      const a = reportInput(`H-${ns}`, T0, (eventId) => [{ jurisdiction: j, kind: 'inspection_record', year: 2026, eventId }]);
      expect((await store.append(a.input)).kind).toBe('ok');
      const at = '2026-10-12T02:00:00.000Z';
      const key = { jurisdiction: j, kind: 'inspection_record', year: 2026, seq: 1 };
      const code = `C${ns}`;
      const first = await store.recordDocumentHash({ ...key, contentHash: 'a'.repeat(64), verificationCode: code, content: '{"a":1}', at });
      expect(first.kind).toBe('recorded');
      const again = await store.recordDocumentHash({ ...key, contentHash: 'b'.repeat(64), verificationCode: `D${ns}`, content: '{"b":1}', at });
      expect(again.kind).toBe('exists');
      if (again.kind === 'exists') expect([again.record.contentHash, again.record.verificationCode, again.record.hashedAt]).toEqual(['a'.repeat(64), code, at]);
      expect((await store.recordDocumentHash({ ...key, seq: 2, contentHash: 'c'.repeat(64), verificationCode: `E${ns}`, content: '{"c":1}', at })).kind).toBe('not-found');
      const found = await store.findDocumentByCode(code);
      expect(found?.hazardId).toBe(`H-${ns}`);
      expect(found?.contentHash).toBe('a'.repeat(64));
      expect(await store.findDocumentByCode(`D${ns}`)).toBeNull();
      // Another number cannot take a recorded code.
      const b = reportInput(`H-${ns}-b`, T0 + 1, (eventId) => [{ jurisdiction: j, kind: 'inspection_record', year: 2026, eventId }]);
      expect((await store.append(b.input)).kind).toBe('ok');
      expect((await store.recordDocumentHash({ ...key, seq: 2, contentHash: 'd'.repeat(64), verificationCode: code, content: '{"d":1}', at })).kind).toBe('code-taken');
      expect((await store.readDocuments(`H-${ns}-b`))[0]?.contentHash).toBeNull();
    });

    test('voidDocument voids once; the number stays taken and the next is not reused', async (store, ns) => {
      const j = `J${ns}`;
      const req = (eventId: string) => [{ jurisdiction: j, kind: 'inspection_record', year: 2026, eventId }];
      expect((await store.append(reportInput(`H-${ns}-a`, T0, req).input)).kind).toBe('ok');
      const key = { jurisdiction: j, kind: 'inspection_record', year: 2026, seq: 1 };
      const at = '2026-10-13T01:00:00.000Z';
      const first = await store.voidDocument({ ...key, reason: '文书内容有误', actorId: 'officer-1', at });
      expect(first.kind).toBe('voided');
      if (first.kind === 'voided') expect(first.record.voided).toEqual({ at, reason: '文书内容有误', actorId: 'officer-1' });
      const again = await store.voidDocument({ ...key, reason: 'again', actorId: 'officer-2', at: '2026-10-14T01:00:00.000Z' });
      expect(again.kind).toBe('already-voided');
      if (again.kind === 'already-voided') expect(again.record.voided?.reason).toBe('文书内容有误');
      expect((await store.voidDocument({ ...key, seq: 9, reason: 'x', actorId: 'o', at })).kind).toBe('not-found');
      expect((await store.readDocuments(`H-${ns}-a`))[0]?.voided?.actorId).toBe('officer-1');
      const r = await store.append(reportInput(`H-${ns}-b`, T0 + 1, req).input);
      expect(r.kind === 'ok' ? r.documents?.[0]?.seq : null).toBe(2);
    });

    test('a void reason or actor that is not one well-formed text (lone surrogate, U+0000, bidi control, blank, over 500) throws StoreError INVALID_DOCUMENT and writes nothing', async (store, ns) => {
      const j = `J${ns}`;
      expect((await store.append(reportInput(`H-${ns}`, T0, (eventId) => [{ jurisdiction: j, kind: 'inspection_record', year: 2026, eventId }]).input)).kind).toBe('ok');
      const key = { jurisdiction: j, kind: 'inspection_record', year: 2026, seq: 1 };
      const at = '2026-10-13T01:00:00.000Z';
      const trail = async () => (await store.readHazardDocumentTrail(`H-${ns}`)).length;
      const before = await trail();
      const refused = async (reason: unknown, actorId: unknown = 'officer-1'): Promise<unknown> => {
        try {
          await store.voidDocument({ ...key, reason: reason as string, actorId: actorId as string, at });
        } catch (e) {
          return isStoreError(e) ? e.code : e;
        }
        return 'written';
      };
      // A lone surrogate is hashed as given but stored as U+FFFD (UTF-8 cannot hold it): the trail would fail audit forever.
      const reasons: unknown[] = ['有误 \uD800', '有误 \uDC00 x', 'a\u0000b', '有误\u202E', '\u200B\u3000', ' ', '', '误'.repeat(501), undefined, null, 42];
      for (const reason of reasons) {
        expect([reason, await refused(reason)]).toEqual([reason, 'INVALID_DOCUMENT']);
        expect((await store.readDocuments(`H-${ns}`))[0]?.voided).toBeNull();
        expect(await trail()).toBe(before);
      }
      for (const actorId of ['officer\uD800', '', 'a\u0000', null]) expect([actorId, await refused('有误', actorId)]).toEqual([actorId, 'INVALID_DOCUMENT']);
      expect((await store.readDocuments(`H-${ns}`))[0]?.voided).toBeNull();
      // Lines, tabs and emoji are text as written: voided once, the reason kept as given.
      const ok = await store.voidDocument({ ...key, reason: '文书内容有误 😀\n已重新出具', actorId: 'officer-1', at });
      expect(ok.kind === 'voided' ? ok.record.voided?.reason : ok.kind).toBe('文书内容有误 😀\n已重新出具');
      expect(await trail()).toBe(before + 1);
      // A bad reason is refused even for a number already voided.
      expect(await refused('again \uD800')).toBe('INVALID_DOCUMENT');
      expect(await trail()).toBe(before + 1);
    });

    test('the content is stored with the hash and read back byte for byte; issuing again never overwrites it', async (store, ns) => {
      const j = `J${ns}`;
      const req = (eventId: string) => [{ jurisdiction: j, kind: 'rectification_order', year: 2026, eventId }];
      expect((await store.append(reportInput(`H-${ns}-a`, T0, req).input)).kind).toBe('ok');
      expect((await store.append(reportInput(`H-${ns}-b`, T0 + 1, req).input)).kind).toBe('ok');
      const key = { jurisdiction: j, kind: 'rectification_order', year: 2026, seq: 1 };
      // Not issued yet, or never allocated: no content.
      expect(await store.readDocumentContent(key)).toBeNull();
      expect(await store.readDocumentContent({ ...key, seq: 9 })).toBeNull();
      // Text as given: key order, spacing, escapes and astral characters survive (never re-serialised as JSON).
      const content = `{"z":1,  "a":"老王饭店\\u0022 \u{20BB7}\u{1F600}","n":1.50,"e":"\\u0000"}\n`;
      const at = '2026-10-12T02:00:00.000Z';
      const issued = await store.recordDocumentHash({ ...key, contentHash: 'a'.repeat(64), verificationCode: `C${ns}`, content, at });
      expect(issued.kind).toBe('recorded');
      expect(await store.readDocumentContent(key)).toBe(content);
      // Again with other content — another hash, or the same hash — changes nothing.
      expect((await store.recordDocumentHash({ ...key, contentHash: 'b'.repeat(64), verificationCode: `D${ns}`, content: '{"other":1}', at })).kind).toBe('exists');
      expect((await store.recordDocumentHash({ ...key, contentHash: 'a'.repeat(64), verificationCode: `C${ns}`, content: '{"same-hash":1}', at })).kind).toBe('exists');
      expect(await store.readDocumentContent(key)).toBe(content);
      // A refused issue (the code is another number's) stores no content either.
      expect((await store.recordDocumentHash({ ...key, seq: 2, contentHash: 'c'.repeat(64), verificationCode: `C${ns}`, content: '{"taken":1}', at })).kind).toBe('code-taken');
      expect(await store.readDocumentContent({ ...key, seq: 2 })).toBeNull();
      // A voided document keeps its content: what was issued stays readable.
      expect((await store.voidDocument({ ...key, reason: '有误', actorId: 'officer-1', at })).kind).toBe('voided');
      expect(await store.readDocumentContent(key)).toBe(content);
      // Concurrent issuers of one number: one records its hash and content, the content is that one's and stays.
      expect((await store.append(reportInput(`H-${ns}-c`, T0 + 2, req).input)).kind).toBe('ok');
      const racers = Array.from({ length: 8 }, (_, i) => ({ ...key, seq: 3, contentHash: String(i).repeat(64), verificationCode: `R${i}${ns}`, content: `{"racer":${i}}`, at }));
      const results = await Promise.all(racers.map((input) => store.recordDocumentHash(input)));
      const winners = results.flatMap((r, i) => (r.kind === 'recorded' ? [i] : []));
      expect(winners.length).toBe(1);
      expect(await store.readDocumentContent({ ...key, seq: 3 })).toBe(`{"racer":${winners[0]}}`);
      expect((await store.readDocuments(`H-${ns}-c`))[0]?.contentHash).toBe(String(winners[0]).repeat(64));
      // The same issue at once (a command and its retry): one records, the others find it issued — none is refused.
      expect((await store.append(reportInput(`H-${ns}-d`, T0 + 3, req).input)).kind).toBe('ok');
      const same = { ...key, seq: 4, contentHash: 'f'.repeat(64), verificationCode: `S${ns}`, content: '{"same":1}', at };
      const kinds = (await Promise.all(Array.from({ length: 8 }, () => store.recordDocumentHash(same)))).map((r) => r.kind).sort();
      expect(kinds).toEqual(['exists', 'exists', 'exists', 'exists', 'exists', 'exists', 'exists', 'recorded']);
      expect(await store.readDocumentContent({ ...key, seq: 4 })).toBe('{"same":1}');
      // Contents are per number.
      const large = `{"blocks":"${'隐'.repeat(200_000)}"}`;
      expect((await store.recordDocumentHash({ ...key, seq: 2, contentHash: 'e'.repeat(64), verificationCode: `E${ns}`, content: large, at })).kind).toBe('recorded');
      expect(await store.readDocumentContent({ ...key, seq: 2 })).toBe(large);
      expect(await store.readDocumentContent(key)).toBe(content);
    });

    test('issuing appends one entry to the document trail, chained, once per number; refusals and concurrent issuers append no other', async (store, ns) => {
      const j = `J${ns}`;
      const req = (eventId: string) => [{ jurisdiction: j, kind: 'rectification_order', year: 2026, eventId }];
      for (const [i, h] of ['a', 'b', 'c'].entries()) expect((await store.append(reportInput(`H-${ns}-${h}`, T0 + i, req).input)).kind).toBe('ok');
      const key = { jurisdiction: j, kind: 'rectification_order', year: 2026, seq: 1 };
      const at = '2026-10-12T02:00:00.000Z';
      const mine = async (): Promise<DocumentTrailEntry[]> => {
        const all: DocumentTrailEntry[] = [];
        for (let from = 1; ;) {
          const page = await store.readDocumentTrail(from, 100);
          all.push(...page);
          if (page.length < 100) break;
          from = (page[page.length - 1] as DocumentTrailEntry).seq + 1;
        }
        // The whole trail is one chain: seq 1, 2, 3 …, each entry hashed and linked to the one before.
        all.forEach((e, i) => {
          expect(e.seq).toBe(i + 1);
          expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : all[i - 1]?.hash);
          expect(documentTrailEntryHash(e)).toBe(e.hash);
        });
        return all.filter((e) => e.jurisdiction === j);
      };
      expect(await mine()).toEqual([]);
      const content = '{"issued":1}';
      expect((await store.recordDocumentHash({ ...key, contentHash: 'a'.repeat(64), verificationCode: `C${ns}`, content, at })).kind).toBe('recorded');
      const [first] = await store.readDocuments(`H-${ns}-a`);
      const [entry, ...others] = await mine();
      expect(others).toEqual([]);
      const { seq: _seq, prevHash: _prev, hash: _hash, logSize, ...fields } = entry as DocumentTrailEntry;
      expect(fields).toEqual({
        jurisdiction: j,
        kind: 'rectification_order',
        year: 2026,
        documentSeq: 1,
        hazardId: `H-${ns}-a`,
        eventId: first?.eventId,
        contentHash: 'a'.repeat(64),
        verificationCode: `C${ns}`,
        contentDigest: documentContentDigest(content),
        issuedAt: at,
        chainedAt: at,
      });
      expect(logSize).toBeGreaterThan(2);
      // Issued again (same or other hash), a refused code, a number never allocated: no entry.
      await store.recordDocumentHash({ ...key, contentHash: 'a'.repeat(64), verificationCode: `C${ns}`, content, at });
      await store.recordDocumentHash({ ...key, contentHash: 'b'.repeat(64), verificationCode: `D${ns}`, content: '{"other":1}', at });
      expect((await store.recordDocumentHash({ ...key, seq: 2, contentHash: 'c'.repeat(64), verificationCode: `C${ns}`, content: '{"taken":1}', at })).kind).toBe('code-taken');
      expect((await store.recordDocumentHash({ ...key, seq: 9, contentHash: 'c'.repeat(64), verificationCode: `N${ns}`, content: '{"none":1}', at })).kind).toBe('not-found');
      expect((await mine()).map((e) => e.documentSeq)).toEqual([1]);
      // Concurrent issuers of one number: one entry, the winner's.
      const racers = Array.from({ length: 8 }, (_, i) => ({ ...key, seq: 2, contentHash: String(i).repeat(64), verificationCode: `R${i}${ns}`, content: `{"racer":${i}}`, at }));
      const results = await Promise.all(racers.map((input) => store.recordDocumentHash(input)));
      const winner = results.findIndex((r) => r.kind === 'recorded');
      const entries = await mine();
      expect(entries.map((e) => e.documentSeq)).toEqual([1, 2]);
      const second = entries[1]?.type === undefined ? entries[1] : undefined;
      expect([second?.contentHash, second?.contentDigest]).toEqual([String(winner).repeat(64), documentContentDigest(`{"racer":${winner}}`)]);
    });

    test('voiding appends one void entry to the document trail, once per number; a void written before voids were chained is chained by voiding again', async (store, ns) => {
      const j = `V${ns}`;
      const req = (eventId: string) => [{ jurisdiction: j, kind: 'rectification_order', year: 2026, eventId }];
      for (const [i, h] of ['a', 'b'].entries()) expect((await store.append(reportInput(`H-${ns}-${h}`, T0 + i, req).input)).kind).toBe('ok');
      const key = { jurisdiction: j, kind: 'rectification_order', year: 2026, seq: 1 };
      const at = '2026-10-12T03:00:00.000Z';
      const mine = async (): Promise<DocumentTrailEntry[]> => {
        const all: DocumentTrailEntry[] = [];
        for (let from = 1; ;) {
          const page = await store.readDocumentTrail(from, 100);
          all.push(...page);
          if (page.length < 100) break;
          from = (page[page.length - 1] as DocumentTrailEntry).seq + 1;
        }
        all.forEach((e, i) => {
          expect(e.seq).toBe(i + 1);
          expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : all[i - 1]?.hash);
          expect(documentTrailEntryHash(e)).toBe(e.hash);
        });
        return all.filter((e) => e.jurisdiction === j);
      };
      expect((await store.recordDocumentHash({ ...key, contentHash: 'a'.repeat(64), verificationCode: `W${ns}`, content: '{"v":1}', at })).kind).toBe('recorded');
      // Eight voids of one number at once: one is the void, one entry.
      const voids = await Promise.all(Array.from({ length: 8 }, (_, i) => store.voidDocument({ ...key, reason: `有误 ${i}`, actorId: `officer-${i}`, at: `2026-10-12T04:00:0${i}.000Z` })));
      const won = voids.findIndex((r) => r.kind === 'voided');
      expect(voids.filter((r) => r.kind === 'voided').length).toBe(1);
      const [issued, voided, ...rest] = await mine();
      expect(rest).toEqual([]);
      expect(issued?.type).toBe(undefined);
      const [first] = await store.readDocuments(`H-${ns}-a`);
      const { seq: _seq, prevHash: _prev, hash: _hash, logSize, ...fields } = voided as DocumentTrailEntry;
      expect(fields).toEqual({
        type: 'voided',
        jurisdiction: j,
        kind: 'rectification_order',
        year: 2026,
        documentSeq: 1,
        hazardId: `H-${ns}-a`,
        eventId: first?.eventId,
        voidedAt: `2026-10-12T04:00:0${won}.000Z`,
        reason: `有误 ${won}`,
        actorId: `officer-${won}`,
        chainedAt: `2026-10-12T04:00:0${won}.000Z`,
      });
      expect(first?.voided).toEqual({ at: fields.type === 'voided' ? fields.voidedAt : '', reason: `有误 ${won}`, actorId: `officer-${won}` });
      expect(logSize).toBeGreaterThan(1);
      // Voided again, a number never allocated: no entry.
      expect((await store.voidDocument({ ...key, reason: 'again', actorId: 'officer-9', at: '2026-10-13T00:00:00.000Z' })).kind).toBe('already-voided');
      expect((await store.voidDocument({ ...key, seq: 9, reason: 'none', actorId: 'officer-9', at })).kind).toBe('not-found');
      expect((await mine()).length).toBe(2);
      // A number allocated but never issued is voided and chained too.
      expect((await store.voidDocument({ ...key, seq: 2, reason: '未出具', actorId: 'officer-1', at: '2026-10-13T01:00:00.000Z' })).kind).toBe('voided');
      expect((await mine()).map((e) => [e.type ?? 'issued', e.documentSeq])).toEqual([
        ['issued', 1],
        ['voided', 1],
        ['voided', 2],
      ]);
    });

    test("readHazardDocumentTrail reads one hazard's issue and void entries in seq order; readDocumentIssueBefore the chained number below", async (store, ns) => {
      const j = `T${ns}`;
      const req = (eventId: string) => [{ jurisdiction: j, kind: 'rectification_order', year: 2026, eventId }];
      for (const [i, h] of ['a', 'b', 'c', 'd'].entries()) expect((await store.append(reportInput(`H-${ns}-${h}`, T0 + i, req).input)).kind).toBe('ok');
      const key = { jurisdiction: j, kind: 'rectification_order', year: 2026 };
      const at = '2026-10-12T06:00:00.000Z';
      // #1 (a) issued then voided, #3 (c) issued, #2 (b) voided without issue, #4 (d) only numbered.
      expect((await store.recordDocumentHash({ ...key, seq: 1, contentHash: '1'.repeat(64), verificationCode: `T1${ns}`, content: '{"t":1}', at })).kind).toBe('recorded');
      expect((await store.recordDocumentHash({ ...key, seq: 3, contentHash: '3'.repeat(64), verificationCode: `T3${ns}`, content: '{"t":3}', at })).kind).toBe('recorded');
      expect((await store.voidDocument({ ...key, seq: 1, reason: '有误', actorId: 'officer-1', at: '2026-10-12T07:00:00.000Z' })).kind).toBe('voided');
      expect((await store.voidDocument({ ...key, seq: 2, reason: '未出具', actorId: 'officer-1', at: '2026-10-12T07:00:00.000Z' })).kind).toBe('voided');
      const whole: DocumentTrailEntry[] = [];
      for (let from = 1; ;) {
        const page = await store.readDocumentTrail(from, 100);
        whole.push(...page);
        if (page.length < 100) break;
        from = (page[page.length - 1] as DocumentTrailEntry).seq + 1;
      }
      // Exactly the entries the whole trail holds about each hazard, as the whole trail reads them.
      for (const h of ['a', 'b', 'c', 'd']) {
        const hazardId = `H-${ns}-${h}`;
        expect(await store.readHazardDocumentTrail(hazardId)).toEqual(whole.filter((e) => e.hazardId === hazardId));
      }
      expect((await store.readHazardDocumentTrail(`H-${ns}-a`)).map((e) => [e.type ?? 'issued', e.documentSeq])).toEqual([
        ['issued', 1],
        ['voided', 1],
      ]);
      expect(await store.readHazardDocumentTrail(`H-${ns}-d`)).toEqual([]);
      expect(await store.readHazardDocumentTrail(`H-${ns}-none`)).toEqual([]);
      // The issue entry of the highest chained number below: voids and unissued numbers are skipped.
      const issueOf = (n: number) => whole.find((e) => e.type === undefined && e.jurisdiction === j && e.documentSeq === n);
      expect(await store.readDocumentIssueBefore(key, 9)).toEqual(issueOf(3));
      expect(await store.readDocumentIssueBefore(key, 4)).toEqual(issueOf(3));
      expect(await store.readDocumentIssueBefore(key, 3)).toEqual(issueOf(1));
      expect(await store.readDocumentIssueBefore(key, 1)).toBeNull();
      expect(await store.readDocumentIssueBefore({ ...key, year: 2027 }, 9)).toBeNull();
      expect(await store.readDocumentIssueBefore({ ...key, kind: 'inspection_record' }, 9)).toBeNull();
    });

    test('readDocumentRegister (when the store has it) pages the whole register once, each number with its content', async (store, ns) => {
      if (!store.readDocumentRegister) return;
      const j = `P${ns}`;
      const kinds = ['inspection_record', 'rectification_order'];
      const req = (eventId: string) => kinds.map((kind) => ({ jurisdiction: j, kind, year: 2026, eventId }));
      for (const [i, h] of ['a', 'b', 'c'].entries()) expect((await store.append(reportInput(`H-${ns}-${h}`, T0 + i, req).input)).kind).toBe('ok');
      const at = '2026-10-12T05:00:00.000Z';
      expect(
        (await store.recordDocumentHash({ jurisdiction: j, kind: 'rectification_order', year: 2026, seq: 2, contentHash: 'd'.repeat(64), verificationCode: `G${ns}`, content: '{"page":2}', at })).kind,
      ).toBe('recorded');
      const seen: string[] = [];
      const mine: Array<[string, number, string, string | null]> = [];
      for (let after: { jurisdiction: string; kind: string; year: number; seq: number } | null = null; ;) {
        const page = await store.readDocumentRegister(after, 2);
        for (const r of page) {
          seen.push(`${r.jurisdiction}\n${r.kind}\n${r.year}\n${r.seq}`);
          if (r.jurisdiction === j) mine.push([r.kind, r.seq, r.hazardId, r.content]);
        }
        const last = page[page.length - 1];
        if (page.length < 2 || !last) break;
        after = { jurisdiction: last.jurisdiction, kind: last.kind, year: last.year, seq: last.seq };
      }
      expect(new Set(seen).size).toBe(seen.length);
      const expected: Array<[string, number, string, string | null]> = [];
      for (const kind of kinds) for (const [i, h] of ['a', 'b', 'c'].entries()) expected.push([kind, i + 1, `H-${ns}-${h}`, kind === 'rectification_order' && i === 1 ? '{"page":2}' : null]);
      expect(mine.sort((x, y) => (x[0] === y[0] ? x[1] - y[1] : x[0] < y[0] ? -1 : 1))).toEqual(expected);
    });

    test('a content that is not 1 to MAX_DOCUMENT_CONTENT_LENGTH characters of well-formed text throws StoreError INVALID_DOCUMENT and writes nothing', async (store, ns) => {
      const j = `J${ns}`;
      expect((await store.append(reportInput(`H-${ns}`, T0, (eventId) => [{ jurisdiction: j, kind: 'inspection_record', year: 2026, eventId }]).input)).kind).toBe('ok');
      const key = { jurisdiction: j, kind: 'inspection_record', year: 2026, seq: 1 };
      for (const content of ['', 'x'.repeat(MAX_DOCUMENT_CONTENT_LENGTH + 1), 'a\u0000b', 'lone \uD800 surrogate', undefined, null, 42]) {
        let error: unknown;
        try {
          await store.recordDocumentHash({ ...key, contentHash: 'a'.repeat(64), verificationCode: `C${ns}`, content: content as string, at: '2026-10-12T02:00:00.000Z' });
        } catch (e) {
          error = e;
        }
        expect(isStoreError(error) ? error.code : error).toBe('INVALID_DOCUMENT');
        expect((await store.readDocuments(`H-${ns}`))[0]?.contentHash).toBeNull();
        expect(await store.readDocumentContent(key)).toBeNull();
      }
    });

    test('invalid document requests throw StoreError INVALID_APPEND and write nothing', async (store, ns) => {
      const bad: ((eventId: string) => DocumentNumberRequest[])[] = [
        () => [{ jurisdiction: 'J', kind: 'inspection_record', year: 2026, eventId: 'not-an-appended-event' }],
        (eventId) => [{ jurisdiction: 'J J', kind: 'inspection_record', year: 2026, eventId }],
        (eventId) => [{ jurisdiction: 'J', kind: 'inspection_record', year: 26, eventId }],
        (eventId) => [
          { jurisdiction: 'J', kind: 'inspection_record', year: 2026, eventId },
          { jurisdiction: 'J', kind: 'inspection_record', year: 2026, eventId },
        ],
      ];
      for (const [i, documents] of bad.entries()) {
        const { input } = reportInput(`H-${ns}-${i}`, T0 + i, documents);
        let error: unknown;
        try {
          await store.append(input);
        } catch (e) {
          error = e;
        }
        expect(isStoreError(error) ? error.code : error).toBe('INVALID_APPEND');
        expect(await store.readEvents(`H-${ns}-${i}`)).toEqual([]);
      }
    });
  });
}
