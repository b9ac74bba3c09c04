import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { formModel } from '@anjian/core/internal';
import { loadPackFromPath } from '@anjian/core/node';
import { describe, expect, it } from 'vitest';
import { ruleTable } from '../src/review/rule-table.js';
import { ruleTableCsv } from '../src/review/rule-table-text.js';
import { ruleTableXlsx } from '../src/review/rule-table-xlsx.js';
import { reviewForm } from '../src/review/review-form.js';
import { reviewFormHtml, reviewFormMarkdown } from '../src/review/review-form-text.js';
import { DEMO_PACK, REPO, tempDir } from './fixtures.js';
import { runCli } from './run-cli.js';

// Issue 22, pack authors 6: seeing the pack without reading YAML — the form a premises kind
// gets, and the rule table for legal review.
type Workbook = { xlsx: { load(data: Uint8Array | Buffer): Promise<unknown> }; worksheets: { name: string; rowCount: number; getRow(n: number): { values: unknown[] } }[] };
const ExcelJS = createRequire(join(REPO, 'packages', 'cli', 'package.json'))('exceljs') as { Workbook: new () => Workbook };

async function openXlsx(bytes: Uint8Array | Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const sheet = book.worksheets[0]!;
  return {
    sheet,
    row: (n: number) =>
      sheet
        .getRow(n)
        .values.slice(1)
        .map((v) => (v === undefined || v === null ? '' : String(v))),
  };
}

describe('anjian form', () => {
  it('prints the form of a premises kind: sections, answers to tick, required and conditional questions', async () => {
    const { code, out } = await runCli(['form', DEMO_PACK, '--premises', 'restaurant', '--lang', 'zh-CN']);
    expect(code).toBe(0);
    expect(out).toContain('检查表：demo-kitchen@0.1.0　场所类型：餐饮场所（restaurant）');
    expect(out).toContain('## 报警与切断');
    expect(out).toContain('5. **报警器工作正常**（必答；仅当 安装可燃气体报警器 为 是 时询问）\n   提示：按下测试键，应发出声光报警。\n   ☐ 是　☐ 否');
    expect(out).toContain('6. **连接软管长度**（必答）\n   数值（填写 0–50 m）：＿＿＿＿＿＿');
  });

  it('writes HTML with every text escaped, and refuses an unknown premises kind', async () => {
    const html = await runCli(['form', DEMO_PACK, '--premises', 'canteen', '--format', 'html', '--lang', 'en']);
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!doctype html>/);
    expect(html.out).toContain('<li><strong>The alarm works</strong> <small> (required; asked only when Combustible-gas alarm installed is yes)</small>');
    expect(html.out).not.toContain('<script');
    const bad = await runCli(['form', DEMO_PACK, '--premises', 'office']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('pack demo-kitchen has no premises kind "office" (one of: restaurant, canteen)');
    expect((await runCli(['form', DEMO_PACK])).err).toContain('give the premises kind with --premises');
  });
});

describe('anjian form with a premises kind resolves the conditions on it', () => {
  // A department engineer's report on dust-explosion: with --premises wood_dust the form said
  // "场所类型 为 铝镁…" and showed metal-only questions as conditional.
  it('dust-explosion for wood dust: no condition on the premises kind, what it decides is asked outright', async () => {
    const { code, out } = await runCli(['form', join(REPO, 'checklists', 'dust-explosion'), '--premises', 'wood_dust', '--lang', 'zh-CN']);
    expect(code).toBe(0);
    expect(out).not.toMatch(/(^|[ （])场所类型 /m);
    // sanders are asked of every wood-dust enterprise
    expect(out).toMatch(/\*\*有与除尘风管相连的砂光机\*\*（必答）\n/);
    // a metal question stays only through the "also handled" box
    expect(out).toMatch(
      /\*\*铝镁等金属粉尘的除尘系统采用正压除尘方式\*\*（必答；仅当 除尘方式 为以下之一： 干式除尘、湿式除尘、干式和湿式都有 且 除场所类型所列粉尘外，还涉及的可燃性粉尘 包括 铝镁等金属粉尘 时询问）/,
    );
  });

  it('on every pack and premises kind, a conditional question names no premises kind and a question never asked is left out', async () => {
    const dirs = readdirSync(join(REPO, 'checklists'), { withFileTypes: true }).filter((d) => d.isDirectory());
    for (const dir of dirs) {
      const loaded = await loadPackFromPath(join(REPO, 'checklists', dir.name));
      if (!loaded.ok) throw new Error(dir.name);
      const pack = loaded.pack;
      for (const kind of pack.premises) {
        const form = reviewForm(pack, kind.id, 'zh-CN');
        const model = formModel(pack, { premises: kind.id });
        const shown = form.sections.flatMap((s) => s.questions);
        for (const q of shown) {
          expect(q.askedWhen, `${pack.id} ${kind.id} ${q.id}`).not.toMatch(/(^|[ （])场所类型 /);
          const m = model.questions.find((x) => x.id === q.id)!;
          expect(m.asked || m.askedWhen !== undefined, `${pack.id} ${kind.id} ${q.id} is never asked`).toBe(true);
        }
        expect(form.notAsked + shown.length, `${pack.id} ${kind.id}`).toBe(pack.facts.length);
      }
    }
  });
});

