// What was issued is served byte for byte for ever: every kind issued from a chain run on a
// store, then the directory (an enterprise renamed, an officer's name and 执法证号 changed)
// and every template (a new version, new wording) change — readers get the same content,
// hash and HTML bytes. Shared by this package's memory-store test and documents-pdf's tests
// on a SQLite file and on PostgreSQL (which also compare PDF bytes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '@anjian/core';
import type { DocumentKey } from '@anjian/core/ports';
import { expect } from 'vitest';
import { DOCUMENT_KINDS, issueDocument, issueEventDocuments, loadOverride, loadTemplate, readIssuedDocument, renderDocumentHtml, type LoadedTemplate, type ServedDocument } from '../src/index.js';
import { builtinTemplateFile, builtinTemplatesDir, loadBuiltinTemplate } from '../src/node/index.js';
import { runChain, TEST_DOCUMENT_ACTORS, TEST_DOCUMENT_ENTERPRISES, TEST_NUMBERED_OVERRIDE_YAML, testDocumentDirectory } from './chain-run.js';

const loaded = loadOverride(TEST_NUMBERED_OVERRIDE_YAML, 'd1.yaml');
if (!loaded.ok) throw new Error('override');
const override = loaded.value;
const HAZARDS = ['H-ALARM', 'H-HOSE', 'H-TANK'] as const;

/** The templates as shipped, and each changed after the issue: a new version, and new wording of the order. */
function templates(changed: boolean): LoadedTemplate[] {
  return DOCUMENT_KINDS.map((kind) => {
    if (!changed) return loadBuiltinTemplate(kind);
    const text = readFileSync(join(builtinTemplatesDir(), builtinTemplateFile(kind)), 'utf8')
      .replace(/^version: .*$/m, 'version: 9.0.0')
      .replace('本机关将依法处理', '本机关将依法从严处理');
    const t = loadTemplate(text, `${kind}.yaml`);
    if (!t.ok) throw new Error(`${kind}: ${JSON.stringify(t.issues)}`);
    return t.value;
  });
}

/** The directory as at issue, and changed since: E1 renamed, officer-gas-d1 with another name and 执法证号. */
function directory(changed: boolean) {
  if (!changed) return testDocumentDirectory();
  const e1 = TEST_DOCUMENT_ENTERPRISES.find((e) => e.id === 'E1')!;
  const officer = TEST_DOCUMENT_ACTORS.find((a) => a.id === 'officer-gas-d1')!;
  return testDocumentDirectory({ enterprises: [{ ...e1, name: '测试餐馆一（已更名）' }], actors: [{ ...officer, name: '张明明', certificateNo: 'GAS-D1-9999' }] });
}

async function read(store: Store, hazardId: string, kind: string, eventId: string, changed: boolean): Promise<ServedDocument> {
  const template = templates(changed).find((t) => t.template.kind === kind)!;
  const served = await readIssuedDocument({ store, hazardId, eventId, template, override, directory: directory(changed) });
  if (!served.ok) throw new Error(`${hazardId} ${kind}: ${JSON.stringify(served.issues)}`);
  return served.value;
}

/** One issued document as first read: its key, event and what it rendered to. */
export interface IssuedSnapshot {
  hazardId: string;
  key: DocumentKey;
  eventId: string;
  hash: string;
  html: string;
  served: ServedDocument;
}

/**
 * Runs the chain on `store`, issues every document of it (as the acting officers' commands
 * do), reads each, changes the directory and the templates, and checks each reads the same.
 * `dropContent` deletes a stored content the way a database from before contents were kept
 * has none (raw SQL on a real store). With `renderPdf`, the PDF bytes of two kinds are
 * compared as well. Returns the snapshots as first read.
 */
