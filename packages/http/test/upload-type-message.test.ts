/**
 * A file the evidence endpoints do not take (an iPhone's HEIC photo, a text file, a file the
 * browser could not type) is refused with 415 in words a person choosing a photo understands,
 * in 中文 and English: which formats are taken, what the chosen file is, and what to do — not
 * the list of MIME types and the raw Content-Type it got.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const upload = (type: string, lang: string) => h.call('owner-e1', 'POST', '/evidence', { body: new TextEncoder().encode('not a photo'), headers: { 'content-type': type, 'accept-language': lang } });

describe('415 for a file type the evidence endpoints do not take', () => {
  it('an iPhone photo (HEIC): says which formats are taken, that this is a HEIC photo, and how to get a JPEG', async () => {
    const zh = await upload('image/heic', 'zh-CN');
    expect(zh.status).toBe(415);
    expect(zh.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(zh.body.detail).toContain('只能上传 JPEG、PNG、WebP 格式的照片或 PDF 文件');
    expect(zh.body.detail).toContain('HEIC');
    expect(zh.body.detail).toContain('兼容性最佳');
    expect(zh.body.detail).not.toContain('image/jpeg、');
    const en = await upload('image/heic', 'en');
    expect(en.body.detail).toContain('Only JPEG, PNG or WebP photos and PDF files can be uploaded');
    expect(en.body.detail).toContain('HEIC');
    expect(en.body.detail).toContain('Most Compatible');
  });

  it('a text file and a file of no type: named in words, with what to do', async () => {
    const text = await upload('text/plain', 'zh-CN');
    expect(text.status).toBe(415);
    expect(text.body.detail).toContain('所选文件是 text/plain 类型');
    expect(text.body.detail).toContain('请改选');
    const untyped = await upload('', 'en');
    expect(untyped.status).toBe(415);
    expect(untyped.body.detail).toContain('the file chosen is of a type the browser could not tell');
    expect(untyped.body.detail).not.toContain('""');
  });
});
