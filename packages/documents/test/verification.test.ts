import { createMemoryStore } from '@anjian/core';
import { describe, expect, it } from 'vitest';
import { documentContentHash, issuedContentText, normalizeVerificationCode, qrModules, renderDocumentHtml, sealDocument, verificationCodeOf, verifyDocument } from '../src/index.js';
import { composeAllKinds } from './chain-run.js';

describe('content hash, verification code and QR code', () => {
  it('the hash covers every printed value; the code is 10 Crockford characters of it; HTML prints both and a QR code', async () => {
    const doc = (await composeAllKinds(createMemoryStore(), { numbered: true })).get('rectification_order')!;
    const sealed = sealDocument(doc, { verifyUrl: 'https://portal.example/api/documents/verify/' });
    expect(sealed.verification.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sealed.verification.hash).toBe(documentContentHash(doc));
    expect(documentContentHash(sealed)).toBe(sealed.verification.hash); // the seal is not part of the content
    expect(sealed.verification.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(sealed.verification.url).toBe(`https://portal.example/api/documents/verify/${sealed.verification.code}?hash=${sealed.verification.hash}`);
    const changed = { ...doc, blocks: doc.blocks.map((b) => (b.type === 'paragraph' ? { ...b, runs: b.runs.map((r) => ({ ...r, text: r.filled ? `${r.text}。` : r.text })) } : b)) };
    expect(documentContentHash(changed)).not.toBe(sealed.verification.hash);
    expect(documentContentHash({ ...doc, number: '（东）应急责改〔2026〕2号' })).not.toBe(sealed.verification.hash);
    const html = renderDocumentHtml(sealed);
    expect(html).toContain(sealed.verification.code);
    expect(html).toContain(sealed.verification.hash);
    expect(html).toMatch(/<svg[^>]*aria-label="验证二维码"/);
    const qr = qrModules(sealed.verification.url);
    expect(qr.length).toBeGreaterThanOrEqual(21);
    expect(qr[0]!.slice(0, 7)).toEqual([true, true, true, true, true, true, true]); // a finder pattern
  });

  it('codes are normalised as typed (case, separators, look-alikes); garbage is no code', () => {
    const code = verificationCodeOf('f'.repeat(64));
    expect(code).toBe('ZZZZZ-ZZZZZ');
    expect(verificationCodeOf('0'.repeat(64))).toBe('00000-00000');
    expect(normalizeVerificationCode(' abcde fghjk ')).toBe('ABCDE-FGHJK');
    expect(normalizeVerificationCode('oIl00-11111')).toBe('01100-11111');
    expect(normalizeVerificationCode('ABCDE-FGHJU')).toBeNull(); // U is not in the alphabet
    expect(normalizeVerificationCode('<script>')).toBeNull();
  });

  it('verifies against the register: unknown, issued, unchanged, altered — also when the stored record is altered', async () => {
    const store = createMemoryStore();
    const doc = (await composeAllKinds(store, { numbered: true })).get('rectification_order')!;
    const sealed = sealDocument(doc);
    const { hash, code } = sealed.verification;
    expect(verifyDocument(await store.findDocumentByCode(code), { hash })).toEqual({ status: 'unknown' });
    const r = doc.registered!;
    const recorded = await store.recordDocumentHash({ ...r, contentHash: hash, verificationCode: code, content: issuedContentText(sealed), at: '2026-11-02T02:00:00.000Z' });
    expect(recorded.kind).toBe('recorded');
    const record = await store.findDocumentByCode(normalizeVerificationCode(code.toLowerCase())!);
    expect(verifyDocument(record, { hash }).status).toBe('unchanged');
    expect(verifyDocument(record).status).toBe('issued');
    const oneByte = `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`;
    expect(verifyDocument(record, { hash: oneByte }).status).toBe('altered');
    expect(verifyDocument(record ? { ...record, contentHash: oneByte } : null, { hash }).status).toBe('altered');
    expect((await store.voidDocument({ ...r, reason: '送达对象有误', actorId: 'officer-gas-d1', at: '2026-11-03T01:00:00.000Z' })).kind).toBe('voided');
    expect(verifyDocument(await store.findDocumentByCode(code), { hash }).status).toBe('voided');
  });
});
