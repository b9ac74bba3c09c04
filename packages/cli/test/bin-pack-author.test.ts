import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from './fixtures.js';

// Issue 22, items 4–6, through the built executable (two child processes: a real pack with
// a tab under a 中文 locale, and the bundle finding exceljs; the pack author's other mistakes —
// GBK, Chinese quotes, a date with slashes — run in-process in cli-in-process.test.ts). Build first:
//   pnpm --filter @anjian/core --filter @anjian/cli build
const BIN = join(REPO, 'packages', 'cli', 'dist', 'bin.js');
const anjian = (args: string[], cwd = REPO) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' } });

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm --filter @anjian/core --filter @anjian/cli build" first`);
});

describe('the built bin on the packs under checklists/', () => {
  it('a tab in the gas pack is one located 中文 issue with its hint', () => {
    const dir = join(tempDir(), 'gas');
    cpSync(join(REPO, 'checklists', 'gas'), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const text = readFileSync(join(dir, 'pack.yaml'), 'utf8');
    const at = text.indexOf('\n  - id: ', text.indexOf('\npremises:')) + 1;
    writeFileSync(join(dir, 'pack.yaml'), `${text.slice(0, at)}\t${text.slice(at + 2)}`);
    const line = text.slice(0, at).split('\n').length;
    const r = anjian(['validate', 'gas'], join(dir, '..'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^gas/pack\\.yaml:${line}:1 {2}错误 {2}YAML_SYNTAX {2}第 ${line} 行第 1 列：这一行用制表符（Tab）缩进；YAML 只能用空格缩进。（其后另有 \\d+ 处语法报错，多由此引起，改正后重新检查）$`,
        'm',
      ),
    );
    expect(r.stdout).toContain(`提示：把第 ${line} 行开头的 Tab 换成空格`);
    expect(r.stdout).toContain('共 1 个错误');
  });

  it('export xlsx (exceljs loaded by the bundle) opens with one row per rule', async () => {
    const out = join(tempDir(), 'demo.xlsx');
    const r = anjian(['export', 'examples/packs/demo-kitchen', '--format', 'xlsx', '--output', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^已写入 \d+ 条规则：/);
    const ExcelJS = createRequire(join(REPO, 'packages', 'cli', 'package.json'))('exceljs') as {
      Workbook: new () => { xlsx: { readFile(f: string): Promise<unknown> }; worksheets: { rowCount: number }[] };
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets[0]!.rowCount).toBe(Number(/已写入 (\d+) 条规则/.exec(r.stderr)![1]) + 1);
  });
});
