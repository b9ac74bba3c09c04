// What an officer checks on paper before signing, with hard data (long names, twelve
// findings, mixed scripts): every page numbered and carrying the 文号, the signing blocks
// and the seal whole on one page (never a caption or the seal alone on a page), a blank for
// each officer's handwritten signature. Text-level checks with pdftotext, page by page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '@anjian/core';
import { loadOverride, sealDocument, type ComposedDocument, type DocumentKind } from '@anjian/documents';
import { PdfFontError, renderDocumentPdf } from '../src/index.js';
import { composeAllKinds, TEST_NUMBERED_OVERRIDE_YAML } from '../../documents/test/chain-run.js';
import { STRESS, STRESS_ENTERPRISE } from '../../documents/test/stress-data.js';
import { font, hasPoppler } from './tools.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-pdf-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Each page's text (pdftotext, white space removed), in order. */
async function pages(doc: ComposedDocument, name: string): Promise<string[]> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderDocumentPdf(sealDocument(doc, { verifyUrl: 'https://portal.example/v' }), { font: font! }));
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return Array.from({ length: count }, (_, i) => squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', `${i + 1}`, '-l', `${i + 1}`, file, '-'], { encoding: 'utf8' })));
}

let plain: Map<DocumentKind, ComposedDocument>;
let hard: Map<DocumentKind, ComposedDocument>;
beforeAll(async () => {
  plain = await composeAllKinds(createMemoryStore(), { numbered: true });
  hard = await composeAllKinds(createMemoryStore(), { numbered: true, ...STRESS });
}, 60_000);

describe.skipIf(font === null || !hasPoppler)('PDF layout an officer can sign', () => {
  it('every page says 第 n 页 共 m 页 and the 文号; the grid notice with twelve findings keeps its signature lines and seal together', async () => {
    const doc = hard.get('rectification_notice')!;
    const text = await pages(doc, 'notice');
    expect(text.length).toBeGreaterThanOrEqual(2);
    text.forEach((page, i) => {
      expect(page).toContain(doc.number);
      expect(page).toContain(`第${i + 1}页共${text.length}页`);
    });
    expect(text.join('')).toContain(squeeze(STRESS_ENTERPRISE.name));
    // The three captions, the department, the seal placeholder and the date on one page — the
    // same page as the verification code (before: a caption on each of four pages, the seal
    // alone on a fifth).
    const signing = text.filter((p) => p.includes('网格员（签名）'));
    expect(signing).toHaveLength(1);
    for (const s of ['单位负责人（签收）', '签收日期', '北京市东城区应急管理局（东城区应急管理局印章）2026年11月6日', '验证码']) expect(signing[0]).toContain(s);
  });

  it("each officer's row has a blank to sign; officers, receipt and seal stay on one page when they move to the next", async () => {
    const doc = hard.get('supervision_listing_notice')!;
    const text = await pages(doc, 'listing');
    const last = text[text.length - 1]!;
    for (const s of ['执法人员：张明（执法证号：GAS-D1-0001）签名：', '执法人员：李华（执法证号：GAS-D1-0002）签名：', '被督办单位负责人（签收）', '（东城区应急管理局印章）2026年11月6日']) {
      expect(last).toContain(s);
    }
  });

  it('a one-page document stays on one page: the verification code sits beside the seal, not on a page of its own', async () => {
    const text = await pages(plain.get('supervision_listing_notice')!, 'listing-plain');
    expect(text).toHaveLength(1);
    expect(text[0]).toContain('验证码');
    expect(text[0]).toContain('第1页共1页');
  });

  it('a character the font lacks refuses the PDF, naming it, instead of printing a box in a name; an invisible one is left out', async () => {
    const named = async (name: string) =>
      (await composeAllKinds(createMemoryStore(), { directory: { enterprises: [{ id: 'E1', area: 'D1/G1', name, address: '东城区和平里北街18号', legalRepresentative: '王建国' }] } })).get(
        'rectification_order',
      )!;
    const error = await renderDocumentPdf(await named('老王🍜面馆'), { font: font! }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(PdfFontError.is(error)).toBe(true);
    expect((error as PdfFontError).messages['zh-CN']).toContain('🍜（U+1F35C，「老王🍜面馆」）');
    expect((error as PdfFontError).messages.en).toContain('no glyph');
    // A zero-width space pasted with the name prints nothing (before: a box).
    await pages(await named('老王\u200b面馆'), 'zwsp');
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'zwsp.pdf'), '-'], { encoding: 'utf8' })).toContain('老王面馆（法定代表人');
  });

  it('beside a long department name the verification text is measured, not assumed: nothing after it overlaps it', async () => {
    const yaml = TEST_NUMBERED_OVERRIDE_YAML.replace('department: 北京市东城区应急管理局', 'department: 北京市东城区应急管理局（北京市东城区安全生产委员会办公室、北京市东城区消防安全委员会办公室）');
    const override = loadOverride(yaml, 'd1-long.yaml');
    if (!override.ok) throw new Error('override');
    const composed = (await composeAllKinds(createMemoryStore(), { numbered: true, override: override.value })).get('rectification_order')!;
    // A template may print a note after the issuer (here: 附注).
    const note = { type: 'paragraph' as const, runs: [{ text: '附注：本文书一式两份' }], indent: false, align: 'left' as const };
    const doc = sealDocument({ ...composed, blocks: [...composed.blocks, note] }, { verifyUrl: 'https://portal.example/v' });
    const file = join(dir, 'long-department.pdf');
    writeFileSync(file, await renderDocumentPdf(doc, { font: font! }));
    // Word boxes (points from the top of the page).
    const words = [...execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</g)].map((m) => ({
      yMin: Number(m[1]),
      yMax: Number(m[2]),
      text: m[3]!,
    }));
    // The hash's lines: the word that starts with SHA-256： and the hex words right after it.
    const start = words.findIndex((w) => w.text.startsWith('SHA-256：'));
    let end = start + 1;
    while (end < words.length && /^[0-9a-f]+$/.test(words[end]!.text)) end++;
    const hashParts = words.slice(start, end);
    expect(hashParts.map((w) => w.text).join('')).toBe(`SHA-256：${doc.verification.hash}`);
    const after = words.find((w) => w.text.startsWith('附注'))!;
    for (const w of hashParts) expect(w.yMax).toBeLessThanOrEqual(after.yMin);
  });
});