describe('anjian export', () => {
  it('md: one row per rule with the condition in words, basis, confidence and deadline; composites last', async () => {
    const { code, out } = await runCli(['export', DEMO_PACK, '--lang', 'zh-CN']);
    expect(code).toBe(0);
    expect(out).toContain(
      '| 报警与切断 | DEMO-002 | 可燃气体报警器 | DEMO-002-H2 | 报警器失效 | 一般事故隐患 | 安装可燃气体报警器 为 是 且 报警器工作正常 为 否 | GB 50028-2006（2006 (2020 ed.)）10.8.3 城镇燃气设计规范 | 未核实 | 3 个工作日内 |  | 全部 |',
    );
    expect(out.trimEnd().split('\n').pop()).toMatch(/^\| 综合判定 \| {2}\| {2}\| DEMO-C1 \| 多项燃气安全缺陷并存 \| 一般事故隐患 \| 以下至少 2 项成立：DEMO-002-H1、DEMO-003-H1、DEMO-004-H1 \|/);
  });

  it('csv: BOM, quoted cells, formula-looking text neutralised', async () => {
    const { out } = await runCli(['export', DEMO_PACK, '--format', 'csv', '--lang', 'en']);
    expect(out.startsWith('\uFEFF"Section","Item","Item title","Rule","Hazard","Level","Condition",')).toBe(true);
    expect(out.split('\r\n').filter((l) => l !== '').length).toBe(1 + 6);
    const loaded = await loadPackFromPath(DEMO_PACK);
    if (!loaded.ok) throw new Error('the demo pack does not load');
    const rows = ruleTable(loaded.pack, 'en');
    expect(ruleTableCsv([{ ...rows[0]!, title: '=HYPERLINK("x")' }], 'en')).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('xlsx: needs --output; the file opens with the headings and one row per rule', async () => {
    expect((await runCli(['export', DEMO_PACK, '--format', 'xlsx'])).code).toBe(2);
    const dir = tempDir();
    const { code, err } = await runCli(['export', DEMO_PACK, '--format', 'xlsx', '--output', 'rules.xlsx', '--lang', 'zh-CN'], { cwd: dir });
    expect(code).toBe(0);
    expect(err).toBe('已写入 6 条规则：rules.xlsx\n');
    const { sheet, row } = await openXlsx(readFileSync(join(dir, 'rules.xlsx')));
    expect(sheet.name).toBe('demo-kitchen');
    expect(sheet.rowCount).toBe(7);
    expect(row(1)).toEqual(['分组', '检查项', '检查项名称', '规则', '隐患', '等级', '判定条件', '依据', '依据可信度', '整改期限', '整改要求', '适用场所']);
    expect(row(2).slice(3, 7)).toEqual(['DEMO-001-H1', '在地下或半地下使用液化石油气', '重大事故隐患', '使用的燃气种类 为 瓶装液化石油气 且 用气场所位于地下或半地下 为 是']);
  });
});

describe('form and export on every pack under checklists/', () => {
  it('every premises kind gets a form; every rule a row of the workbook', async () => {
    const dirs = readdirSync(join(REPO, 'checklists'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dirs.length).toBeGreaterThanOrEqual(5);
    for (const dir of dirs) {
      const loaded = await loadPackFromPath(join(REPO, 'checklists', dir.name));
      if (!loaded.ok) throw new Error(`${dir.name}: ${JSON.stringify(loaded.issues[0])}`);
      const pack = loaded.pack;
      for (const kind of pack.premises) {
        const form = reviewForm(pack, kind.id, 'zh-CN');
        expect(form.sections.flatMap((s) => s.questions).length, `${pack.id} ${kind.id}`).toBeGreaterThan(0);
        expect(reviewFormMarkdown(form, 'zh-CN')).not.toContain('undefined');
        expect(reviewFormHtml(form, 'en')).not.toContain('undefined');
      }
      const rows = ruleTable(pack, 'zh-CN');
      const rules = pack.sections.flatMap((s) => s.items.flatMap((i) => i.hazards)).length + pack.composites.length;
      expect(rows.length).toBe(rules);
      for (const r of rows) expect(r.condition, r.rule).not.toMatch(/undefined|\[object/);
      const { sheet, row } = await openXlsx(await ruleTableXlsx(rows, 'zh-CN', pack.id, new Date(0)));
      expect(sheet.rowCount).toBe(rules + 1);
      expect(row(rules + 1)[3]).toBe(rows[rows.length - 1]!.rule);
    }
  });
});
