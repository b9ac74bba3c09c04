// Issue 15 acceptance, shared by the SQLite and PostgreSQL tests: every kind issued from a
// real chain run on the store, numbered by it, sealed, rendered as PDF; pdftotext finds
// every required field of the kind.
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '@anjian/core';
import { DOCUMENT_KINDS, sealDocument, type ComposedDocument, type DocumentKind } from '@anjian/documents';
import { loadBuiltinTemplate } from '@anjian/documents/node';
import { renderDocumentPdf } from '../src/index.js';
import { composeAllKinds } from '../../documents/test/chain-run.js';
import { font } from './tools.js';

/** The enterprise and its address (from the directory). */
const ENTERPRISE = ['测试餐馆一', '东城区和平里北街18号'];
/** Both officers and their 执法证号, as the events recorded them. */
const OFFICERS = ['张明', 'GAS-D1-0001', '李华', 'GAS-D1-0002'];
/** The remedies: 60 days to the government, six months to the court (the jurisdiction's bodies). */
const RECONSIDERATION = ['六十日内向北京市东城区人民政府申请行政复议', '六个月内依法向北京市东城区人民法院提起行政诉讼'];
const GAS = ['未安装可燃气体报警装置', '《城镇燃气管理条例》第十八条'];
const TANK = ['有限空间作业未执行', '《工贸企业重大事故隐患判定标准》第四条（一）'];
/** The case number (案号): the 文号 the store allocated to the hazard's 立案审批表. */
const CASE_NO = '（东）应急立〔2026〕1号';

/**
 * What each kind must show besides its 文号: enterprise, address, finding, basis clause,
 * deadline, both officers with 执法证号 and the reconsideration wording — where the kind
 * carries them (an internal approval form has no remedies; a grid inspector's notice no
 * enforcement officers; an inspection record no deadline).
 */
export const REQUIRED: Record<DocumentKind, string[]> = {
  inspection_record: [...ENTERPRISE, ...OFFICERS, ...GAS, '王建国', '现场检查记录'],
  rectification_notice: [...ENTERPRISE, '隐患来源：网格巡查', '燃气软管超过两年未更换且有老化裂纹', '《城镇燃气管理条例》第十八条', '2026年11月17日', '隐患整改通知书'],
  rectification_order: [...ENTERPRISE, ...OFFICERS, ...RECONSIDERATION, ...GAS, '王建国', '2026年11月11日', '责令限期整改指令书'],
  review_opinion: [...ENTERPRISE, ...OFFICERS, ...RECONSIDERATION, ...GAS, '责令整改文书文号', '（东）应急责改〔2026〕1号', '2026年11月11日', '整改合格', '整改复查意见书'],
  case_filing_approval: [...ENTERPRISE, ...OFFICERS, ...TANK, '王建国', CASE_NO, '立案审批表'],
  stop_work_order: [...ENTERPRISE, ...OFFICERS, ...RECONSIDERATION, ...TANK, '王建国', '停止一切有限空间作业', '现场处理措施决定书'],
  supervision_listing_notice: [...ENTERPRISE, ...OFFICERS, ...TANK, '王建国', '东城区安全生产委员会办公室', CASE_NO, '2026年11月6日', '挂牌督办通知书'],
  major_hazard_writeoff_approval: [...ENTERPRISE, ...OFFICERS, ...TANK, CASE_NO, '2026年11月20日', '重大事故隐患销号审批表'],
  // The notice: the fine proposed under its article and the period to state and defend, from receipt in working days (it is
  // composed before it is served: no date counted from its record).
  penalty_notice: [
    ...ENTERPRISE,
    ...OFFICERS,
    ...TANK,
    '王建国',
    CASE_NO,
    '《中华人民共和国安全生产法》第一百零二条',
    '未采取措施消除事故隐患',
    '罚款人民币30000元（大写：叁万元整）',
    '自收到本告知书之日起三个工作日内向本机关提出陈述、申辩',
    '行政处罚告知书',
  ],
  // The decision: the lighter fine after the statement, the notice's date, payment within 15 days, the remedies.
  penalty_decision: [...ENTERPRISE, ...OFFICERS, ...RECONSIDERATION, ...TANK, CASE_NO, '罚款人民币20000元（大写：贰万元整）', '2026年11月20日', '请求从轻处罚', '十五日内', '行政处罚决定书'],
};

/** One kind's outcome in {@link checkEveryKind}. */
export interface EveryKindResult {
  /** Required strings pdftotext did not find: empty when all are there. */
  missing: string[];
  number: string | null;
  file: string;
  /** `pdffonts` output of the file. */
  fonts: string;
  sealed: ReturnType<typeof sealDocument>;
}

/** Text pdftotext extracts, white space removed (CJK lines wrap anywhere). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/**
 * Issues every kind from a chain run on `store` (numbered by it), renders each as PDF into
 * `dir` and returns, per kind, the required strings pdftotext did not find (empty when all
 * are there), the 文号 and the file. `pagesOut`: also write a small page image of each.
 */
export async function checkEveryKind(store: Store, dir: string, pagesOut: URL | null = null): Promise<Map<DocumentKind, EveryKindResult>> {
  const docs = await composeAllKinds(store, { numbered: true });
  const out = new Map<DocumentKind, EveryKindResult>();
  for (const kind of DOCUMENT_KINDS) {
    const sealed = sealDocument(docs.get(kind) as ComposedDocument, { verifyUrl: 'https://portal.example/api/documents/verify' });
    const file = join(dir, `${kind}.pdf`);
    writeFileSync(file, await renderDocumentPdf(sealed, { font: font! }));
    const text = pdfText(file);
    const number = `（东）应急${loadBuiltinTemplate(kind).template.numberPrefix ?? ''}〔2026〕1号`;
    const wanted = [...REQUIRED[kind], number, `验证码：${sealed.verification.code}`, sealed.verification.hash];
    out.set(kind, {
      missing: wanted.filter((s) => !text.includes(s.replace(/\s+/g, ''))),
      number: sealed.number,
      file,
      fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
      sealed,
    });
    if (pagesOut) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, kind)]);
      copyFileSync(join(dir, `${kind}-1.png`), new URL(`${kind.replace(/_/g, '-')}.png`, pagesOut));
    }
  }
  return out;
}