export async function checkIssuedStands(
  store: Store,
  dropContent: (key: DocumentKey) => Promise<void>,
  renderPdf?: (document: ServedDocument['document']) => Promise<Uint8Array>,
): Promise<IssuedSnapshot[]> {
  await runChain(store, { numbered: true });
  const now = '2026-11-21T00:00:00.000Z';
  for (const hazardId of HAZARDS) {
    const eventIds = (await store.readEvents(hazardId)).map((e) => e.id);
    const outcomes = await issueEventDocuments({ store, hazardId, eventIds, templates: templates(false), override, directory: directory(false), now });
    expect(
      outcomes.every((o) => o.issued),
      JSON.stringify(outcomes),
    ).toBe(true);
  }
  const snapshots: IssuedSnapshot[] = [];
  for (const hazardId of HAZARDS) {
    for (const r of await store.readDocuments(hazardId)) {
      const served = await read(store, hazardId, r.kind, r.eventId, false);
      expect([served.source, served.document.verification.hash]).toEqual(['register', r.contentHash]);
      snapshots.push({
        hazardId,
        key: { jurisdiction: r.jurisdiction, kind: r.kind, year: r.year, seq: r.seq },
        eventId: r.eventId,
        hash: r.contentHash!,
        html: renderDocumentHtml(served.document),
        served,
      });
    }
  }
  expect(new Set(snapshots.map((s) => s.key.kind))).toEqual(new Set(DOCUMENT_KINDS));

  // The directory and every template change after the issue: each issued document reads the same, byte for byte.
  for (const s of snapshots) {
    const after = await read(store, s.hazardId, s.key.kind, s.eventId, true);
    expect([after.source, after.document.verification.hash, after.document.verification.code, after.record.contentHash], s.key.kind).toEqual([
      'register',
      s.hash,
      s.served.document.verification.code,
      s.hash,
    ]);
    expect(renderDocumentHtml(after.document) === s.html, s.key.kind).toBe(true);
    // The PDF too (rendering costs: two kinds), so a file issued before verifies as unchanged.
    if (renderPdf && (s.key.kind === 'rectification_order' || s.key.kind === 'penalty_decision')) {
      expect(Buffer.compare(await renderPdf(after.document), await renderPdf(s.served.document)), s.key.kind).toBe(0);
    }
  }
  const order = snapshots.find((s) => s.key.kind === 'rectification_order')!;
  expect(order.html).toContain('测试餐馆一');
  expect(order.html).not.toContain('已更名');

  // A document issued before stores kept contents (the row deleted as a migrated database has none):
  // composed again, it is served — marked — only while it is the content registered then.
  await dropContent(order.key);
  const recomposed = await read(store, order.hazardId, 'rectification_order', order.eventId, false);
  expect([recomposed.source, recomposed.document.verification.hash]).toEqual(['recomposed', order.hash]);
  // The content kept and the content composed again render the same bytes.
  expect(renderDocumentHtml(recomposed.document) === order.html).toBe(true);
  const template = templates(true).find((t) => t.template.kind === 'rectification_order')!;
  const changed = await readIssuedDocument({ store, hazardId: order.hazardId, eventId: order.eventId, template, override, directory: directory(true) });
  expect(changed.ok ? 'served' : changed.issues.map((i) => i.code)).toEqual(['DOCUMENT_CHANGED']);
  expect(changed.ok ? '' : changed.issues[0]!.message.en).toContain('before the store kept issued contents');
  expect(changed.ok ? '' : changed.issues[0]!.message['zh-CN']).toContain('当时存储尚未保存文书原文');
  // An officer issues it again while it composes to the registered hash: the content is stored, and stands from then on.
  const issuedAgain = await issueDocument({
    store,
    hazardId: order.hazardId,
    eventId: order.eventId,
    template: templates(false).find((t) => t.template.kind === 'rectification_order')!,
    override,
    directory: directory(false),
    now,
  });
  expect(issuedAgain.ok && issuedAgain.value.record.contentHash).toBe(order.hash);
  const kept = await read(store, order.hazardId, 'rectification_order', order.eventId, true);
  expect([kept.source, kept.document.verification.hash]).toEqual(['register', order.hash]);
  expect(renderDocumentHtml(kept.document) === order.html).toBe(true);
  // Issuing again with other content never overwrites the stored one.
  const other = await issueDocument({ store, hazardId: order.hazardId, eventId: order.eventId, template, override, directory: directory(true), now });
  expect(other.ok ? 'issued' : other.issues.map((i) => i.code)).toEqual(['DOCUMENT_CHANGED']);
  expect(renderDocumentHtml((await read(store, order.hazardId, 'rectification_order', order.eventId, true)).document) === order.html).toBe(true);
  return snapshots;
}
