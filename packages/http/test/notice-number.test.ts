// A rectification notice has one number, the register's: an issue_notice that types its own
// (noticeNo) is refused at /noticeNo, in both languages, with nothing recorded; the notice
// issued without one is numbered by the document register and its PDF prints that number.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, loadOverride, type DocumentDirectory } from '@anjian/documents';
import { loadBuiltinTemplate } from '@anjian/documents/node';
import { findSystemCjkFont, renderDocumentPdf } from '../../documents-pdf/src/index.js';
import { createHarness, MISMATCHES } from './harness.js';

const OVERRIDE =
  'format: anjian-document-override/1\njurisdiction: D1\ndepartment: 北京市东城区应急管理局\nnumberPrefix: （东）应急\nreconsideration: { government: 北京市东城区人民政府, court: 北京市东城区人民法院 }\n';
const font = findSystemCjkFont();
const dir = mkdtempSync(join(tmpdir(), 'anjian-notice-no-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const directory: DocumentDirectory = {
  enterprise: async (id) => (id === 'E1' ? { id, name: '老王饭店', address: '东城区和平里北街18号', legalRepresentative: '王建国' } : null),
  officer: async (id) => ({ id, name: id === 'grid-g1' ? '陈静' : id }),
};
const BASIS = [
  {
    regulation: 'gas-regulation',
    clause: '第十八条',
    number: '国务院令第583号',
    edition: '2016',
    title: { 'zh-CN': '城镇燃气管理条例' },
    status: 'current' as const,
    confidence: 'verified' as const,
  },
];

describe.skipIf(!font)('a rectification notice is numbered by the register, never typed', () => {
  it('refuses a typed noticeNo (422 at /noticeNo, nothing recorded); the notice issued without one prints the register number', async () => {
    const override = loadOverride(OVERRIDE, 'd1.yaml');
    if (!override.ok) throw new Error('override');
    const mismatches = MISMATCHES.length;
    const d = await createHarness('2026-11-02T01:00:00Z', undefined, undefined, undefined, {
      documents: {
        templates: DOCUMENT_KINDS.map((k) => loadBuiltinTemplate(k)),
        override: override.value,
        directory,
        renderPdf: (doc) => renderDocumentPdf(doc, { font: font! }),
      },
    });
    const id = await d.seed('H-NO', 'grid-g1', { basis: BASIS });
    const notice = (body: Record<string, unknown>, key: string) => d.call('grid-g1', 'POST', `/hazards/${id}/commands`, { body, headers: { 'idempotency-key': key } });
    const logBefore = (await d.store.readLog(1, 100)).length;

    // The number the grid inspector types is refused at its field, whatever it holds; nothing is written or numbered.
    for (const noticeNo of ['D1-2026-017', '']) {
      const typed = await notice({ type: 'issue_notice', noticeNo }, `typed-${noticeNo || 'empty'}`);
      expect([typed.status, typed.body.code, typed.body.issues?.map((i: { code: string; pointer: string }) => [i.code, i.pointer])]).toEqual([
        422,
        'INVALID_COMMAND',
        [['SERVER_ASSIGNED', '/noticeNo']],
      ]);
      expect(typed.body.issues[0].message).toEqual({ 'zh-CN': expect.stringContaining('通知书编号由服务器分配'), en: expect.stringContaining('the notice number is assigned by the server') });
    }
    expect((await d.store.readLog(1, 100)).length).toBe(logBefore);
    expect((await d.call('grid-g1', 'GET', `/hazards/${id}`)).body.state).toMatchObject({ version: 1, status: 'reported', noticeIssuedAt: null });
    expect((await d.call('grid-g1', 'GET', `/hazards/${id}/documents`)).body.items).toEqual([]);

    // Issued without a number: the register gives it one, the event carries none.
    const issued = await notice({ type: 'issue_notice' }, 'notice-1');
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.events[0].data.noticeNo).toBeUndefined();
    expect(issued.body.documents.map((x: { kind: string; number: string }) => [x.kind, x.number])).toEqual([['rectification_notice', '（东）应急隐改〔2026〕1号']]);
    const list = await d.call('grid-g1', 'GET', `/hazards/${id}/documents`);
    expect(list.body.items.map((x: { kind: string; number: string }) => [x.kind, x.number])).toEqual([['rectification_notice', '（东）应急隐改〔2026〕1号']]);

    const pdf = await d.call('grid-g1', 'GET', `/hazards/${id}/documents/rectification_notice?format=pdf`);
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(200);
    const file = join(dir, 'notice.pdf');
    writeFileSync(file, pdf.body as Uint8Array);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['隐患整改通知书', '（东）应急隐改〔2026〕1号', '老王饭店']) expect(text).toContain(s);
    expect(text).not.toContain('D1-2026-017');
    expect(MISMATCHES.slice(mismatches)).toEqual([]);
  });
});
