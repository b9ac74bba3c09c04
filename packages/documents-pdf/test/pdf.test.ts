import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_KINDS, type ComposedDocument, type DocumentKind } from '@anjian/documents';
import { PdfFontError, renderDocumentPdf } from '../src/index.js';
import { composeAllKinds } from '../../documents/test/chain-run.js';

import { font, hasPoppler } from './tools.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-pdf-'));
// ANJIAN_WRITE_DOC_PAGES=1 refreshes the committed page images under docs/documents/.
const pagesOut = process.env.ANJIAN_WRITE_DOC_PAGES === '1' ? new URL('../../../docs/documents/', import.meta.url) : null;

let docs: Map<DocumentKind, ComposedDocument>;
beforeAll(async () => {
  docs = await composeAllKinds();
});

/** What each kind must show: the common fields plus its own. */
const COMMON = ['测试餐馆一'];
const ENFORCEMENT = ['张明', 'GAS-D1-0001', '李华', 'GAS-D1-0002'];
const RECONSIDERATION = ['六十日内向北京市东城区人民政府申请行政复议', '六个月内依法向北京市东城区人民法院提起行政诉讼'];
const REQUIRED: Record<DocumentKind, string[]> = {
  inspection_record: [...COMMON, ...ENFORCEMENT, '东城区和平里北街18号', '王建国', '未安装可燃气体报警装置', '《城镇燃气管理条例》第十八条', '现场检查记录'],
  rectification_notice: [...COMMON, '东城区和平里北街18号', '燃气软管超过两年未更换且有老化裂纹', '《城镇燃气管理条例》第十八条', '隐患整改通知书', '2026年11月17日'],
  rectification_order: [
    ...COMMON,
    ...ENFORCEMENT,
    ...RECONSIDERATION,
    '东城区和平里北街18号',
    '王建国',
    '未安装可燃气体报警装置',
    '《城镇燃气管理条例》第十八条',
    '2026年11月11日',
    '（东）应急责改〔2026〕12号',
    '责令限期整改指令书',
  ],
  review_opinion: [...COMMON, ...ENFORCEMENT, ...RECONSIDERATION, '东城区和平里北街18号', '未安装可燃气体报警装置', '2026年11月11日', '整改合格', '整改复查意见书'],
  case_filing_approval: [...COMMON, ...ENFORCEMENT, '东城区和平里北街18号', '王建国', '（东）应急立〔2026〕58号', '《工贸企业重大事故隐患判定标准》第四条（一）', '立案审批表'],
  stop_work_order: [...COMMON, ...ENFORCEMENT, ...RECONSIDERATION, '东城区和平里北街18号', '王建国', '《工贸企业重大事故隐患判定标准》第四条（一）', '停止一切有限空间作业', '现场处理措施决定书'],
  supervision_listing_notice: [...COMMON, ...ENFORCEMENT, '东城区和平里北街18号', '王建国', '东城区安全生产委员会办公室', '《工贸企业重大事故隐患判定标准》第四条（一）', '挂牌督办通知书'],
  major_hazard_writeoff_approval: [
    ...COMMON,
    '东城区和平里北街18号',
    '（东）应急立〔2026〕58号',
    '《工贸企业重大事故隐患判定标准》第四条（一）',
    '2026年11月20日',
    '张明',
    '李华',
    'GAS-D1-0001',
    'GAS-D1-0002',
    '重大事故隐患销号审批表',
  ],
};

describe.skipIf(font === null || !hasPoppler)('PDF', () => {
  it.each(DOCUMENT_KINDS.map((k) => [k]))('%s: pdftotext finds every required field; the font is an embedded subset', async (kind) => {
    const pdf = await renderDocumentPdf(docs.get(kind) as ComposedDocument, { font: font! });
    const file = join(dir, `${kind}.pdf`);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of REQUIRED[kind]) expect(text, `${kind}: ${s}`).toContain(s.replace(/\s+/g, ''));
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    // "emb sub uni": embedded, subset, with a ToUnicode map (searchable).
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(pdf.byteLength).toBeLessThan(200_000);
    if (pagesOut) {
      execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, kind)]);
      copyFileSync(join(dir, `${kind}-1.png`), new URL(`${kind.replace(/_/g, '-')}.png`, pagesOut));
    }
  });

  it('a long document flows onto further A4 pages, tables and signatures included', async () => {
    const doc = docs.get('case_filing_approval') as ComposedDocument;
    const long = '有限空间作业未执行先通风再检测后作业，'.repeat(120) + '末尾标记';
    const blocks = doc.blocks.map((b) => (b.type === 'table' ? { ...b, rows: b.rows.map((r) => (r.label.startsWith('案由') ? { ...r, value: long } : r)) } : b));
    const file = join(dir, 'long.pdf');
    writeFileSync(file, await renderDocumentPdf({ ...doc, blocks }, { font: font! }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['末尾标记', '案由（涉嫌的问题）（续）', '负责人审批意见', 'GAS-D1-0002']) expect(text).toContain(s);
  });

  it('the same input gives the same bytes', async () => {
    const doc = docs.get('rectification_order') as ComposedDocument;
    const a = await renderDocumentPdf(doc, { font: font! });
    const b = await renderDocumentPdf(doc, { font: font! });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await renderDocumentPdf({ ...doc, title: `${doc.title}（副本）` }, { font: font! });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('the font bytes can be passed instead of a path', async () => {
    const bytes = readFileSync(font!.path as string);
    const pdf = await renderDocumentPdf(docs.get('review_opinion') as ComposedDocument, { font: { bytes, family: font!.family as string } });
    expect(Buffer.from(pdf.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
  });
});

describe('font errors', () => {
  it('no font, an unreadable path, or an unknown face → a bilingual PdfFontError, nothing rendered', async () => {
    const doc = (await composeAllKinds()).get('rectification_order') as ComposedDocument;
    const errors: unknown[] = [];
    for (const f of [{}, { path: '/nonexistent/font.ttc' }, ...(font ? [{ path: font.path as string, family: 'NoSuchFace-Regular' }] : [])]) {
      errors.push(
        await renderDocumentPdf(doc, { font: f }).then(
          () => null,
          (e: unknown) => e,
        ),
      );
    }
    for (const e of errors) {
      expect(PdfFontError.is(e)).toBe(true);
      expect((e as PdfFontError).messages['zh-CN']).toMatch(/字体/);
      expect((e as PdfFontError).messages.en).toMatch(/font/);
    }
  });
});
