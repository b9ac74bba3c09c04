// Issue 15: an enforcement officer's notice with its second officer over HTTP; the order
// rendered from the chain's own directory; delivery, receipt (signed / refused with a
// witness) and void endpoints; a PDF file checked byte for byte. Defined here, run by
// contract.test.ts (its calls count for the every-documented-status check).
import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '@anjian/documents';
import { findSystemCjkFont, renderDocumentPdf } from '../../documents-pdf/src/index.js';
import { documentsHarness, GAS_BASIS } from './documents-harness.js';
import { createHarness } from './harness.js';

const font = findSystemCjkFont();
const BASIS = GAS_BASIS;

/** The chain's own directory carries what the documents print (no separate document directory). */
function harness(renderPdf: ((doc: ComposedDocument) => Promise<Uint8Array>) | null = font ? (doc) => renderDocumentPdf(doc, { font }) : null) {
  return documentsHarness(undefined, { documents: renderPdf ? { renderPdf } : {} });
}

/** The document service, void and PDF-verification tests (called once, from contract.test.ts). */
export function defineDocumentServiceTests(): void {
  describe('enforcement documents over HTTP (issue 15)', () => {
    it("an officer's notice names the second officer: both recorded, the order numbered and rendered from the directory; alone, no order", async () => {
      const d = await harness();
      await d.seed('H-ORD', 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
      const cmd = (body: object, key: string, actor = 'officer-gas-d1') => d.call(actor, 'POST', '/hazards/H-ORD/commands', { body, headers: { 'idempotency-key': key } });
      // The second officer is another person: the officer's own co-sign code is refused.
      const self = await cmd({ type: 'issue_notice', coOfficerId: 'officer-gas-d1' }, 'n-0');
      expect([self.status, self.body.code]).toEqual([403, 'CO_SIGN_CODE_INVALID']);
      expect((await d.call('officer-gas-d1', 'GET', '/hazards/H-ORD/documents')).body.items).toEqual([]);
      expect((await cmd({ type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, 'n-1')).status).toBe(200);
      const events = await d.store.readEvents('H-ORD');
      expect(events.at(-1)?.data).toMatchObject({
        officers: [
          { id: 'officer-gas-d1', certificateNo: 'GAS-D1-0001' },
          { id: 'officer2-gas-d1', certificateNo: 'GAS-D1-0002' },
        ],
      });
      const html = await d.call('officer-gas-d1', 'GET', '/hazards/H-ORD/documents/rectification_order');
      expect(html.status, JSON.stringify(html.body)).toBe(200);
      const page = new TextDecoder().decode(html.body);
      for (const s of ['（东）应急责改〔2026〕1号', '老王饭店', '东城区和平里北街18号', '王建国', '张明', 'GAS-D1-0001', '李华', 'GAS-D1-0002']) expect(page).toContain(s);

      // An officer alone: the notice is recorded, no enforcement document is numbered; asking for one says why.
      await d.seed('H-ALONE', 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
      expect((await d.call('officer-gas-d1', 'POST', '/hazards/H-ALONE/commands', { body: { type: 'issue_notice' }, headers: { 'idempotency-key': 'a-1' } })).status).toBe(200);
      expect((await d.call('officer-gas-d1', 'GET', '/hazards/H-ALONE/documents')).body.items).toEqual([]);
      const refused = await d.call('officer-gas-d1', 'GET', '/hazards/H-ALONE/documents/rectification_order');
      expect([refused.status, refused.body.code, refused.body.issues[0].code]).toEqual([422, 'DOCUMENT_REFUSED', 'OFFICERS_REQUIRED']);
      expect(refused.body.detail).toContain('Co-Sign-Code');
    }, 60_000);

    it('a document is issued by the command of its act, never by a reader: the register holds the content of the issue, GET serves only that, a reader fixes nothing', async () => {
      const d = await harness();
      const writes: string[] = [];
      const record = d.store.recordDocumentHash.bind(d.store);
      d.store.recordDocumentHash = async (input) => {
        writes.push(`${input.kind} ${input.seq}`);
        return record(input);
      };
      await d.seed('H-IS', 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
      const cmd = await d.call('officer-gas-d1', 'POST', '/hazards/H-IS/commands', { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': 'is-1' } });
      // Issued with the command: numbered, composed, registered — the QR code verifies before anyone reads it.
      expect(cmd.status).toBe(200);
      const [issued] = cmd.body.documents;
      expect([issued.kind, issued.number, issued.issued, issued.verificationCode]).toEqual([
        'rectification_order',
        '（东）应急责改〔2026〕1号',
        true,
        expect.stringMatching(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/),
      ]);
      expect(writes).toEqual(['rectification_order 1']);
      expect((await d.call('owner-e1', 'GET', '/hazards/H-IS/documents')).body.items[0].contentHash).toBe(issued.contentHash);
      expect((await d.call(null, 'GET', `/documents/verify/${issued.verificationCode}?hash=${issued.contentHash}`)).body.status).toBe('unchanged');
      // Readers — the enterprise, the officers — get exactly what was issued, again and again, and write nothing.
      for (const actor of ['owner-e1', 'officer2-gas-d1', 'owner-e1']) {
        const read = await d.call(actor, 'GET', '/hazards/H-IS/documents/rectification_order');
        expect([read.status, read.headers.get('x-content-hash'), read.headers.get('x-verification-code')]).toEqual([200, issued.contentHash, issued.verificationCode]);
      }
      expect(writes).toEqual(['rectification_order 1']);
      // The directory and the templates change after the issue: the issued document is served as issued, byte for byte.
      const before = await d.call('owner-e1', 'GET', '/hazards/H-IS/documents/rectification_order');
      expect(before.headers.get('x-document-source')).toBe('register');
      const e1 = await d.directory.enterprise('E1');
      d.directory.setEnterprise({ ...e1!, name: '老王饭店（更名）' });
      const officer = await d.directory.resolve('officer2-gas-d1');
      d.directory.set({ ...officer!, name: '李华华', certificateNo: 'GAS-D1-9999' });
      const templates = d.templates;
      const shipped = [...templates];
      templates.splice(0, templates.length, ...shipped.map((t) => ({ ...t, template: { ...t.template, version: '9.0.0', title: `${t.template.title}（新版）` } })));
      const after = await d.call('owner-e1', 'GET', '/hazards/H-IS/documents/rectification_order');
      expect([after.status, after.headers.get('x-content-hash'), after.headers.get('x-document-source')]).toEqual([200, issued.contentHash, 'register']);
      expect(Buffer.compare(Buffer.from(after.body), Buffer.from(before.body))).toBe(0);
      expect(new TextDecoder().decode(after.body)).not.toMatch(/更名|新版|李华华/);
      expect((await d.call(null, 'GET', `/documents/verify/${issued.verificationCode}?hash=${issued.contentHash}`)).body.status).toBe('unchanged');
      expect(writes).toEqual(['rectification_order 1']);
      // A document issued before the store kept contents (none stored): composed again, it differs now — a 409 that says why and what to do.
      const readContent = d.store.readDocumentContent.bind(d.store);
      d.store.readDocumentContent = async () => null;
      for (const [lang, text] of [
        ['zh-CN', '当时存储尚未保存文书原文'],
        ['en', 'before the store kept issued contents'],
      ] as const) {
        const legacy = await d.call('owner-e1', 'GET', '/hazards/H-IS/documents/rectification_order', { headers: { 'accept-language': lang } });
        expect([legacy.status, legacy.body.code]).toEqual([409, 'DOCUMENT_CHANGED']);
        expect(legacy.body.detail).toContain(text);
      }
      // … and served, marked, while it composes to the registered hash.
      templates.splice(0, templates.length, ...shipped);
      d.directory.setEnterprise(e1!);
      d.directory.set(officer!);
      const recomposed = await d.call('owner-e1', 'GET', '/hazards/H-IS/documents/rectification_order');
      expect([recomposed.status, recomposed.headers.get('x-content-hash'), recomposed.headers.get('x-document-source')]).toEqual([200, issued.contentHash, 'recomposed']);
      expect(Buffer.compare(Buffer.from(recomposed.body), Buffer.from(before.body))).toBe(0);
      d.store.readDocumentContent = readContent;
      expect(writes).toEqual(['rectification_order 1']);
      // A replay of the command answers the same issued document and writes nothing.
      const replay = await d.call('officer-gas-d1', 'POST', '/hazards/H-IS/commands', { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': 'is-1' } });
      expect([replay.headers.get('idempotent-replayed'), replay.body.documents[0].contentHash]).toEqual(['true', issued.contentHash]);
      expect(writes).toEqual(['rectification_order 1']);

      // An event that issued no document of the kind: a 404 that says so, in both languages.
      for (const [lang, text] of [
        ['zh-CN', '没有出具「整改复查意见书」'],
        ['en', 'issued no'],
      ] as const) {
        const none = await d.call('owner-e1', 'GET', '/hazards/H-IS/documents/review_opinion', { headers: { 'accept-language': lang } });
        expect([none.status, none.body.code]).toEqual([404, 'DOCUMENT_NOT_ISSUED']);
        expect(none.body.detail).toContain(text);
      }
    }, 60_000);

    it('a refused issue leaves the act and its number; readers cannot issue it; the officers it names do, once the directory is complete (or by retrying the command)', async () => {
      const d = await harness();
      const e1 = await d.directory.enterprise('E1');
      d.directory.setEnterprise({ ...e1!, address: undefined as never });
      for (const id of ['H-RF', 'H-RF2']) {
        await d.seed(id, 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
        const cmd = await d.call('officer-gas-d1', 'POST', `/hazards/${id}/commands`, { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': `rf-${id}` } });
        expect(cmd.status).toBe(200);
        const [doc] = cmd.body.documents;
        expect([doc.issued, doc.verificationCode, doc.issues[0].code, doc.issues[0].pointer]).toEqual([false, null, 'VALUE_MISSING', '/fields/address']);
        expect(doc.issues[0].message['zh-CN']).toBeTruthy();
        expect(doc.issues[0].message.en).toBeTruthy();
      }
      d.directory.setEnterprise(e1!);
      // The directory is complete now, yet a reader still gets nothing issued — and registers nothing.
      const read = await d.call('owner-e1', 'GET', '/hazards/H-RF/documents/rectification_order?format=html');
      expect([read.status, read.body.code]).toEqual([404, 'DOCUMENT_NOT_ISSUED']);
      expect(read.body.detail).toContain('阅读不会出具文书');
      expect((await d.call('owner-e1', 'GET', '/hazards/H-RF/documents')).body.items[0].verificationCode).toBeNull();
      expect((await d.call('officer-gas-d1', 'POST', '/hazards/H-RF/documents/rectification_order/2026-1/service', { body: { method: 'direct', recipient: '王建国' } })).body.code).toBe(
        'DOCUMENT_NOT_ISSUED',
      );
      // Only an officer the document names issues it.
      const issuePath = '/hazards/H-RF/documents/rectification_order/2026-1/issue';
      expect((await d.call(null, 'POST', issuePath)).status).toBe(401);
      expect((await d.call('owner-e1', 'POST', issuePath)).body.code).toBe('DOCUMENT_OFFICERS_ONLY');
      expect((await d.call('officer-gas-d1', 'POST', '/hazards/H-RF/documents/rectification_order/2026-9/issue')).status).toBe(404);
      d.directory.setEnterprise({ ...e1!, address: undefined as never });
      const stillMissing = await d.call('officer2-gas-d1', 'POST', issuePath);
      expect([stillMissing.status, stillMissing.body.code]).toEqual([422, 'DOCUMENT_REFUSED']);
      d.directory.setEnterprise(e1!);
      const issued = await d.call('officer2-gas-d1', 'POST', issuePath);
      expect([issued.status, issued.body.number]).toEqual([201, '（东）应急责改〔2026〕1号']);
      expect((await d.call('officer-gas-d1', 'POST', issuePath)).body.contentHash).toBe(issued.body.contentHash);
      const served = await d.call('owner-e1', 'GET', '/hazards/H-RF/documents/rectification_order');
      expect([served.status, served.headers.get('x-content-hash')]).toEqual([200, issued.body.contentHash]);
      // Issued is issued: another name in the directory now is a conflict, not a new document.
      d.directory.setEnterprise({ ...e1!, name: '老王饭店（更名）' });
      expect((await d.call('officer-gas-d1', 'POST', issuePath)).body.code).toBe('DOCUMENT_CHANGED');
      d.directory.setEnterprise(e1!);
      // The officer's retry of the command issues what its first run could not.
      const retry = await d.call('officer-gas-d1', 'POST', '/hazards/H-RF2/commands', { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': 'rf-H-RF2' } });
      expect([retry.headers.get('idempotent-replayed'), retry.body.documents[0].issued, retry.body.documents[0].number]).toEqual(['true', true, '（东）应急责改〔2026〕2号']);
      // A voided number is not issued.
      await d.seed('H-RF3', 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
      d.directory.setEnterprise({ ...e1!, address: undefined as never });
      await d.call('officer-gas-d1', 'POST', '/hazards/H-RF3/commands', { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': 'rf-3' } });
      d.directory.setEnterprise(e1!);
      expect((await d.call('officer-gas-d1', 'POST', '/hazards/H-RF3/documents/rectification_order/2026-3/void', { body: { reason: '地址有误' } })).status).toBe(200);
      expect((await d.call('officer-gas-d1', 'POST', '/hazards/H-RF3/documents/rectification_order/2026-3/issue')).body.code).toBe('DOCUMENT_VOIDED');
    }, 60_000);

    it('delivery, then receipt (signed, or refused with a witness), once each, by the officers the document names; a void keeps the number and stops service', async () => {
      const d = await harness();
      const post = (actor: string, path: string, body: object) => d.call(actor, 'POST', `/hazards/H-SV${path}`, { body });
      await d.seed('H-SV', 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
      await d.call('officer-gas-d1', 'POST', '/hazards/H-SV/commands', { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': 's-1' } });
      const doc = '/documents/rectification_order/2026-1';
      // Issued with the command (an unissued number cannot be served: the refused-issue test above).
      // Receipt before delivery; a stranger; a bad body; an unknown number.
      expect((await post('officer-gas-d1', `${doc}/receipt`, { outcome: 'signed', signedBy: '王建国', signedOn: '2026-11-02' })).body.code).toBe('DOCUMENT_NOT_SERVED');
      expect((await post('grid-g1', `${doc}/service`, { method: 'direct', recipient: '王建国' })).body.code).toBe('DOCUMENT_OFFICERS_ONLY');
      const bad = await post('officer-gas-d1', `${doc}/service`, { method: 'pigeon', recipient: '', level: 'x' });
      expect([bad.status, bad.body.issues.map((i: { pointer: string }) => i.pointer).sort()]).toEqual([422, ['/level', '/method', '/recipient']]);
      expect((await post('officer-gas-d1', '/documents/rectification_order/2026-9/service', { method: 'direct', recipient: '王建国' })).status).toBe(404);

      // 电子送达, 委托送达: the officer enters when it took effect; the server does not default it to the recording time.
      for (const method of ['electronic', 'entrusted']) {
        const undated = await post('officer-gas-d1', `${doc}/service`, { method, recipient: '王建国' });
        expect([undated.status, undated.body.issues?.map((i: { pointer: string }) => i.pointer)], JSON.stringify(undated.body)).toEqual([422, ['/servedAt']]);
        expect(undated.body.issues[0].message).toEqual({ 'zh-CN': expect.stringContaining('servedAt'), en: expect.stringContaining('servedAt') });
      }
      const served = await post('officer2-gas-d1', `${doc}/service`, { method: 'direct', recipient: '王建国' });
      expect([served.status, served.body.type, served.body.number, served.body.recordedBy]).toEqual([201, 'served', '（东）应急责改〔2026〕1号', 'officer2-gas-d1']);
      expect((await post('officer-gas-d1', `${doc}/service`, { method: 'electronic', recipient: '王建国', servedAt: served.body.servedAt })).body.code).toBe('SERVICE_ALREADY_RECORDED');
      const noWitness = await post('officer-gas-d1', `${doc}/receipt`, { outcome: 'refused', refusedOn: '2026-11-02' });
      expect([noWitness.status, noWitness.body.issues.map((i: { pointer: string }) => i.pointer)]).toEqual([422, ['/witness', '/witnessRole']]);
      const refused = await post('officer-gas-d1', `${doc}/receipt`, {
        outcome: 'refused',
        witness: '刘芳',
        witnessRole: '和平里社区居委会工作人员',
        refusedOn: '2026-11-02',
        note: '负责人拒绝签字，文书留置现场',
      });
      expect([refused.status, refused.body.type, refused.body.witness]).toEqual([201, 'refused', '刘芳']);
      expect((await post('officer-gas-d1', `${doc}/receipt`, { outcome: 'signed', signedBy: '王建国', signedOn: '2026-11-02' })).body.code).toBe('SERVICE_ALREADY_RECORDED');
      const listed = (await d.call('owner-e1', 'GET', '/hazards/H-SV/documents')).body.items[0];
      expect([listed.service.served.recipient, listed.service.receipt.type, listed.service.receipt.witnessRole, listed.voided]).toEqual(['王建国', 'refused', '和平里社区居委会工作人员', null]);

      // Void: by an officer it names, with a reason, once; the number stays and says so.
      expect((await post('owner-e1', `${doc}/void`, { reason: '企业想作废' })).body.code).toBe('DOCUMENT_OFFICERS_ONLY');
      expect((await post('officer-gas-d1', `${doc}/void`, {})).status).toBe(422);
      const voided = await post('officer-gas-d1', `${doc}/void`, { reason: '被检查单位名称有误' });
      expect([voided.status, voided.body.number, voided.body.voided.reason, voided.body.voided.actorId]).toEqual([200, '（东）应急责改〔2026〕1号', '被检查单位名称有误', 'officer-gas-d1']);
      expect((await post('officer-gas-d1', `${doc}/void`, { reason: '再次' })).body.code).toBe('DOCUMENT_ALREADY_VOIDED');
      const item = (await d.call('officer-gas-d1', 'GET', '/hazards/H-SV/documents')).body.items[0];
      expect([item.number, item.voided.reason]).toEqual(['（东）应急责改〔2026〕1号', '被检查单位名称有误']);
      expect((await d.call(null, 'GET', `/documents/verify/${item.verificationCode}`)).body.status).toBe('voided');
      // The next order of the series takes number 2: a voided number is never reused.
      await d.seed('H-SV2', 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
      await d.call('officer-gas-d1', 'POST', '/hazards/H-SV2/commands', { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': 's-2' } });
      expect((await d.call('officer-gas-d1', 'GET', '/hazards/H-SV2/documents')).body.items[0].number).toBe('（东）应急责改〔2026〕2号');
    }, 60_000);

    it('a document is rendered as PDF once, however often (and at once) its readers ask for it or verify a file against it', async () => {
      const rendered: string[] = [];
      const d = await harness(async (doc) => {
        rendered.push(doc.hazardId);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return new TextEncoder().encode(`%PDF-1.4 ${doc.hazardId} ${doc.verification?.code ?? ''}`);
      });
      for (const id of ['H-P1', 'H-P2']) {
        await d.seed(id, 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
        await d.call('officer-gas-d1', 'POST', `/hazards/${id}/commands`, { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': `pc-${id}` } });
      }
      const get = (id: string, actor = 'officer-gas-d1') => d.call(actor, 'GET', `/hazards/${id}/documents/rectification_order?format=pdf`);
      const first = await get('H-P1');
      expect(first.status).toBe(200);
      const [a, b, c] = await Promise.all([get('H-P1'), get('H-P1', 'owner-e1'), get('H-P1', 'officer2-gas-d1')]);
      expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
      const code = first.headers.get('x-verification-code')!;
      const verified = await d.call('officer-gas-d1', 'POST', `/documents/verify/${code}/pdf`, { body: new Uint8Array(first.body), headers: { 'content-type': 'application/pdf' } });
      expect(verified.body.status).toBe('unchanged');
      expect((await get('H-P2')).status).toBe(200);
      expect(rendered).toEqual(['H-P1', 'H-P2']);
    });

    it.skipIf(font === null)(
      'a PDF file verifies byte for byte: the file as issued is unchanged, one altered byte is altered',
      async () => {
        const d = await harness();
        await d.seed('H-PDF', 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
        await d.call('officer-gas-d1', 'POST', '/hazards/H-PDF/commands', { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': 'p-1' } });
        const pdf = await d.call('officer-gas-d1', 'GET', '/hazards/H-PDF/documents/rectification_order?format=pdf');
        expect(pdf.status).toBe(200);
        const code = pdf.headers.get('x-verification-code')!;
        const bytes = new Uint8Array(pdf.body);
        const check = (body: Uint8Array, actor: string | null = 'officer-gas-d1') => d.call(actor, 'POST', `/documents/verify/${code}/pdf`, { body, headers: { 'content-type': 'application/pdf' } });
        expect((await check(bytes)).body.status).toBe('unchanged');
        const altered = bytes.slice();
        const i = Math.floor(altered.length / 2);
        altered[i] = (altered[i]! + 1) % 256;
        expect((await check(altered)).body.status).toBe('altered');
        expect((await check(bytes.slice(0, -1))).body.status).toBe('altered');
        // A reader outside the hazard's scope learns nothing; without a login, 401.
        expect((await check(bytes, 'owner-e2')).body).toEqual({ status: 'unknown' });
        expect((await check(bytes, null)).status).toBe(401);
      },
      60_000,
    );

    it.skipIf(font === null)(
      'a character the PDF font cannot print is a 422 naming it (the HTML still renders), not a server error; the verify route says the same',
      async () => {
        const d = await harness();
        const e1 = await d.directory.enterprise('E1');
        d.directory.setEnterprise({ ...e1!, name: '老王饭店\u{1F600}' });
        await d.seed('H-GLYPH', 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
        await d.call('officer-gas-d1', 'POST', '/hazards/H-GLYPH/commands', { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': 'g-1' } });
        const html = await d.call('officer-gas-d1', 'GET', '/hazards/H-GLYPH/documents/rectification_order');
        expect(html.status).toBe(200);
        const pdf = await d.call('officer-gas-d1', 'GET', '/hazards/H-GLYPH/documents/rectification_order?format=pdf');
        expect([pdf.status, pdf.body.code]).toEqual([422, 'PDF_FONT_MISSING']);
        // the officer reads which character, in which text, and what to do
        expect(pdf.body.detail).toContain('U+1F600');
        expect(pdf.body.detail).toContain('请更正目录或记录中的文字');
        const code = html.headers.get('x-verification-code')!;
        const verify = await d.call('officer-gas-d1', 'POST', `/documents/verify/${code}/pdf`, { body: new Uint8Array([37, 80, 68, 70]), headers: { 'content-type': 'application/pdf' } });
        expect([verify.status, verify.body.code]).toEqual([422, 'PDF_FONT_MISSING']);
      },
      60_000,
    );

    it('every documented refusal of the service, receipt, void and PDF-check routes', async () => {
      const d = await harness();
      await d.seed('H-REF', 'officer-gas-d1', { source: 'enforcement', basis: BASIS });
      await d.call('officer-gas-d1', 'POST', '/hazards/H-REF/commands', { body: { type: 'issue_notice', coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': 'r-1' } });
      const rendered = await d.call('officer-gas-d1', 'GET', '/hazards/H-REF/documents/rectification_order?format=html');
      const code = rendered.headers.get('x-verification-code')!;
      const huge = 'x'.repeat(70 * 1024);
      for (const op of ['service', 'receipt', 'void']) {
        const path = `/hazards/H-REF/documents/rectification_order/2026-1/${op}`;
        expect((await d.call('officer-gas-d1', 'POST', path, { body: '{not json', headers: { 'content-type': 'application/json' } })).status, op).toBe(400);
        expect((await d.call('officer-gas-d1', 'POST', path, { body: { reason: huge } })).status, op).toBe(413);
        expect((await d.call('grid-g1', 'POST', path, { body: { reason: 'x' } })).status, op).toBe(403);
        expect((await d.call('officer-gas-d1', 'POST', path.replace('2026-1', '2026-7'), { body: { reason: 'x' } })).status, op).toBe(404);
        expect((await d.call('officer-gas-d1', 'POST', path, { body: { bogus: true } })).status, op).toBe(422);
      }
      const pdfPath = `/documents/verify/${code}/pdf`;
      expect((await d.call('officer-gas-d1', 'POST', pdfPath, { body: new Uint8Array(300 * 1024), headers: { 'content-type': 'application/pdf' } })).status).toBe(413);
      if (font) {
        const check = () => d.call('officer-gas-d1', 'POST', pdfPath, { body: new Uint8Array([37, 80, 68, 70]), headers: { 'content-type': 'application/pdf' } });
        // The directory lost a required value or changed a printed name since: the document checked is the one issued.
        const e1 = await d.directory.enterprise('E1');
        d.directory.setEnterprise({ ...e1!, address: undefined as never });
        expect([(await check()).status, (await check()).body.status]).toEqual([200, 'altered']);
        // Issued before the store kept contents (none stored), the document must compose again: 422 while a value is missing, 409 once it composes to other content.
        const readContent = d.store.readDocumentContent.bind(d.store);
        d.store.readDocumentContent = async () => null;
        const missing = await check();
        expect([missing.status, missing.body.code]).toEqual([422, 'DOCUMENT_REFUSED']);
        d.directory.setEnterprise({ ...e1!, name: '老王饭店（更名）' });
        const changed = await check();
        expect([changed.status, changed.body.code]).toEqual([409, 'DOCUMENT_CHANGED']);
        d.store.readDocumentContent = readContent;
        d.directory.setEnterprise(e1!);
      }
      // A server without documents: 404 on each route.
      const plain = await createHarness();
      expect((await plain.call('officer-gas-d1', 'POST', pdfPath, { body: new Uint8Array([1]), headers: { 'content-type': 'application/pdf' } })).body.code).toBe('DOCUMENTS_NOT_CONFIGURED');
    }, 60_000);
  });
}
